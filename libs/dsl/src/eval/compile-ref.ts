import type { ExprIR, Json, TypeIR } from '../ir/flow-ir';
import { decoderFor } from '../values/json-codec';
import type { EvalEnv } from './eval-env';
import { type Compiled, fail, type FAIL, type Scope } from './scope';

type RefExpr = Extract<ExprIR, { k: 'ref' }>;

/** Walks `path` from `from` through JSON objects; absent fields read as null. */
function walk(from: Json | undefined, path: readonly string[], start: number): Json {
  let at: Json | undefined = from;
  for (let i = start; i < path.length; i++) {
    if (at === null || at === undefined || typeof at !== 'object' || Array.isArray(at)) return null;
    at = at[path[i]];
  }
  return at ?? null;
}

/** The JSON a reference path points at in the environment, or `undefined` for an unknown root. */
function reader(path: readonly string[]): ((env: EvalEnv) => Json) | undefined {
  const [root, name] = path;
  switch (root) {
    case 'input':
      // `input.<field>`, the common case, reads the field without walking.
      if (path.length === 2)
        return (env) => {
          const v = env.context.input[name];
          return v === undefined ? null : v;
        };
      return (env) => walk(env.context.input[name], path, 2);
    case 'requester':
      return (env) => env.context.requester;
    case 'var':
      return (env) => walk(env.context.vars[name], path, 2);
    case 'decision':
      return (env) => walk(env.context.decisions[name], path, 2);
    case 'now':
      return (env) => env.now;
    case 'deciders':
      // Everyone who decided a task of this instance so far (voided decisions are forgotten).
      return (env) => [
        ...new Set(
          Object.values(env.context.decisions).flatMap((d) => [
            ...(typeof d.by === 'string' ? [d.by] : []),
            ...Object.keys(d.votes ?? {}),
          ]),
        ),
      ];
    case 'event':
      return (env) => walk(env.event ?? null, path, 1);
    case 'const':
      return (env) => walk(env.constants?.find((c) => c.name === name)?.value, path, 2);
    default:
      return undefined;
  }
}

/**
 * Compiles a reference (`input.discount`, `requester`, `var.x`, `decision.manager_review.by`, `now`,
 * `event.amount`). The stored canonical JSON is decoded with the reference's static type; absent
 * values are null. Every read is reported to the trace sink under its dotted name.
 */
export function compileRef(e: RefExpr): Compiled {
  const name = e.path.join('.');
  const read = reader(e.path);
  if (!read) return (s) => fail(s, `unknown reference \`${name}\``);
  const decode = decoderFor(e.type);
  return (s) => {
    const json = read(s.env);
    s.env.trace?.read(name, json);
    const v = decode(json);
    return v === undefined ? notA(s, name, json, e.type) : v;
  };
}

/** The failure of a reference whose stored JSON does not have the reference's type. */
export function notA(s: Scope, name: string, json: Json, type: TypeIR): typeof FAIL {
  return fail(s, `\`${name}\` holds ${JSON.stringify(json)}, which is not a ${type.kind}`);
}

/**
 * The parts of a reference for callers that decode its JSON themselves (the fused `round(a × b, n)`
 * reads money text straight into a double): the dotted name for the trace and messages, and the reader.
 * `undefined` for an unknown root (then `compileRef` compiles the failure).
 */
export function refReader(e: RefExpr): { name: string; read: (env: EvalEnv) => Json } | undefined {
  const read = reader(e.path);
  return read && { name: e.path.join('.'), read };
}
