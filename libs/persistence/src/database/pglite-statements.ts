import { PGliteKnexDialect } from 'mikro-orm-pglite';

/**
 * Whether `sql` holds more than one statement. Semicolons inside string literals, quoted
 * identifiers, dollar-quoted bodies and comments do not count.
 */
export function hasSeveralStatements(sql: string): boolean {
  let statements = 0;
  let pending = false;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      i = sql.indexOf(c, i + 1);
      // A doubled quote escapes itself; the scan resumes after the closing one either way.
      if (i === -1) break;
      pending = true;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_0-9]*\$/.exec(sql.slice(i));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        if (end === -1) break;
        i = end + tag[0].length - 1;
      }
      pending = true;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      if (end === -1) break;
      i = end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) break;
      i = end + 1;
    } else if (c === ';') {
      if (pending) statements++;
      pending = false;
    } else if (!/\s/.test(c)) {
      pending = true;
    }
    i++;
  }
  if (pending) statements++;
  return statements > 1;
}

interface QueryObject {
  sql?: string;
  bindings?: unknown[];
  method?: string;
  response?: unknown;
}
interface PGliteLike {
  query(sql: string, params: unknown[]): Promise<unknown>;
  exec(sql: string): Promise<unknown>;
}

let patched = false;

/**
 * The PGlite knex dialect decides "several statements" by splitting on every `;`, so an UPDATE whose
 * JSON holds user text such as "repaired; repainted" runs through `exec`, returns an array, and
 * MikroORM reports a failed optimistic lock. This replaces that test with a quote-aware one.
 */
export function patchPGliteStatementSplitting(): void {
  if (patched) return;
  patched = true;
  const proto = PGliteKnexDialect.prototype as unknown as {
    _query(connection: PGliteLike, obj: QueryObject): Promise<QueryObject>;
  };
  proto._query = async (connection, obj) => {
    if (!obj.sql) throw new Error('The query is empty');
    obj.response =
      obj.method === 'raw' && hasSeveralStatements(obj.sql)
        ? await connection.exec(obj.sql)
        : await connection.query(obj.sql, obj.bindings ?? []);
    return obj;
  };
}
