import type {
  ActionDecl,
  AssigneeDecl,
  StateDecl,
  TaskDecl,
  TimerActionDecl,
  TransitionDecl,
} from '../ast/flow';
import type { ActionIR, AssigneeIR, StateIR, TaskIR, TimerIR, TransitionIR } from '../ir/flow-ir';
import type { TypedFlow } from '../check/typing/typed-flow';
import { typedExpr } from './typed-lookup';

/**
 * A state as StateIR. `after d -> t` and `at x -> t` become a TimerIR delivering `timer.<state>.<i>` plus
 * an `on` transition for that event (timers are durable, never XState `after`); the task's decisions are
 * the state's own `on` events, in order, without duplicates.
 */
export function buildState(state: StateDecl, typed: TypedFlow, source: string, allTasks: string[]): StateIR {
  const name = state.name.name;
  const ir: StateIR = {
    name,
    final: Boolean(state.final),
    line: state.span.line,
    always: [],
    on: [],
    timers: [],
  };
  for (const transition of state.transitions) {
    if (transition.kind === 'always') {
      ir.always.push(buildTransition(transition, undefined, typed, source, allTasks));
    } else if (transition.kind === 'on') {
      ir.on.push(buildTransition(transition, transition.event?.name, typed, source, allTasks));
    } else {
      const timer = buildTimer(transition, `timer.${name}.${ir.timers.length}`, typed, source);
      ir.timers.push(timer);
      ir.on.push(buildTransition(transition, timer.event, typed, source, allTasks));
    }
  }
  // Timers that keep the state come after those that leave it, so existing timer event names never move.
  for (const t of state.timerActions) {
    const timer = buildTimer(t, `timer.${name}.${ir.timers.length}`, typed, source);
    timer.action = t.to ? { k: 'escalate', to: buildAssignee(t.to, typed) } : { k: 'remind' };
    if (t.actions.length > 0) timer.actions = t.actions.map((a) => buildAction(a, typed, allTasks));
    ir.timers.push(timer);
  }
  const [task] = state.tasks;
  if (task && !state.final) ir.task = buildTask(task, state, typed);
  return ir;
}

function buildTransition(
  t: TransitionDecl,
  event: string | undefined,
  typed: TypedFlow,
  source: string,
  allTasks: string[],
): TransitionIR {
  const ir: TransitionIR = {
    target: t.target.name,
    actions: t.actions.map((a) => buildAction(a, typed, allTasks)),
    line: t.keyword.line,
  };
  if (event !== undefined) ir.event = event;
  if (t.by) ir.by = buildAssignee(t.by, typed);
  if (t.params) {
    ir.payload = t.params.map((field) => {
      const type = typed.inputs.get(field);
      if (!type) throw new Error(`compiler bug: payload field ${field.name.name} was not typed`);
      return field.optional
        ? { name: field.name.name, type, optional: true }
        : { name: field.name.name, type };
    });
  }
  if (t.guard) {
    ir.guard = typedExpr(typed, t.guard);
    // The guard as written, on one line: traces and diagrams show it.
    ir.guardText = source.slice(t.guard.span.offset, t.guard.span.endOffset).replace(/\s+/g, ' ');
  }
  return ir;
}

function buildAction(a: ActionDecl, typed: TypedFlow, allTasks: string[]): ActionIR {
  if (a.k === 'void')
    return { k: 'void', tasks: a.all ? allTasks : [...new Set(a.tasks.map((t) => t.name))] };
  if (a.k === 'set') return { k: 'set', name: a.name.name, value: typedExpr(typed, a.value) };
  return { k: 'notify', to: typedExpr(typed, a.to), template: a.template };
}

function buildTimer(
  t: TransitionDecl | TimerActionDecl,
  event: string,
  typed: TypedFlow,
  source: string,
): TimerIR {
  if ('at' in t && t.at) {
    const text = source.slice(t.at.span.offset, t.at.span.endOffset).replace(/\s+/g, ' ');
    return { at: typedExpr(typed, t.at), atText: text, event, line: t.keyword.line };
  }
  const after = t.after && typedExpr(typed, t.after);
  if (after?.k !== 'lit' || typeof after.value !== 'string')
    throw new Error(`compiler bug: the delay on line ${t.keyword.line} is not a duration literal`);
  return { after: after.value, event, line: t.keyword.line };
}

function buildTask(task: TaskDecl, state: StateDecl, typed: TypedFlow): TaskIR {
  if (!task.assignee) throw new Error(`compiler bug: the task on line ${task.keyword.line} has no assignee`);
  const decisions = [
    ...new Set(state.transitions.flatMap((t) => (t.kind === 'on' && t.event && !t.by ? [t.event.name] : []))),
  ];
  const ir: TaskIR = {
    name: (task.name ?? state.name).name,
    title: task.title ?? humanise((task.name ?? state.name).name),
    assignee: buildAssignee(task.assignee, typed),
    separateFrom: task.separateFrom.map((e) => typedExpr(typed, e)),
    decisions,
    line: task.keyword.line,
  };
  if (task.delegable) ir.delegable = true;
  if (task.addSigner) ir.addSigner = true;
  const approval = task.approval;
  if (approval) {
    if (approval.k === 'count') ir.approval = { policy: 'count', count: approval.count };
    else if (approval.k === 'percent') ir.approval = { policy: 'percent', percent: approval.percent };
    else ir.approval = { policy: approval.k };
  }
  if (task.sla) {
    const sla = typedExpr(typed, task.sla);
    if (sla.k !== 'lit' || typeof sla.value !== 'string')
      throw new Error(`compiler bug: the sla on line ${task.keyword.line} is not a duration literal`);
    ir.sla = sla.value;
  }
  return ir;
}

function buildAssignee(a: AssigneeDecl, typed: TypedFlow): AssigneeIR {
  switch (a.k) {
    case 'role':
      return { k: 'role', roles: [...new Set(a.roles.map((r) => r.name))] };
    case 'user':
      return { k: 'user', user: typedExpr(typed, a.user) };
    case 'team':
      return { k: 'team', team: typedExpr(typed, a.team) };
    case 'superior':
      return { k: 'superior', of: typedExpr(typed, a.of) };
    case 'users':
      return { k: 'users', users: a.users.map((u) => typedExpr(typed, u)) };
  }
}

/** `manager_review` → `Manager review`: the default title of a task. */
function humanise(name: string): string {
  const words = name.replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
