/**
 * Flows with durable timers for the durability tests: a review that goes overdue after 2 working
 * days (its task's SLA is 24h), and a quick one whose timer is due one second after the start.
 */
export const slaReviewSource = `flow sla_review v1 "SLA review" {
  input { unit: string }
  initial state review {
    task "Review" assignee role(sales_manager) separateFrom requester sla 24h
    on approve -> done
    after 2 workdays -> overdue
  }
  state overdue {
    task "Overdue review" assignee role(sales_director) separateFrom requester sla 24h
    on approve -> done
  }
  final state done
}
`;

/** Started, it waits in `waiting` with a task; after 1 s the timer moves it to `expired` (final). */
export const quickTimerSource = `flow quick_timer v1 "Quick timer" {
  input { unit: string }
  initial state waiting {
    task "Look at it" assignee role(sales_manager) separateFrom requester sla 1h
    on approve -> approved
    after 1s -> expired
  }
  final state approved
  final state expired
}
`;

/** A clock the test moves by hand. */
export function manualClock(start: string): {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
} {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = Date.parse(iso);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
