import { ProcessError } from '../../src';
import type { InstanceRecord, SignetStore } from '../../src';

/** Input of a discount request for unit A-0101 at the given discount (`"2%"`). */
export const discountInput = (discount: string) => ({ unit: 'A-0101', listPrice: '1850000.00', discount });

/** The ProcessError the operation failed with (anything else, or success, fails the test). */
export async function failure(promise: Promise<unknown>): Promise<ProcessError> {
  const error = await promise.then(
    () => new Error('expected the operation to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof ProcessError)) throw error;
  return error;
}

/** li.na asks for 2 %: an instance waiting in manager review, and its open task. */
export async function openReview(store: SignetStore): Promise<{ instance: InstanceRecord; taskId: string }> {
  const instance = await store.startInstance({
    flowKey: 'discount_approval',
    input: discountInput('2%'),
    actor: 'li.na',
  });
  const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
  return { instance, taskId: task.id };
}
