/** Test support for the core's tests: an agenda and a run driver, with times passed in. */
import { emptyAgendaItemFields, type AgendaItem } from '../agenda.ts';
import { applyRunCommand, type RunCommand, type RunState } from '../run.ts';

/** An agenda of items `i0`, `i1`, … lasting these planned minutes, in this order. */
export function agendaOf(plannedMinutes: readonly number[]): AgendaItem[] {
  return plannedMinutes.map((minutes, position) => ({
    ...emptyAgendaItemFields,
    id: `i${position}`,
    meetingId: 'm',
    position,
    plannedMinutes: minutes,
  }));
}

/** Applies run commands to `items` at the times given, failing on any refusal. */
export function runOn(items: readonly AgendaItem[]) {
  return (state: RunState, command: RunCommand, at: number): RunState => {
    const outcome = applyRunCommand(state, command, items, at);
    if (!outcome.ok) throw new Error(outcome.problem);
    return outcome.state;
  };
}
