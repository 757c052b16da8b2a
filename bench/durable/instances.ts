import type { SignetStore } from '@signet/persistence';
import type { Decide } from './drive';
import { DECIDER, REQUESTER } from './pingpong-flow';

/** Starts `n` ping-pong instances as the requester; returns their ids and their open tasks' ids. */
export async function startInstances(
  store: SignetStore,
  n: number,
): Promise<{ ids: string[]; taskIds: string[] }> {
  const ids: string[] = [];
  const taskIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const inst = await store.startInstance({
      flowKey: 'bench_pingpong',
      input: { unit: `U-${i}` },
      actor: REQUESTER,
    });
    const [task] = await store.tasksOfInstance(inst.id, 'OPEN');
    ids.push(inst.id);
    taskIds.push(task.id);
  }
  return { ids, taskIds };
}

/** decideTask through the store, in process; the next open task's id comes from the instance context. */
export function storeDecide(store: SignetStore): Decide {
  return async (taskId) => {
    const record = await store.decideTask({ taskId, decision: 'approve', actor: DECIDER });
    const id = (record.context as { openTask?: { id?: string } | null }).openTask?.id;
    if (!id) throw new Error('decision left no open task');
    return id;
  };
}
