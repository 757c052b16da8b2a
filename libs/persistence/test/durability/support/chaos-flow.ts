/**
 * The crash test's flow: two steps, each taken by a decision or, one second after it was entered,
 * by a timer — so a killed process may be in the middle of either at any moment.
 */
export const chaosSource = `flow chaos v1 "Chaos" {
  input { unit: string }
  initial state first {
    task "First" assignee role(sales_manager) separateFrom requester sla 1h
    on approve -> second
    after 1s -> second
  }
  state second {
    task "Second" assignee role(sales_manager) separateFrom requester sla 1h
    on approve -> done
    after 1s -> expired
  }
  final state done
  final state expired
}
`;

/** Every transition the flow can make, as `from --event--> to`. */
export const CHAOS_TRANSITIONS = new Set([
  ' --start--> first',
  'first --approve--> second',
  'first --timer.first.0--> second',
  'second --approve--> done',
  'second --timer.second.0--> expired',
]);
