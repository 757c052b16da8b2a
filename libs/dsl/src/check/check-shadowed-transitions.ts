import type { Check } from './context';

/** A transition after an unguarded one for the same trigger (`always`, or the same `on` event) never fires. */
export const checkShadowedTransitions: Check = (ctx) => {
  for (const state of ctx.flow.states) {
    const open = new Map<string, number>();
    for (const transition of state.transitions) {
      if (transition.kind === 'after' || transition.kind === 'at') continue;
      const trigger = transition.kind === 'always' ? 'always' : `on ${transition.event?.name ?? ''}`;
      const line = open.get(trigger);
      if (line !== undefined) {
        ctx.report.warning(
          transition.keyword,
          'flow/shadowed-transition',
          `This transition never fires: the \`${trigger}\` transition on line ${line} has no guard and is tried first`,
          'give the earlier transition a `when` guard, or reorder them',
        );
      } else if (!transition.guard) {
        open.set(trigger, transition.keyword.line);
      }
    }
  }
};
