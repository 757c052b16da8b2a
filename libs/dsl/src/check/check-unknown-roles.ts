import type { Check } from './context';
import { didYouMean } from './suggest';

/** With the directory's role list in the options, a role the flow names that is not in it is a warning. */
export const checkUnknownRoles: Check = (ctx) => {
  const known = ctx.options.roles;
  if (!known) return;
  for (const role of ctx.typed.roleRefs) {
    if (known.includes(role.name)) continue;
    ctx.report.warning(
      role.span,
      'flow/unknown-role',
      `Unknown role "${role.name}"${didYouMean(role.name, known)}`,
      `the directory's roles are ${known.join(', ')}`,
    );
  }
};
