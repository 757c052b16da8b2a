/** Injection token of the `AuditQueries` (from `@signet/persistence`) the audit resolvers use. */
export const AUDIT_QUERIES = Symbol('AUDIT_QUERIES');
