import type { Diagnostic } from '@signet/dsl';
import type { ProcessErrorCode, ProcessErrorDetails } from '../store';

/**
 * The one error type the store throws for anything a caller can cause: a stable `code` (mapped to
 * GraphQL `extensions.code` by the API) and a message that names what went wrong and how to fix it.
 * Build them with the named factories so every message carries its identifiers.
 */
export class ProcessError extends Error {
  override readonly name = 'ProcessError';

  constructor(
    readonly code: ProcessErrorCode,
    message: string,
    readonly details?: ProcessErrorDetails,
  ) {
    super(message);
  }

  static notFound(what: 'flow' | 'instance' | 'task', id: string): ProcessError {
    return new ProcessError('NOT_FOUND', `${what} ${id} does not exist (or you may not see it)`);
  }

  static flowNotDeployed(key: string, version?: number): ProcessError {
    const which = version === undefined ? `flow ${key}` : `flow ${key} v${version}`;
    return new ProcessError('NOT_FOUND', `${which} is not deployed; deploy it first (see \`flows\`)`);
  }

  static flowInvalid(diagnostics: Diagnostic[]): ProcessError {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    const where = first ? ` (first: ${first.line}:${first.column} ${first.code} ${first.message})` : '';
    return new ProcessError(
      'FLOW_INVALID',
      `the flow source has ${errors.length} error(s)${where}; fix them and deploy again`,
      { diagnostics },
    );
  }

  static flowVersionTaken(key: string, version: number): ProcessError {
    return new ProcessError(
      'CONFLICT',
      `${key} v${version} is already deployed with different content; bump the version`,
    );
  }

  static conflictForInstance(id: string, expected: number, actual: number): ProcessError {
    return new ProcessError(
      'CONFLICT',
      `instance ${id} was changed by another request (version ${actual}, you sent ${expected}); reload and retry`,
    );
  }

  static concurrentWrite(id: string, actual: number | null): ProcessError {
    const now = actual === null ? '' : ` (it is now at version ${actual})`;
    return new ProcessError(
      'CONFLICT',
      `instance ${id} was changed by another request while this one ran${now}; reload and retry`,
    );
  }

  static taskAlreadyDecided(taskId: string, by: string | null, decision: string | null): ProcessError {
    const how = decision ? ` (${decision})` : '';
    return new ProcessError(
      'CONFLICT',
      `task ${taskId} was already decided by ${by ?? 'the system'}${how}; reload the instance`,
    );
  }

  static taskCancelled(taskId: string): ProcessError {
    return new ProcessError('CONFLICT', `task ${taskId} was cancelled and can no longer be decided`);
  }

  static businessKeyTaken(flowKey: string, businessKey: string, holder: string | null): ProcessError {
    const who = holder ? `active instance ${holder}` : 'another active instance';
    return new ProcessError(
      'BUSINESS_KEY_TAKEN',
      `business key "${businessKey}" of flow ${flowKey} is already held by ${who}; ` +
        'finish or cancel that instance first',
      holder ? { holder } : undefined,
    );
  }

  static businessKeyMismatch(flowKey: string, given: string, declared: string): ProcessError {
    return new ProcessError(
      'BAD_USER_INPUT',
      `businessKey "${given}" contradicts the key flow ${flowKey} computes from its input ("${declared}"); omit businessKey or send "${declared}"`,
      { fields: [{ path: 'businessKey', message: `must be "${declared}" or omitted` }] },
    );
  }

  static idempotencyKeyReused(key: string, usedFor: string, requested: string): ProcessError {
    return new ProcessError(
      'CONFLICT',
      `idempotency key "${key}" was already used for ${usedFor}; use a new key for ${requested}`,
    );
  }

  static badInput(message: string, fields?: { path: string; message: string }[]): ProcessError {
    return new ProcessError('BAD_USER_INPUT', message, fields ? { fields } : undefined);
  }

  static badCursor(cursor: string): ProcessError {
    return new ProcessError(
      'BAD_USER_INPUT',
      `cursor "${cursor}" does not belong to this list; pass an endCursor returned by the same query`,
    );
  }
}

/** True for errors the store raised on purpose (everything else is a bug or an outage). */
export function isProcessError(error: unknown): error is ProcessError {
  return error instanceof ProcessError;
}
