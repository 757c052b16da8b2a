/** Upper bounds (seconds) of the timer-lateness histogram buckets. */
const LATENESS_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600];

/**
 * In-process counters of the timer worker and the outbox relay, rendered as Prometheus text for
 * `GET /metrics`. One instance per process, shared by its workers; counters start at zero on start.
 */
export class DurabilityMetrics {
  timersFired = 0;
  /** Timers that left PENDING without firing (their instance moved on, or the engine refused them). */
  timersCancelled = 0;
  /** Deliveries rolled back by a concurrent write to the instance; retried on the next poll. */
  timerConflicts = 0;
  /** Timers fired later than one poll interval after they were due. */
  timersLate = 0;
  latenessSumMs = 0;
  latenessMaxMs = 0;
  readonly latenessBuckets = LATENESS_BUCKETS.map(() => 0);
  outboxDelivered = 0;
  outboxFailures = 0;
  /** Polls that failed as a whole (database unreachable …). */
  pollErrors = 0;

  /** Counts one fired timer `latenessMs` after it was due; late when beyond `pollMs`. */
  recordFired(latenessMs: number, pollMs: number): void {
    this.timersFired++;
    this.latenessSumMs += latenessMs;
    this.latenessMaxMs = Math.max(this.latenessMaxMs, latenessMs);
    if (latenessMs > pollMs) this.timersLate++;
    LATENESS_BUCKETS.forEach((bound, i) => {
      if (latenessMs / 1000 <= bound) this.latenessBuckets[i]++;
    });
  }

  /** The Prometheus text exposition (version 0.0.4) of every counter. */
  prometheus(): string {
    const lines: string[] = [];
    const counter = (name: string, help: string, value: number): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${value}`);
    };
    counter('signet_timers_fired_total', 'Timers delivered as timer.* events.', this.timersFired);
    counter('signet_timers_cancelled_total', 'Due timers cancelled without firing.', this.timersCancelled);
    counter(
      'signet_timer_conflicts_total',
      'Timer deliveries retried after a write conflict.',
      this.timerConflicts,
    );
    counter('signet_timers_late_total', 'Timers fired more than one poll interval late.', this.timersLate);
    counter('signet_outbox_delivered_total', 'Outbox messages delivered.', this.outboxDelivered);
    counter('signet_outbox_failures_total', 'Outbox delivery attempts that failed.', this.outboxFailures);
    counter('signet_worker_poll_errors_total', 'Worker polls that failed as a whole.', this.pollErrors);
    const histogram = 'signet_timer_lateness_seconds';
    lines.push(
      `# HELP ${histogram} Fired minus due time of delivered timers.`,
      `# TYPE ${histogram} histogram`,
    );
    LATENESS_BUCKETS.forEach((bound, i) =>
      lines.push(`${histogram}_bucket{le="${bound}"} ${this.latenessBuckets[i]}`),
    );
    lines.push(`${histogram}_bucket{le="+Inf"} ${this.timersFired}`);
    lines.push(`${histogram}_sum ${this.latenessSumMs / 1000}`, `${histogram}_count ${this.timersFired}`);
    lines.push(
      '# HELP signet_timer_lateness_max_seconds Largest lateness seen since the process started.',
      '# TYPE signet_timer_lateness_max_seconds gauge',
      `signet_timer_lateness_max_seconds ${this.latenessMaxMs / 1000}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
