import { compareDecimal, Decimal } from '../../values/decimal';
import { encodeValue } from '../../values/json-codec';
import { parsePercent } from '../../values/percent';
import type { Value } from '../../values/value';
import type { DirectoryUserView } from '../eval-env';
import { fail, FAIL, type Outcome, type Scope } from '../scope';
import type { CallSite, FunctionImpl, FunctionSpec } from './function-spec';

const HUNDRED = new Decimal(100n, 0);

/** Looks the user up, failing with the call text when the argument is null or unknown. */
function lookUp(site: CallSite, v: Value, s: Scope): DirectoryUserView | typeof FAIL {
  if (v === null) return fail(s, `\`${site.text}\`: the user is null`);
  if (typeof v !== 'string') return fail(s, `\`${site.text}\`: the argument is not a user`);
  return s.env.directory.user(v) ?? fail(s, `\`${site.text}\`: unknown user "${v}"`);
}

/** Reports the looked-up value to the trace under the call's text, then returns it. */
function traced(site: CallSite, s: Scope, v: Value): Value {
  s.env.trace?.read(site.text, encodeValue(site.result, v));
  return v;
}

/** A role's authority: `"3%"` → 3%, `null` (unlimited) → 100%, unknown → undefined. */
function roleAuthority(site: CallSite, role: string, s: Scope): Decimal | undefined | typeof FAIL {
  const raw = s.env.directory.roleAuthority(role);
  if (raw === undefined) return undefined;
  if (raw === null) return HUNDRED;
  return (
    parsePercent(raw) ??
    fail(s, `\`${site.text}\`: the directory holds "${raw}" for role ${role}, not a percentage`)
  );
}

/**
 * `authority(user)`: the personal override, else the highest authority of the user's roles
 * (unlimited counts as 100 %), else 0 %. `authority(role)`: the role's authority, 100 % when
 * unlimited, 0 % when none is set.
 */
export const authority: FunctionSpec = (site) => {
  const kind = site.args[0]?.type.kind;
  if (site.args.length !== 1 || (kind !== 'user' && kind !== 'role')) return undefined;
  if (kind === 'role')
    return ([role], s) => {
      if (typeof role !== 'string') return fail(s, `\`${site.text}\`: the role is null`);
      const a = roleAuthority(site, role, s);
      return a === FAIL ? FAIL : traced(site, s, a ?? Decimal.ZERO);
    };
  return ([name], s) => {
    const user = lookUp(site, name, s);
    if (user === FAIL) return FAIL;
    if (user.discountAuthority !== null) {
      const own = parsePercent(user.discountAuthority);
      if (!own)
        return fail(s, `\`${site.text}\`: the directory holds "${user.discountAuthority}", not a percentage`);
      return traced(site, s, own);
    }
    let best: Decimal = Decimal.ZERO;
    for (const role of user.roles) {
      const a = roleAuthority(site, role, s);
      if (a === FAIL) return FAIL;
      if (a && compareDecimal(a, best) > 0) best = a;
    }
    return traced(site, s, best);
  };
};

function userField(pick: (u: DirectoryUserView) => Value): FunctionSpec {
  return (site) => {
    if (site.args.length !== 1 || site.args[0].type.kind !== 'user') return undefined;
    return ([name], s): Outcome => {
      const user = lookUp(site, name, s);
      return user === FAIL ? FAIL : traced(site, s, pick(user));
    };
  };
}

/** `superior(user)`: the direct superior's username, or null when the user has none. */
export const superior = userField((u) => u.superior);
/** `team(user)`: the user's team key, or null. */
export const team = userField((u) => u.team);
/** `roles(user)`: the user's role keys. */
export const roles = userField((u) => [...u.roles]);

/** `hasRole(user, role)`. */
export const hasRole: FunctionSpec = (site) => {
  if (site.args.length !== 2 || site.args[0].type.kind !== 'user' || site.args[1].type.kind !== 'role')
    return undefined;
  const impl: FunctionImpl = ([name, role], s) => {
    const user = lookUp(site, name, s);
    if (user === FAIL) return FAIL;
    return traced(site, s, typeof role === 'string' && user.roles.includes(role));
  };
  return impl;
};
