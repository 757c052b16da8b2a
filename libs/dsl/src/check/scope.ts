import type { ActionDecl, ConstDecl, FieldDecl, FlowDecl, StateDecl, TableDecl, TaskDecl } from '../ast/flow';
import { taskName } from './task-names';

export type SetAction = Extract<ActionDecl, { k: 'set' }>;

/**
 * The names a flow declares, each mapped to its first declaration (later duplicates are reported by
 * `check-duplicates` and otherwise ignored, so one mistake gives one diagnostic).
 */
export interface FlowScope {
  flow: FlowDecl;
  states: Map<string, StateDecl>;
  inputs: Map<string, FieldDecl>;
  consts: Map<string, ConstDecl>;
  tables: Map<string, TableDecl>;
  /** The `set` actions of each variable, in source order. */
  vars: Map<string, SetAction[]>;
  /** Tasks by name (`task <name>`, else the name of the state they live in). */
  tasks: Map<string, TaskDecl>;
  /** The table names `use … from …` lists (callable; a use that failed was reported there). */
  used: Set<string>;
}

export function buildScope(flow: FlowDecl): FlowScope {
  const first = <T>(map: Map<string, T>, name: string, value: T): void => {
    if (!map.has(name)) map.set(name, value);
  };
  const scope: FlowScope = {
    flow,
    states: new Map(),
    inputs: new Map(),
    consts: new Map(),
    tables: new Map(),
    vars: new Map(),
    tasks: new Map(),
    used: new Set((flow.uses ?? []).flatMap((u) => u.tables.map((t) => t.name))),
  };
  for (const field of flow.inputs) first(scope.inputs, field.name.name, field);
  for (const decl of flow.consts) first(scope.consts, decl.name.name, decl);
  for (const table of flow.tables) first(scope.tables, table.name.name, table);
  for (const state of flow.states) {
    first(scope.states, state.name.name, state);
    const [task] = state.tasks;
    if (task) first(scope.tasks, taskName(state, task).name, task);
    for (const actions of [...state.transitions, ...state.timerActions].map((t) => t.actions)) {
      for (const action of actions) {
        if (action.k !== 'set') continue;
        const list = scope.vars.get(action.name.name) ?? [];
        list.push(action);
        scope.vars.set(action.name.name, list);
      }
    }
  }
  return scope;
}
