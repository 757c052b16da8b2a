import type { CellIR, ExprIR, TypeIR } from '../../ir/flow-ir';
import { showValue } from '../typing/literals';
import { showDec } from './decimal';
import { NumericDomain, readNumber } from './numeric-domain';

/**
 * The values one table column can take, as sets the static checks can intersect, subtract and test for
 * emptiness. `fromCell` is undefined for a cell whose value is not a literal (e.g. `authority(role(x))`,
 * read from the directory at run time): such a cell is left out of the analysis.
 */
export interface ColumnDomain<S = unknown> {
  readonly full: S;
  fromCell(cell: CellIR): S | undefined;
  intersect(a: S, b: S): S;
  /** `a` without the values of `b`. */
  minus(a: S, b: S): S;
  isEmpty(a: S): boolean;
  /** One value of a non-empty set, written as in a flow (`2.5%`, `mortgage`, `any value except "A"`). */
  show(a: S): string;
}

/** A finite set of values, or all values except some (keys are the values' JSON). */
type DiscreteSet = { finite: true; keys: Set<string> } | { finite: false; except: Set<string> };

/** Columns compared by equality only: string, bool, enums, user, role, team. */
class DiscreteDomain implements ColumnDomain<DiscreteSet> {
  readonly full: DiscreteSet;

  constructor(
    private readonly type: TypeIR,
    /** All the values when the domain is finite (bool, enums). */
    private readonly values?: string[],
  ) {
    this.full = values ? { finite: true, keys: new Set(values) } : { finite: false, except: new Set() };
  }

  fromCell(cell: CellIR): DiscreteSet | undefined {
    const keys = (exprs: ExprIR[]): Set<string> | undefined => {
      const out = new Set<string>();
      for (const e of exprs) {
        if (e.k !== 'lit') return undefined;
        out.add(JSON.stringify(e.value));
      }
      return out;
    };
    switch (cell.k) {
      case 'any':
        return this.full;
      case 'eq':
      case 'in': {
        const found = keys(cell.k === 'eq' ? [cell.value] : cell.values);
        return found && { finite: true, keys: found };
      }
      case 'cmp': {
        const found = cell.op === '!=' ? keys([cell.value]) : undefined;
        return found && this.minus(this.full, { finite: true, keys: found });
      }
      case 'range':
        return undefined;
    }
  }

  intersect(a: DiscreteSet, b: DiscreteSet): DiscreteSet {
    if (a.finite && b.finite)
      return { finite: true, keys: new Set([...a.keys].filter((k) => b.keys.has(k))) };
    if (a.finite && !b.finite)
      return { finite: true, keys: new Set([...a.keys].filter((k) => !b.except.has(k))) };
    if (!a.finite && b.finite) return this.intersect(b, a);
    return {
      finite: false,
      except: new Set([...(a as { except: Set<string> }).except, ...(b as { except: Set<string> }).except]),
    };
  }

  minus(a: DiscreteSet, b: DiscreteSet): DiscreteSet {
    const complement: DiscreteSet = b.finite
      ? { finite: false, except: b.keys }
      : { finite: true, keys: b.except };
    const result = this.intersect(a, complement);
    // In a finite domain, "all except" is a finite set.
    if (!result.finite && this.values)
      return { finite: true, keys: new Set(this.values.filter((v) => !result.except.has(v))) };
    return result;
  }

  isEmpty(a: DiscreteSet): boolean {
    return a.finite && a.keys.size === 0;
  }

  show(a: DiscreteSet): string {
    const show = (key: string): string => showValue(this.type, JSON.parse(key) as never);
    if (a.finite) return a.keys.size ? show([...a.keys][0]) : '';
    return a.except.size ? `any value except ${[...a.except].map(show).join(', ')}` : 'any value';
  }
}

/** The domain of a column of this type, or undefined when its values cannot be analysed statically. */
export function domainFor(type: TypeIR): ColumnDomain | undefined {
  switch (type.kind) {
    case 'int':
      return new NumericDomain(true, readNumber, showDec);
    case 'decimal':
      return new NumericDomain(false, readNumber, showDec);
    case 'percent':
      return new NumericDomain(false, readNumber, (d) => `${showDec(d)}%`);
    case 'money':
      return new NumericDomain(false, readNumber, (d) => `${showDec(d)} ${type.currency}`);
    case 'bool':
      return new DiscreteDomain(type, ['true', 'false']);
    case 'enum':
      return new DiscreteDomain(
        type,
        type.values.map((v) => JSON.stringify(v)),
      );
    case 'string':
    case 'user':
    case 'role':
    case 'team':
      return new DiscreteDomain(type);
    default:
      return undefined;
  }
}
