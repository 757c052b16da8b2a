import type { Check } from './context';

/** Exactly one state is `initial`. */
export const checkInitialState: Check = (ctx) => {
  const initials = ctx.flow.states.filter((s) => s.initial);
  for (const extra of initials.slice(1)) {
    ctx.report.error(
      extra.initial ?? extra.name.span,
      'flow/multiple-initial',
      `A flow has one initial state; "${initials[0].name.name}" already is (line ${initials[0].span.line})`,
      `remove \`initial\` from "${extra.name.name}"`,
    );
  }
  if (initials.length === 0 && !ctx.incomplete) {
    const first = ctx.flow.states[0];
    ctx.report.error(
      ctx.flow.key.span,
      'flow/missing-initial',
      `The flow "${ctx.flow.key.name}" has no initial state`,
      first
        ? `mark the state it starts in: \`initial state ${first.name.name}\``
        : 'declare `initial state start { … }`',
    );
  }
};
