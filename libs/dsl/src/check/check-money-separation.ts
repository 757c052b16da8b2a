import type { Check } from './context';

/**
 * Four-eyes on money: a flow with a money input whose human task names no `separateFrom` lets the
 * person who asked (or who decided the step before) approve the amount themselves. A warning: some
 * tasks (a customer call, a finance booking) legitimately need none, and say so by adding one anyway.
 */
export const checkMoneySeparation: Check = (ctx) => {
  const money = ctx.flow.inputs.find((f) => f.type.k === 'named' && f.type.name.name === 'money');
  if (!money) return;
  for (const state of ctx.flow.states) {
    const [task] = state.tasks;
    if (!task || state.final || task.separateFrom.length > 0) continue;
    ctx.report.warning(
      task.keyword,
      'task/missing-separation',
      `The task of "${state.name.name}" decides on money (input.${money.name.name}) but names no \`separateFrom\``,
      'add e.g. `separateFrom requester` (four-eyes), or `separateFrom deciders` for anyone who decided before',
    );
  }
};
