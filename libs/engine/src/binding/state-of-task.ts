import type { FlowIR, TaskIR } from '@signet/dsl';

/**
 * The name of the state that holds `task`. A task's name may differ from its state's (`task contract …`
 * in `deposited`); task names are unique in a flow, so the name finds the state.
 */
export function stateOfTask(ir: FlowIR, task: TaskIR): string {
  return ir.states.find((s) => s.task?.name === task.name)?.name ?? task.name;
}
