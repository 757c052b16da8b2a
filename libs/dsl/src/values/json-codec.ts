import type { Json, TypeIR } from '../ir/flow-ir';
import type { Decimal } from './decimal';
import { normalize } from './decimal';
import { formatDecimal, numberToDecimalText, parseDecimal } from './decimal-text';
import { formatDuration, parseDuration } from './duration';
import { formatMoney } from './money';
import { formatPercent, parsePercent } from './percent';
import { formatTimestamp, parseTimestamp } from './timestamp';
import { isDecimal, isDuration, type Value, type ValueRecord } from './value';

/** Reads a money or decimal encoded as decimal text or a JSON number. */
function decodeDecimal(json: Json): Decimal | undefined {
  if (typeof json === 'string') return parseDecimal(json);
  if (typeof json === 'number') {
    const text = numberToDecimalText(json);
    return text === undefined ? undefined : parseDecimal(text);
  }
  return undefined;
}

/**
 * The run-time value of canonical JSON of type `type` (the encodings in `TypeIR`'s doc comments), or
 * `undefined` when the JSON does not have that type. JSON `null` decodes to `null` for every type
 * (an absent optional value). Use `validateInput` for user-facing checks with messages.
 */
export function decodeValue(type: TypeIR, json: Json): Value | undefined {
  if (json === null) return null;
  switch (type.kind) {
    case 'money':
    case 'decimal':
      return decodeDecimal(json);
    case 'percent':
      return typeof json === 'string' ? parsePercent(json) : undefined;
    case 'int':
      return typeof json === 'number' && Number.isSafeInteger(json) ? json : undefined;
    case 'bool':
      return typeof json === 'boolean' ? json : undefined;
    case 'string':
    case 'user':
    case 'role':
    case 'team':
      return typeof json === 'string' ? json : undefined;
    case 'enum':
      return typeof json === 'string' && type.values.includes(json) ? json : undefined;
    case 'duration':
      return typeof json === 'string' ? parseDuration(json) : undefined;
    case 'timestamp':
      return typeof json === 'string' ? parseTimestamp(json) : undefined;
    case 'list':
      return Array.isArray(json) ? decodeList(type.of, json) : undefined;
    case 'record':
      return typeof json === 'object' && !Array.isArray(json) ? decodeRecord(type.fields, json) : undefined;
    case 'null':
      return undefined;
  }
}

/**
 * `decodeValue` specialised for one type, for callers that decode many values of the same type (an
 * expression's reference decodes on every evaluation): money, decimals and percentages skip the
 * dispatch.
 */
export function decoderFor(type: TypeIR): (json: Json) => Value | undefined {
  switch (type.kind) {
    case 'money':
    case 'decimal':
      return (json) => (json === null ? null : decodeDecimal(json));
    case 'percent':
      return (json) => (json === null ? null : typeof json === 'string' ? parsePercent(json) : undefined);
    default:
      return (json) => decodeValue(type, json);
  }
}

function decodeList(of: TypeIR, json: Json[]): Value[] | undefined {
  const out: Value[] = [];
  for (const item of json) {
    const v = decodeValue(of, item);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

function decodeRecord(
  fields: { name: string; type: TypeIR }[],
  json: { [key: string]: Json },
): ValueRecord | undefined {
  const out: { [field: string]: Value } = {};
  for (const f of fields) {
    const v = decodeValue(f.type, json[f.name] ?? null);
    if (v === undefined) return undefined;
    out[f.name] = v;
  }
  return out;
}

/**
 * The canonical JSON of a run-time value of type `type`: money with at least its minor digits,
 * percent as `"2.5%"`, decimals normalized, timestamps as UTC ISO text, durations as written.
 */
export function encodeValue(type: TypeIR, value: Value): Json {
  if (value === null) return null;
  switch (type.kind) {
    case 'money':
      return isDecimal(value) ? formatMoney(value, type.currency) : fallback(value);
    case 'percent':
      return isDecimal(value) ? formatPercent(value) : fallback(value);
    case 'decimal':
      return isDecimal(value) ? formatDecimal(normalize(value)) : fallback(value);
    case 'timestamp':
      return typeof value === 'number' ? formatTimestamp(value) : fallback(value);
    case 'duration':
      return isDuration(value) ? formatDuration(value) : fallback(value);
    case 'list':
      return Array.isArray(value) ? value.map((v: Value) => encodeValue(type.of, v)) : fallback(value);
    case 'record': {
      if (typeof value !== 'object' || Array.isArray(value)) return fallback(value);
      const rec = value as ValueRecord;
      const out: { [key: string]: Json } = {};
      for (const f of type.fields) out[f.name] = encodeValue(f.type, rec[f.name] ?? null);
      return out;
    }
    default:
      return fallback(value);
  }
}

/** Best-effort JSON for a value whose shape does not match its type (only reachable through a compiler bug). */
function fallback(value: Value): Json {
  if (isDecimal(value)) return formatDecimal(value);
  if (isDuration(value)) return formatDuration(value);
  if (Array.isArray(value)) return value.map(fallback);
  if (typeof value === 'object' && value !== null) {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value as ValueRecord)) out[k] = fallback(v);
    return out;
  }
  return value;
}
