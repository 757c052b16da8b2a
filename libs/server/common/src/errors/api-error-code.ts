/**
 * Every `extensions.code` a Signet resolver can produce (API.md, "Errors"). GraphQL's own validation
 * and variable-coercion errors keep Apollo's codes (`GRAPHQL_VALIDATION_FAILED`, `BAD_USER_INPUT`, …).
 */
export enum ApiErrorCode {
  /** No, bad or expired token; unknown user. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller may not do this. */
  FORBIDDEN = 'FORBIDDEN',
  /** The caller is excluded by a four-eyes rule. */
  SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES',
  /** No such flow, version, instance or task (or the caller may not see it). */
  NOT_FOUND = 'NOT_FOUND',
  /** Input does not match the flow's input; unknown event; decision not offered; bad paging. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** deployFlow on a source with errors; `extensions.diagnostics` holds them. */
  FLOW_INVALID = 'FLOW_INVALID',
  /** The current state does not accept the event, or its guards refuse it. */
  EVENT_NOT_ACCEPTED = 'EVENT_NOT_ACCEPTED',
  /** Stale `expectedVersion`, a concurrent writer won, or the task was already decided. */
  CONFLICT = 'CONFLICT',
  /** Another active instance of the flow holds the business key. */
  BUSINESS_KEY_TAKEN = 'BUSINESS_KEY_TAKEN',
  /** A bug or an infrastructure failure; the message never carries internals. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
