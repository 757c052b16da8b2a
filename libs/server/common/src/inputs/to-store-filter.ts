/**
 * GraphQL passes absent optional input fields as missing or `null`; the store's filters want them
 * absent. Drops every null/undefined field.
 */
export function withoutNulls<T extends object>(
  filter: T | null | undefined,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value !== null && value !== undefined) out[key as keyof T] = value;
  }
  return out as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}
