import type { FlowDecl } from '../ast/flow';
import type { FlowScope } from '../check/scope';
import type { TypedFlow } from '../check/typing/typed-flow';
import { literalValue } from '../check/typing/literals';
import type { ConstantIR, FieldIR, FlowIR, TableIR } from '../ir/flow-ir';
import { buildState } from './build-states';
import { buildTable } from './build-tables';
import { typedExpr } from './typed-lookup';

/** Assembles the FlowIR (without its hash) of a flow that checked without errors. */
export function buildFlowIR(
  flow: FlowDecl,
  scope: FlowScope,
  typed: TypedFlow,
  source: string,
  used: readonly TableIR[] = [],
): Omit<FlowIR, 'hash'> {
  const input: FieldIR[] = [...scope.inputs.values()].map((field) => {
    const type = typed.inputs.get(field);
    if (!type) throw new Error(`compiler bug: input ${field.name.name} was not typed`);
    return field.optional ? { name: field.name.name, type, optional: true } : { name: field.name.name, type };
  });
  const constants: ConstantIR[] = [...scope.consts.keys()].map((name) => {
    const ir = typed.constants.get(name);
    if (!ir) throw new Error(`compiler bug: constant ${name} was not typed`);
    return { name, type: ir.type, value: literalValue(ir) };
  });
  const initial = flow.states.find((s) => s.initial);
  if (!initial) throw new Error('compiler bug: a flow without an initial state passed the checks');
  const allTasks = [...scope.tasks.keys()];
  const states = [...scope.states.values()].map((state) => buildState(state, typed, source, allTasks));
  // Delegation is offered through two engine events, listed once when any task is `delegable`.
  const delegation = [
    ...(states.some((s) => s.task?.delegable) ? ['task.delegate', 'task.return'] : []),
    ...(states.some((s) => s.task?.addSigner) ? ['task.addSigner'] : []),
  ];
  const events = [
    ...new Set([
      ...states.flatMap((s) => [...s.on.map((t) => t.event as string), ...s.timers.map((t) => t.event)]),
      ...delegation,
    ]),
  ];
  const [key] = flow.keys;
  const migrations = flow.migrations.map((m) => ({
    fromVersion: m.fromVersion,
    states: Object.fromEntries(m.maps.map((x) => [x.from.name, x.to.name])),
  }));
  return {
    ...(migrations.length ? { migrations } : {}),
    ...(key ? { businessKey: typedExpr(typed, key.value) } : {}),
    irVersion: 1,
    key: flow.key.name,
    version: flow.version,
    title: flow.title,
    input,
    constants,
    // Local tables, then the copies of tables used from other flows (each with its origin).
    tables: [...[...scope.tables.values()].map((table) => buildTable(table, typed)), ...used],
    startRoles: [...new Set(flow.start.flatMap((s) => s.roles.map((r) => r.name)))],
    initial: initial.name.name,
    states,
    events,
  };
}
