import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { MethodName } from '../../../electron/api/contract.ts';
import type { RunView, ScreenMode } from '../../../electron/api/run.ts';
import { call } from '../../api/client.ts';

type SimpleCommand = 'next' | 'previous' | 'start' | 'pause' | 'resume' | 'stop' | 'skip';

/**
 * The run controls, shared by the buttons and the keyboard shortcuts. Commands from this console
 * go out one after another, and a toggle (pause, blackout, logo) decides from the newest state
 * known: its own last answer or the last event, whichever is newer. Two quick presses of L then
 * show the logo and take it away, instead of both reading a state from before the first.
 */
export function useRunCommands(
  meetingId: string,
  run: RunView | null,
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
    (send: (current: RunView | null) => Promise<RunView>) => {
      queue.current = queue.current.then(async () => {
        try {
          remember(await send(latest.current));
        } catch (error) {
          onError(error);
        }
      });
    },
    [onError, remember],
  );
  return {
    command: (name: SimpleCommand) =>
      enqueue(() =>
        call(`run.${name}` as Extract<MethodName, `run.${SimpleCommand}`>, { id: meetingId }),
      ),
    togglePause: () =>
      enqueue((current) =>
        call(current?.clock?.pausedAt != null ? 'run.resume' : 'run.pause', { id: meetingId }),
      ),
    adjust: (deltaMs: number) => enqueue(() => call('run.adjust', { id: meetingId, deltaMs })),
    goto: (itemId: string) => enqueue(() => call('run.goto', { id: meetingId, itemId })),
    message: (text: string) => enqueue(() => call('run.message', { id: meetingId, text })),
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
