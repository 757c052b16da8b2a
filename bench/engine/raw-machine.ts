import { assign, setup } from 'xstate';

/**
 * The discount flow as a plain XState v5 machine written by hand: the same states, eventless routing
 * and decisions, with JS guards and assigns on plain numbers. No IR, no checks, no trace, no effects:
 * the floor our engine's step is compared with.
 */
export interface RawContext {
  listPrice: number;
  discount: number;
  authority: number;
  netPrice: number;
  reviewer: string;
  decisions: Record<string, { decision: string; by: string }>;
}

type RawEvent = { type: 'approve' | 'reject'; by: string };

export const rawMachine = setup({
  types: { context: {} as RawContext, events: {} as RawEvent, input: {} as RawContext },
  actions: {
    // Records who decided, as the engine's recordDecision does.
    decide: assign(({ context, event }) => ({
      decisions: { ...context.decisions, review: { decision: event.type, by: event.by } },
    })),
  },
}).createMachine({
  context: ({ input }) => input,
  initial: 'submitted',
  states: {
    submitted: {
      always: {
        target: 'routing',
        actions: assign(({ context }) => ({
          netPrice: Math.round(context.listPrice * (100 - context.discount)) / 100,
          reviewer:
            context.discount <= context.authority
              ? 'auto'
              : context.discount <= 3
                ? 'manager'
                : context.discount <= 5
                  ? 'director'
                  : 'vice_president',
        })),
      },
    },
    routing: {
      always: [
        { target: 'approved', guard: ({ context }) => context.reviewer === 'auto' },
        { target: 'manager_review', guard: ({ context }) => context.reviewer === 'manager' },
        { target: 'director_review', guard: ({ context }) => context.reviewer === 'director' },
        { target: 'vp_review' },
      ],
    },
    manager_review: { on: { approve: { target: 'approved', actions: 'decide' }, reject: 'rejected' } },
    director_review: { on: { approve: { target: 'approved', actions: 'decide' }, reject: 'rejected' } },
    vp_review: { on: { approve: { target: 'approved', actions: 'decide' }, reject: 'rejected' } },
    approved: { type: 'final' },
    rejected: { type: 'final' },
  },
});
