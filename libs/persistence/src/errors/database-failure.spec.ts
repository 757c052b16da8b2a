import { DriverException, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { classifyDatabaseFailure } from './database-failure';

/** An error shaped like the ones `pg` and PGlite raise (SQLSTATE in `code`). */
function pgError(code: string, message: string, constraint?: string): Error {
  return Object.assign(new Error(message), { code, constraint });
}

describe('classifyDatabaseFailure', () => {
  it('should report a lost race when MikroORM’s optimistic version check fails', () => {
    expect(classifyDatabaseFailure(OptimisticLockError.lockFailed('InstanceEntity'))).toEqual({
      kind: 'lost-race',
    });
  });

  it('should name the constraint when a unique index refuses the write (23505)', () => {
    const error = new UniqueConstraintViolationException(
      pgError('23505', 'duplicate key', 'instance_business_key_active'),
    );
    expect(classifyDatabaseFailure(error)).toEqual({
      kind: 'unique',
      constraint: 'instance_business_key_active',
    });
  });

  it.each(['40001', '40P01'])(
    'should report a lost race when PostgreSQL aborts a racing transaction (%s)',
    (code) => {
      expect(classifyDatabaseFailure(new DriverException(pgError(code, 'could not serialize')))).toEqual({
        kind: 'lost-race',
      });
    },
  );

  it('should keep only PostgreSQL’s words when a value cannot be stored (class 22)', () => {
    const error = new DriverException(
      pgError('22P05', 'insert into "x" - unsupported Unicode escape sequence\n  detail: ...'),
    );
    expect(classifyDatabaseFailure(error)).toEqual({
      kind: 'invalid-value',
      message: 'unsupported Unicode escape sequence',
    });
  });

  it('should recognise the append-only trigger’s refusal', () => {
    expect(classifyDatabaseFailure(new DriverException(pgError('SG001', 'append-only')))).toEqual({
      kind: 'append-only',
    });
  });

  it('should leave anything else unclassified as the bug or outage it is', () => {
    expect(classifyDatabaseFailure(new Error('boom'))).toBeNull();
    expect(classifyDatabaseFailure(new DriverException(pgError('08006', 'connection failure')))).toBeNull();
  });
});
