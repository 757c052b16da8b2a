import { Decimal } from './decimal';
import { Duration } from './duration';

/**
 * A run-time value of the language. The static type (from the checked `ExprIR`) says how to read it:
 *
 * | type                          | run-time value                          |
 * |-------------------------------|-----------------------------------------|
 * | money, decimal                | `Decimal`                               |
 * | percent                       | `Decimal` holding the percent number (`2.5%` → 2.5) |
 * | int                           | `number` (a safe integer)               |
 * | timestamp                     | `number` (epoch milliseconds, UTC)      |
 * | bool                          | `boolean`                               |
 * | string, user, role, team, enum| `string`                                |
 * | duration                      | `Duration`                              |
 * | list                          | array of values                         |
 * | record                        | object of values                        |
 * | null / absent                 | `null`                                  |
 */
export type Value = null | boolean | number | string | Decimal | Duration | readonly Value[] | ValueRecord;

export interface ValueRecord {
  readonly [field: string]: Value;
}

export function isDecimal(v: Value): v is Decimal {
  return v instanceof Decimal;
}

export function isDuration(v: Value): v is Duration {
  return v instanceof Duration;
}

export function isList(v: Value): v is readonly Value[] {
  return Array.isArray(v);
}

export function isRecord(v: Value): v is ValueRecord {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Decimal) &&
    !(v instanceof Duration)
  );
}
