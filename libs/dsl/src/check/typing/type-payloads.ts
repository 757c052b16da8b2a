import type { Expr } from '../../ast/expr';
import type { FieldDecl, FlowDecl, TransitionDecl } from '../../ast/flow';
import type { TypeIR } from '../../ir/flow-ir';
import type { Reporter } from '../context';
import { typeName } from '../types';
import { childExprs } from '../../ast/child-exprs';
import { resolveType } from './resolve-type';
import type { ExprTyper } from './type-expr';

/**
 * Types the payloads of `on e(field: T, …)` transitions (into `fieldTypes`, keyed like input fields) and
 * tells the typer, for every `event.<f>` written in such a transition's guard or actions, which payload
 * it reads. Runs before any expression is typed, since a variable may be typed on first use elsewhere.
 * Every `on e` of the flow must declare the same payload (`flow/payload-mismatch`): the engine validates
 * an event before it knows which transition will take it.
 */
export function typePayloads(
  flow: FlowDecl,
  typer: ExprTyper,
  report: Reporter,
  fieldTypes: Map<FieldDecl, TypeIR>,
): void {
  const first = new Map<string, { t: TransitionDecl; sig: string }>();
  for (const state of flow.states) {
    for (const t of state.transitions) {
      if (t.kind !== 'on' || !t.event) continue;
      const fields = new Map<string, TypeIR | null>();
      for (const field of t.params ?? []) {
        if (fields.has(field.name.name)) {
          report.error(
            field.name.span,
            'flow/duplicate-field',
            `The payload of "${t.event.name}" declares "${field.name.name}" twice`,
            'give each payload field once',
          );
          continue;
        }
        const type = resolveType(field.type, report);
        if (type) fieldTypes.set(field, type);
        fields.set(field.name.name, type);
      }
      const sig = t.params ? [...fields].map(([n, ty]) => `${n}: ${ty ? typeName(ty) : '?'}`).join(', ') : '';
      const seen = first.get(t.event.name);
      if (!seen) first.set(t.event.name, { t, sig });
      else if (seen.sig !== sig) {
        report.error(
          t.event.span,
          'flow/payload-mismatch',
          `"${t.event.name}" carries (${sig || 'no payload'}) here but (${seen.sig || 'no payload'}) on line ${seen.t.event!.span.line}`,
          `declare the same payload on every \`on ${t.event.name}\``,
        );
      }
      if (!t.params) continue;
      const payload = { event: t.event.name, fields };
      for (const e of eventReads(t)) typer.eventPayloads.set(e, payload);
    }
  }
}

/** The `event.<f>` expressions in a transition's guard and actions. */
function eventReads(t: TransitionDecl): Expr[] {
  const stack: Expr[] = [
    ...(t.guard ? [t.guard] : []),
    ...t.actions.flatMap((a) => (a.k === 'set' ? [a.value] : a.k === 'notify' ? [a.to] : [])),
  ];
  const out: Expr[] = [];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.k === 'member' && e.object.k === 'name' && e.object.name === 'event') out.push(e);
    stack.push(...childExprs(e));
  }
  return out;
}
