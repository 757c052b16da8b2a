import type { FieldIR, Json, TypeIR } from '../ir/flow-ir';
import { normalize, shiftPoint, significantScale } from './decimal';
import { formatDecimal, numberToDecimalText, parseDecimal } from './decimal-text';
import { formatDuration, parseDuration } from './duration';
import { formatMoney, minorDigits } from './money';
import { formatPercent, parsePercent } from './percent';
import { closestName } from './closest-name';
import { formatTimestamp, parseTimestamp } from './timestamp';

export interface InputError {
  /** Dotted path from the input object: `discount`, `items[2].amount`. */
  path: string;
  message: string;
}

export type InputValidation = { ok: true; value: Json } | { ok: false; errors: InputError[] };

/**
 * Checks JSON against declared input fields (PROCESSES.md, "JSON values for typed inputs") and returns
 * the canonical JSON (money padded to its minor digits, percent as `"2.5%"`, …) or every problem found,
 * each with its path. Unknown fields and missing required fields are errors; optional fields may be
 * absent or `null` (then they are left out).
 */
export function validateInput(fields: FieldIR[], json: unknown): InputValidation {
  const errors: InputError[] = [];
  const value = checkRecord(fields, json, '', errors);
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors };
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function describe(json: unknown): string {
  if (json === null) return 'null';
  if (Array.isArray(json)) return 'a list';
  if (typeof json === 'string') return JSON.stringify(json);
  if (typeof json === 'number' || typeof json === 'boolean') return String(json);
  return `a ${typeof json}`;
}

function checkRecord(fields: FieldIR[], json: unknown, path: string, errors: InputError[]): Json {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    errors.push({
      path,
      message: `expected an object with fields ${fields.map((f) => f.name).join(', ')}, got ${describe(json)}`,
    });
    return null;
  }
  const given = json as Record<string, unknown>;
  const out: { [key: string]: Json } = {};
  for (const field of fields) {
    const v = given[field.name];
    if (v === undefined || v === null) {
      if (!field.optional)
        errors.push({ path: join(path, field.name), message: `required field "${field.name}" is missing` });
      continue;
    }
    out[field.name] = checkValue(field.type, v, join(path, field.name), errors);
  }
  for (const name of Object.keys(given)) {
    if (fields.some((f) => f.name === name)) continue;
    const near = closestName(
      name,
      fields.map((f) => f.name),
    );
    const hint = near === undefined ? '' : ` — did you mean "${near}"?`;
    errors.push({ path: join(path, name), message: `unknown field "${name}"${hint}` });
  }
  return out;
}

function checkValue(type: TypeIR, json: unknown, path: string, errors: InputError[]): Json {
  const fail = (message: string): Json => {
    errors.push({ path, message });
    return null;
  };
  switch (type.kind) {
    case 'money': {
      const text =
        typeof json === 'number' ? numberToDecimalText(json) : typeof json === 'string' ? json : undefined;
      const d = text === undefined ? undefined : parseDecimal(text);
      if (d === undefined)
        return fail(
          `expected money (${type.currency}) as a decimal string like "1850000.00", got ${describe(json)}`,
        );
      const digits = minorDigits(type.currency);
      if (significantScale(d) > digits)
        return fail(
          `${describe(json)} has ${significantScale(d)} decimal places; ${type.currency} allows at most ${digits}`,
        );
      return formatMoney(d, type.currency);
    }
    case 'percent': {
      if (typeof json === 'number') {
        const text = numberToDecimalText(json) ?? String(json);
        const bare = parseDecimal(text);
        const times100 =
          bare === undefined ? `${text} × 100` : formatDecimal(normalize(shiftPoint(bare, -2)));
        return fail(`write "${text}%" — a bare ${text} could mean ${text} % or ${times100} %`);
      }
      const p = typeof json === 'string' ? parsePercent(json) : undefined;
      return p === undefined
        ? fail(`expected a percentage like "2.5%", got ${describe(json)}`)
        : formatPercent(p);
    }
    case 'decimal': {
      const text =
        typeof json === 'number' ? numberToDecimalText(json) : typeof json === 'string' ? json : undefined;
      const d = text === undefined ? undefined : parseDecimal(text);
      return d === undefined
        ? fail(`expected a decimal like "1.25", got ${describe(json)}`)
        : formatDecimal(normalize(d));
    }
    case 'int':
      return typeof json === 'number' && Number.isSafeInteger(json)
        ? json
        : fail(`expected an integer, got ${describe(json)}`);
    case 'bool':
      return typeof json === 'boolean' ? json : fail(`expected true or false, got ${describe(json)}`);
    case 'string':
      return typeof json === 'string' ? json : fail(`expected a string, got ${describe(json)}`);
    case 'user':
    case 'role':
    case 'team':
      return typeof json === 'string' && json.length > 0
        ? json
        : fail(`expected a ${type.kind} name, got ${describe(json)}`);
    case 'enum':
      return typeof json === 'string' && type.values.includes(json)
        ? json
        : fail(`${describe(json)} is not one of ${type.values.join(', ')}`);
    case 'duration': {
      const d = typeof json === 'string' ? parseDuration(json) : undefined;
      return d === undefined
        ? fail(`expected a duration like "24h" or "2 workdays", got ${describe(json)}`)
        : formatDuration(d);
    }
    case 'timestamp': {
      const t = typeof json === 'string' ? parseTimestamp(json) : undefined;
      return t === undefined
        ? fail(`expected an ISO-8601 time with a zone like "2026-11-23T09:30:00Z", got ${describe(json)}`)
        : formatTimestamp(t);
    }
    case 'list':
      if (!Array.isArray(json)) return fail(`expected a list, got ${describe(json)}`);
      return json.map((item, i) => checkValue(type.of, item, `${path}[${i}]`, errors));
    case 'record':
      return checkRecord(type.fields, json, path, errors);
    case 'null':
      return json === null ? null : fail(`expected null, got ${describe(json)}`);
  }
}
