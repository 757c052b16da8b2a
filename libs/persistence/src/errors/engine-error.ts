import type { EngineError, EngineErrorCode } from '@signet/engine';
import type { ProcessErrorCode } from '../store';
import { ProcessError } from './process-error';

/** How each engine refusal surfaces to API callers. Exhaustive: a new engine code cannot ship unmapped. */
export function processCodeForEngine(code: EngineErrorCode): ProcessErrorCode {
  switch (code) {
    case 'BAD_INPUT':
    case 'UNKNOWN_EVENT':
    case 'DECISION_NOT_OFFERED':
      return 'BAD_USER_INPUT';
    case 'TASK_NOT_OPEN':
      return 'CONFLICT';
    case 'EVENT_NOT_ACCEPTED':
    case 'INSTANCE_DONE':
      return 'EVENT_NOT_ACCEPTED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'SEPARATION_OF_DUTIES':
      return 'SEPARATION_OF_DUTIES';
    default:
      return assertUnreachable(code);
  }
}

/** The engine's refusal as a ProcessError; the engine's message already names the state, task or field. */
export function processErrorFromEngine(error: EngineError): ProcessError {
  return new ProcessError(
    processCodeForEngine(error.code),
    error.message,
    error.details ? { fields: error.details } : undefined,
  );
}

function assertUnreachable(value: never): never {
  throw new Error(`unmapped engine error code ${String(value)}`);
}
