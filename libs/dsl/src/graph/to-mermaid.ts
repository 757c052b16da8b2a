import type { ActionIR, AssigneeIR, FlowIR, StateIR, TimerIR, TransitionIR } from '../ir/flow-ir';

/** Words Mermaid reads as syntax; a state with such a name is drawn through an alias. */
const MERMAID_WORDS = new Set([
  'note',
  'direction',
  'class',
  'classDef',
  'style',
  'linkStyle',
  'click',
  'end',
  'state',
  'hide',
  'scale',
  'accTitle',
  'accDescr',
]);

/**
 * The flow as a Mermaid `stateDiagram-v2`: `[*] --> <initial>`, one arrow per transition labelled
 * `event [guard]` (timers as `after 24h` or `at var.holdUntil`), a description line for each state's task
 * and each timer that keeps the state (`after 24h escalate to a superior, notify "late"`, `after 4h
 * remind`), and `--> [*]` from
 * every final state. The same text serves `Flow.diagram` in the API and `signet graph`.
 */
export function toMermaid(ir: FlowIR): string {
  const id = (name: string): string => (MERMAID_WORDS.has(name) ? `s_${name}` : name);
  const lines = ['stateDiagram-v2'];
  for (const state of ir.states) {
    if (MERMAID_WORDS.has(state.name)) lines.push(`    state "${state.name}" as ${id(state.name)}`);
  }
  lines.push(`    [*] --> ${id(ir.initial)}`);
  for (const state of ir.states) {
    const task = state.task;
    if (task) {
      // A task named otherwise than its state shows its name: clients decide it by that name.
      const named = task.name === state.name ? '' : ` (task ${task.name})`;
      lines.push(`    ${id(state.name)} : ${escape(`${task.title}${named} — ${assignee(task.assignee)}`)}`);
    }
    // Timers that keep the state (escalation, reminders) become description lines, not arrows.
    for (const timer of state.timers) {
      const action = timer.action;
      if (!action) continue;
      const what = action.k === 'escalate' ? `escalate to ${assignee(action.to)}` : 'remind';
      const also = (timer.actions ?? []).map(actionText);
      const text = [`${trigger(timer)} ${what}`, ...also].join(', ');
      lines.push(`    ${id(state.name)} : ${escape(text)}`);
    }
    for (const t of [...state.always, ...state.on]) {
      const label = transitionLabel(state, t);
      lines.push(`    ${id(state.name)} --> ${id(t.target)}${label ? ` : ${escape(label)}` : ''}`);
    }
  }
  for (const state of ir.states) if (state.final) lines.push(`    ${id(state.name)} --> [*]`);
  return `${lines.join('\n')}\n`;
}

function transitionLabel(state: StateIR, t: TransitionIR): string {
  const timer = t.event ? state.timers.find((x) => x.event === t.event) : undefined;
  const on = timer ? trigger(timer) : (t.event ?? '');
  const guard = t.guardText ? `[${t.guardText}]` : '';
  return [on, guard].filter(Boolean).join(' ');
}

/** `after 24h`, or `at var.holdUntil` for a timer due at an instant. */
function trigger(timer: TimerIR): string {
  return timer.after !== undefined ? `after ${timer.after}` : `at ${timer.atText ?? 'an instant'}`;
}

function actionText(a: ActionIR): string {
  if (a.k === 'notify') return `notify "${a.template}"`;
  return a.k === 'set' ? `set ${a.name}` : `void ${a.tasks.join(', ')}`;
}

function assignee(a: AssigneeIR): string {
  switch (a.k) {
    case 'role':
      return `role(${a.roles.join(', ')})`;
    case 'user':
      return 'a named user';
    case 'team':
      return 'a team';
    case 'superior':
      return 'a superior';
    case 'users':
      return 'named users';
  }
}

/** Mermaid ends a label at `;` and reads `#` as an entity: write those (and quotes) as entities. */
function escape(text: string): string {
  return text.replace(/[#;"]/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '#': '#35;', ';': '#59;', '"': '#quot;' };
