import { Client } from 'pg';

/**
 * Counts the statements every `pg` client of this process sends, by wrapping `Client.prototype.query`
 * (the profile figure "round trips per decision"; it changes no result). Returns a reader.
 */
export function countQueries(): { read(): number } {
  let n = 0;
  const original = Client.prototype.query;
  // The overloads of `query` cannot be restated here; the wrapper passes everything through untouched.
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: Client,
    ...args: unknown[]
  ) {
    n++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  return { read: () => n };
}
