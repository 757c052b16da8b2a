import { hasSeveralStatements } from './pglite-statements';

describe('hasSeveralStatements', () => {
  it('should see one statement when semicolons stand inside a string literal', () => {
    expect(
      hasSeveralStatements(`update instance set context = '{"answer":"repaired; repainted"}' where id = 1`),
    ).toBe(false);
  });

  it('should see one statement when a trailing semicolon ends it', () => {
    expect(hasSeveralStatements('select 1;')).toBe(false);
  });

  it('should see several statements when two are separated by a semicolon', () => {
    expect(hasSeveralStatements('create table a (x int); create table b (y int)')).toBe(true);
  });

  it('should ignore semicolons in dollar-quoted bodies, quoted identifiers and comments', () => {
    const fn = `create function f() returns trigger language plpgsql as $$ begin raise exception 'no; never'; end $$`;
    expect(hasSeveralStatements(fn)).toBe(false);
    expect(hasSeveralStatements('select 1 as "a;b" -- one; two\n')).toBe(false);
    expect(hasSeveralStatements('select /* a; b */ 1')).toBe(false);
    expect(hasSeveralStatements(`${fn}; select 1`)).toBe(true);
  });
});
