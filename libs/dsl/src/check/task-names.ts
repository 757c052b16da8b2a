import type { Ident } from '../ast/expr';
import type { StateDecl, TaskDecl } from '../ast/flow';

/**
 * The name a task is known by (`decision.<name>.by`, `void <name>`, the task's `name` in the API): its
 * own name when written (`task contract "…"`), else the name of the state it lives in.
 */
export function taskName(state: StateDecl, task: TaskDecl): Ident {
  return task.name ?? state.name;
}

/** A hint for a reference to a state whose task has another name, or the general naming rule. */
export function taskNameHint(flowStates: Iterable<StateDecl>, written: string): string {
  for (const state of flowStates) {
    const [task] = state.tasks;
    if (state.name.name === written && task?.name)
      return `the task of state "${written}" is named "${task.name.name}"`;
  }
  return 'a task is named after its state unless it names itself: `task <name> "Title" …`';
}
