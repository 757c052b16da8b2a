/**
 * The flow the durable benchmark drives: two review states that hand over to each other on `approve`,
 * each with a four-eyes task. Every decision is one full transition — engine step, instance update
 * with version check, event with hash chain, one task closed and one opened — and the instance never
 * ends, so 8 instances can take decisions for as long as the benchmark runs.
 */
export const PINGPONG_SOURCE = `flow bench_pingpong v1 "Benchmark: alternating reviews" {
  input { unit: string }
  initial state review_a {
    task "Review A" assignee role(sales_manager) separateFrom requester
    on approve -> review_b
    on reject -> rejected
  }
  state review_b {
    task "Review B" assignee role(sales_manager) separateFrom requester
    on approve -> review_a
    on reject -> rejected
  }
  final state rejected
}`;

export const REQUESTER = 'li.na';
export const DECIDER = 'chen.jie';
