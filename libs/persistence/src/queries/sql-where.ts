/** A WHERE clause built from AND-ed fragments with `?` placeholders, kept in step with their params. */
export class SqlWhere {
  private readonly parts: string[] = [];
  private readonly values: unknown[] = [];

  and(fragment: string, ...params: unknown[]): this {
    const placeholders = fragment.split('?').length - 1;
    if (placeholders !== params.length) {
      throw new Error(
        `SQL fragment has ${placeholders} placeholder(s) but ${params.length} param(s): ${fragment}`,
      );
    }
    this.parts.push(`(${fragment})`);
    this.values.push(...params);
    return this;
  }

  copy(): SqlWhere {
    const copy = new SqlWhere();
    copy.parts.push(...this.parts);
    copy.values.push(...this.values);
    return copy;
  }

  get sql(): string {
    return this.parts.length ? `where ${this.parts.join(' and ')}` : '';
  }

  get params(): unknown[] {
    return [...this.values];
  }
}

/** A PostgreSQL text[] literal for `?::text[]` (every element quoted, so any string is safe). */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
