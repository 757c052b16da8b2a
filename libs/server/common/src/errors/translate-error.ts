import { ProcessError } from '@signet/persistence';
import { ApiException } from './api.exception';
import { fromProcessError } from './from-process-error';

/**
 * An `ApiException` for anything a resolver may throw that clients are meant to see: our own
 * exceptions and the store's `ProcessError`s. Anything else is a bug or an infrastructure failure
 * (`undefined`), which callers log and answer with INTERNAL_SERVER_ERROR.
 */
export function toApiException(error: unknown): ApiException | undefined {
  if (error instanceof ApiException) return error;
  if (error instanceof ProcessError) return fromProcessError(error);
  return undefined;
}
