import type { SqlEntityManager } from '@mikro-orm/postgresql';

/** Complaints of one month that share a category, a severity, or all of them. */
export interface ComplaintGroupRow {
  /** The category or severity; null for the month's total. */
  key: string | null;
  complaints: number;
  /** Still open (the instance is active): not closed by the follow-up call yet. */
  openItems: number;
  /** Answered: resolved at once in triage, or replied to by the owner. */
  answered: number;
  /** Seconds from recording to the answer, over the answered complaints. */
  replyP50Seconds: number | null;
  replyP90Seconds: number | null;
  /** Missed reply deadlines, at any level. */
  breaches: number;
}

/** Missed reply deadlines at one escalation level (0 = the first owner, 1 = one escalation up, …). */
export interface ComplaintBreachLevelRow {
  level: number;
  breaches: number;
  /** Complaints with a breach at this level, and how many of them are still open. */
  complaints: number;
  openItems: number;
}

/** The monthly complaint report (客户投诉情况及处理月报) for one month of recorded complaints. */
export interface ComplaintMonthRow extends Omit<ComplaintGroupRow, 'key'> {
  /** `YYYY-MM` (UTC) of the time the complaints were recorded. */
  month: string;
  byCategory: ComplaintGroupRow[];
  bySeverity: ComplaintGroupRow[];
  breachesByLevel: ComplaintBreachLevelRow[];
}

interface ReportRow {
  month: string;
  dimension: 'all' | 'category' | 'severity' | 'level';
  key: string | null;
  complaints: number;
  open_items: number;
  answered: number | null;
  reply_p50_seconds: number | null;
  reply_p90_seconds: number | null;
  breaches: number;
}

/**
 * The report for the months of `from` up to and including the month of `to` (either open-ended),
 * newest month first: `signet_complaint_monthly` (migration 0009) with whole-month bounds on the
 * recording time, so `instance_flow_created_idx` serves the range.
 */
export async function complaintReport(
  em: SqlEntityManager,
  range: { from?: Date; to?: Date },
): Promise<ComplaintMonthRow[]> {
  const monthStart = (plus: string) =>
    `(date_trunc('month', ?::timestamptz at time zone 'UTC')${plus}) at time zone 'UTC'`;
  const from = range.from ? monthStart('') : 'null::timestamptz';
  const to = range.to ? monthStart(" + interval '1 month'") : 'null::timestamptz';
  const rows = await em.execute<ReportRow[]>(
    `select to_char(month, 'YYYY-MM') as month, dimension, key, complaints, open_items, answered,
            reply_p50_seconds, reply_p90_seconds, breaches
       from signet_complaint_monthly(${from}, ${to})
      order by month desc, dimension, key`,
    [...(range.from ? [range.from.toISOString()] : []), ...(range.to ? [range.to.toISOString()] : [])],
  );
  const months = new Map<string, ComplaintMonthRow>();
  const monthOf = (month: string): ComplaintMonthRow => {
    let row = months.get(month);
    if (!row) {
      row = { month, ...emptyGroup(), byCategory: [], bySeverity: [], breachesByLevel: [] };
      months.set(month, row);
    }
    return row;
  };
  for (const r of rows) {
    const month = monthOf(r.month);
    if (r.dimension === 'level') {
      month.breachesByLevel.push({
        level: Number(r.key),
        breaches: r.breaches,
        complaints: r.complaints,
        openItems: r.open_items,
      });
    } else if (r.dimension === 'all') {
      const { key: _all, ...total } = groupOf(r);
      Object.assign(month, total);
    } else {
      (r.dimension === 'category' ? month.byCategory : month.bySeverity).push(groupOf(r));
    }
  }
  for (const month of months.values()) month.breachesByLevel.sort((a, b) => a.level - b.level);
  return [...months.values()];
}

function groupOf(r: ReportRow): ComplaintGroupRow {
  return {
    key: r.key,
    complaints: r.complaints,
    openItems: r.open_items,
    answered: r.answered ?? 0,
    replyP50Seconds: r.reply_p50_seconds === null ? null : Number(r.reply_p50_seconds),
    replyP90Seconds: r.reply_p90_seconds === null ? null : Number(r.reply_p90_seconds),
    breaches: r.breaches,
  };
}

function emptyGroup(): Omit<ComplaintGroupRow, 'key'> {
  return {
    complaints: 0,
    openItems: 0,
    answered: 0,
    replyP50Seconds: null,
    replyP90Seconds: null,
    breaches: 0,
  };
}
