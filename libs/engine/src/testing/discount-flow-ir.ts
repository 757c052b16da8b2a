import type { ExprIR, FlowIR, StateIR, TypeIR } from '@signet/dsl';

/*
 * A hand-written FlowIR of the discount approval (PROCESSES.md §4), shaped like the compiler's output
 * for workflows/discount-approval.flow, so the engine can be tested without the compiler:
 *
 *   table route(withinOwnAuthority: bool, discount: percent) -> reviewer: auto | manager | director | vice_president hit first {
 *     | true  | -                                  | auto           |
 *     | false | <= authority(role(sales_manager))  | manager        |
 *     | false | <= authority(role(sales_director)) | director       |
 *     | false | -                                  | vice_president |
 *   }
 *   initial state submitted {
 *     always -> routing do set netPrice = round(input.listPrice * (100% - input.discount), 2),
 *                          set reviewer = route(input.discount <= authority(requester), input.discount)
 *   }
 *   state routing { always -> approved when var.reviewer == auto … always -> vp_review }
 *   state manager_review { task "Discount review" assignee role(sales_manager) separateFrom requester sla 24h … }
 */

const T = {
  percent: { kind: 'percent' } as TypeIR,
  money: { kind: 'money', currency: 'CNY' } as TypeIR,
  bool: { kind: 'bool' } as TypeIR,
  user: { kind: 'user' } as TypeIR,
  role: { kind: 'role' } as TypeIR,
  int: { kind: 'int' } as TypeIR,
  reviewer: { kind: 'enum', values: ['auto', 'manager', 'director', 'vice_president'] } as TypeIR,
};

const lit = (type: TypeIR, value: string | number | boolean): ExprIR => ({ k: 'lit', type, value });
const ref = (type: TypeIR, ...path: string[]): ExprIR => ({ k: 'ref', type, path });
const requester = ref(T.user, 'requester');
const discount = ref(T.percent, 'input', 'discount');
const authorityOf = (arg: ExprIR): ExprIR => ({ k: 'call', fn: 'authority', type: T.percent, args: [arg] });
const reviewerIs = (level: string): ExprIR => ({
  k: 'binary',
  op: '==',
  type: T.bool,
  left: ref(T.reviewer, 'var', 'reviewer'),
  right: lit(T.reviewer, level),
});

function review(name: string, roles: string[], line: number): StateIR {
  return {
    name,
    final: false,
    line,
    always: [],
    on: [
      { event: 'approve', target: 'approved', actions: [], line: line + 2 },
      { event: 'reject', target: 'rejected', actions: [], line: line + 3 },
    ],
    task: {
      name,
      title: 'Discount review',
      assignee: { k: 'role', roles },
      separateFrom: [requester],
      decisions: ['approve', 'reject'],
      sla: '24h',
      line: line + 1,
    },
    timers: [],
  };
}

export const DISCOUNT_FLOW_IR: FlowIR = {
  irVersion: 1,
  key: 'discount_approval',
  version: 1,
  title: 'Discount approval',
  hash: 'fixture:discount_approval:v1',
  input: [
    { name: 'unit', type: { kind: 'string' } },
    { name: 'listPrice', type: T.money },
    { name: 'discount', type: T.percent },
  ],
  constants: [{ name: 'REVIEW_SLA', type: { kind: 'duration' }, value: '24h' }],
  tables: [
    {
      name: 'route',
      line: 7,
      inputs: [
        { name: 'withinOwnAuthority', type: T.bool },
        { name: 'discount', type: T.percent },
      ],
      outputs: [{ name: 'reviewer', type: T.reviewer }],
      hit: 'first',
      rows: [
        {
          line: 8,
          cells: [{ k: 'eq', value: lit(T.bool, true) }, { k: 'any' }],
          outputs: [lit(T.reviewer, 'auto')],
        },
        {
          line: 9,
          cells: [
            { k: 'eq', value: lit(T.bool, false) },
            { k: 'cmp', op: '<=', value: authorityOf(lit(T.role, 'sales_manager')) },
          ],
          outputs: [lit(T.reviewer, 'manager')],
        },
        {
          line: 10,
          cells: [
            { k: 'eq', value: lit(T.bool, false) },
            { k: 'cmp', op: '<=', value: authorityOf(lit(T.role, 'sales_director')) },
          ],
          outputs: [lit(T.reviewer, 'director')],
        },
        {
          line: 11,
          cells: [{ k: 'eq', value: lit(T.bool, false) }, { k: 'any' }],
          outputs: [lit(T.reviewer, 'vice_president')],
        },
      ],
    },
  ],
  startRoles: [],
  initial: 'submitted',
  states: [
    {
      name: 'submitted',
      final: false,
      line: 14,
      always: [
        {
          target: 'routing',
          line: 15,
          actions: [
            {
              k: 'set',
              name: 'netPrice',
              value: {
                k: 'call',
                fn: 'round',
                type: T.money,
                args: [
                  {
                    k: 'binary',
                    op: '*',
                    type: T.money,
                    left: ref(T.money, 'input', 'listPrice'),
                    right: {
                      k: 'binary',
                      op: '-',
                      type: T.percent,
                      left: lit(T.percent, '100%'),
                      right: discount,
                    },
                  },
                  lit(T.int, 2),
                ],
              },
            },
            {
              k: 'set',
              name: 'reviewer',
              value: {
                k: 'table',
                table: 'route',
                type: T.reviewer,
                args: [
                  { k: 'binary', op: '<=', type: T.bool, left: discount, right: authorityOf(requester) },
                  discount,
                ],
              },
            },
          ],
        },
      ],
      on: [],
      timers: [],
    },
    {
      name: 'routing',
      final: false,
      line: 19,
      always: [
        {
          target: 'approved',
          guard: reviewerIs('auto'),
          guardText: 'var.reviewer == auto',
          actions: [],
          line: 20,
        },
        {
          target: 'manager_review',
          guard: reviewerIs('manager'),
          guardText: 'var.reviewer == manager',
          actions: [],
          line: 21,
        },
        {
          target: 'director_review',
          guard: reviewerIs('director'),
          guardText: 'var.reviewer == director',
          actions: [],
          line: 22,
        },
        { target: 'vp_review', actions: [], line: 23 },
      ],
      on: [],
      timers: [],
    },
    review('manager_review', ['sales_manager'], 26),
    review('director_review', ['sales_director'], 32),
    review('vp_review', ['vice_president', 'general_manager'], 38),
    { name: 'approved', final: true, line: 44, always: [], on: [], timers: [] },
    { name: 'rejected', final: true, line: 45, always: [], on: [], timers: [] },
  ],
  events: ['approve', 'reject'],
};
