import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AgendaItem } from '../../../electron/api/agenda.ts';
import type { MethodName } from '../../../electron/api/contract.ts';
import type { MessageTarget, RunView, ScreenMode } from '../../../electron/api/run.ts';
import { ApiCallError, call } from '../../api/client.ts';

type SimpleCommand = 'next' | 'previous' | 'start' | 'pause' | 'resume' | 'stop' | 'skip';

/** The server refused to run a finished item again without `again: true`. */
const isRunAgainRefusal = (error: unknown) =>
  error instanceof ApiCallError && error.status === 409 && error.field === 'again';

/** The item that `next` or `start` would start: the cued one, else the one after the speaker. */
function itemToStart(run: RunView | null, items: readonly AgendaItem[]): AgendaItem | undefined {
  const index = items.findIndex((i) => i.id === run?.currentItemId);
  if (index < 0) return undefined;
  return run?.clock ? items[index + 1] : items[index];
}

/** A question waiting for the organizer: run this finished item again? */
export interface RunAgainQuestion {
  item: AgendaItem | undefined;
  answer: (yes: boolean) => void;
}

/**
 * The run controls, shared by the buttons and the keyboard shortcuts. Commands from this console
 * go out one after another, and a toggle (pause, blackout, logo) decides from the newest state
 * known: its own last answer or the last event, whichever is newer. Two quick presses of L then
 * show the logo and take it away, instead of both reading a state from before the first.
 */
export function useRunCommands(
  meetingId: string,
  run: RunView | null,
  items: readonly AgendaItem[],
  onError: (e: unknown) => void,
) {
  const latest = useRef<RunView | null>(run);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const remember = useCallback((next: RunView | null) => {
    const known = latest.current;
    if (
      !next ||
      !known ||
      known.meetingId !== next.meetingId ||
      next.serverNow >= known.serverNow
    ) {
      latest.current = next;
    }
  }, []);
  useEffect(() => remember(run), [run, remember]);

  const enqueue = useCallback(
    (send: (current: RunView | null) => Promise<RunView | null>) => {
      queue.current = queue.current.then(async () => {
        try {
          const answer = await send(latest.current);
          if (answer) remember(answer);
        } catch (error) {
          onError(error);
        }
      });
    },
    [onError, remember],
  );

  // Commands wait in the queue while the question is open, so none overtakes the answer.
  const [question, setQuestion] = useState<RunAgainQuestion | null>(null);
  const askRunAgain = (item: AgendaItem | undefined) =>
    new Promise<boolean>((resolve) =>
      setQuestion({
        item,
        answer: (yes) => {
          setQuestion(null);
          resolve(yes);
        },
      }),
    );

  /** `next` and `start`: the server refuses a finished item without `again`; ask, then send it. */
  const startCommand = (name: 'next' | 'start') =>
    enqueue(async (current) => {
      try {
        return await call(`run.${name}`, { id: meetingId });
      } catch (error) {
        if (!isRunAgainRefusal(error)) throw error;
        if (!(await askRunAgain(itemToStart(current, items)))) return null;
        return call(`run.${name}`, { id: meetingId, again: true });
      }
    });

  return {
    runAgainQuestion: question,
    command: (name: SimpleCommand) =>
      name === 'next' || name === 'start'
        ? startCommand(name)
        : enqueue(() =>
            call(`run.${name}` as Extract<MethodName, `run.${SimpleCommand}`>, { id: meetingId }),
          ),
    togglePause: () =>
      enqueue((current) =>
        call(current?.clock?.pausedAt != null ? 'run.resume' : 'run.pause', { id: meetingId }),
      ),
    adjust: (deltaMs: number) => enqueue(() => call('run.adjust', { id: meetingId, deltaMs })),
    goto: (itemId: string) => enqueue(() => call('run.goto', { id: meetingId, itemId })),
    /** Without `to`: to the speaker (the lectern screen, the projector when none is there). */
    message: (text: string, to?: { target: MessageTarget; projectorIfNoLectern: boolean }) =>
      enqueue(() => call('run.message', { id: meetingId, text, ...to })),
    /** 按时结束: the plan's new limits, applied together. */
    finishOnTime: (changes: { itemId: string; toMinutes: number }[]) =>
      enqueue(() => call('run.finishOnTime', { id: meetingId, changes })),
    undoFinishOnTime: () => enqueue(() => call('run.undoFinishOnTime', { id: meetingId })),
    screen: (mode: ScreenMode) =>
      enqueue((current) =>
        call('run.screen', { id: meetingId, mode: current?.screen === mode ? 'live' : mode }),
      ),
  };
}
export type RunCommands = ReturnType<typeof useRunCommands>;

/** Shortcut keys, each shown on its button. Clickers send PageDown/PageUp or the arrows. */
export const SHORTCUTS = {
  next: 'Space',
  previous: '←',
  pause: 'P',
  stop: 'S',
  skip: 'K',
  plus: '+',
  minus: '−',
  hurry: 'H',
  wrapUp: 'E',
  clear: 'C',
  blackout: 'X',
  logo: 'L',
} as const;

/** Keys typed into a field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * Space is "next" wherever the focus is, even on a button the organizer just clicked (Enter
 * still presses buttons): a hall cannot wait while someone clicks back into the page.
 */
function isSpaceOnButton(event: KeyboardEvent): boolean {
  return event.key === ' ' && (event.target as HTMLElement | null)?.tagName === 'BUTTON';
}

export function useRunShortcuts(
  commands: RunCommands,
  presets: { hurry: string; wrapUp: string },
): void {
  // Attached before the panel is painted: a key pressed the moment it appears still counts.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      // A question is open (run a speaker again?): its own buttons and Escape answer it.
      if (document.querySelector('dialog[open]')) return;
      const actions: Record<string, () => void> = {
        ' ': () => commands.command('next'),
        ArrowRight: () => commands.command('next'),
        PageDown: () => commands.command('next'),
        ArrowLeft: () => commands.command('previous'),
        PageUp: () => commands.command('previous'),
        p: () => commands.togglePause(),
        s: () => commands.command('stop'),
        k: () => commands.command('skip'),
        '+': () => commands.adjust(60_000),
        '=': () => commands.adjust(60_000),
        '-': () => commands.adjust(-60_000),
        h: () => commands.message(presets.hurry),
        e: () => commands.message(presets.wrapUp),
        c: () => commands.message(''),
        x: () => commands.screen('blackout'),
        l: () => commands.screen('logo'),
      };
      const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    // The button's own Space "click" fires on keyup; stop it so Space does one thing only.
    const onKeyUp = (event: KeyboardEvent) => {
      if (isSpaceOnButton(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [commands, presets]);
}
