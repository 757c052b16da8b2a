import type { EngineError, StepFailed } from './types';

function failed(error: EngineError): StepFailed {
  return { ok: false, error };
}

/** Named factories for every refusal, so messages carry the identifiers and, where possible, the fix. */
export const EngineErrors = {
  badInput(details: { path: string; message: string }[]): StepFailed {
    const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    return failed({
      code: 'BAD_INPUT',
      message: `the input does not match the flow's input: ${summary}`,
      details,
    });
  },
  badPayload(event: string, details: { path: string; message: string }[]): StepFailed {
    const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    return failed({
      code: 'BAD_INPUT',
      message: `the payload of "${event}" does not match what the flow declares: ${summary}`,
      details,
    });
  },
  noStarter(flow: string): StepFailed {
    return failed({ code: 'FORBIDDEN', message: `flow ${flow} is started by a user; no actor was given` });
  },
  mayNotStart(actor: string, flow: string, roles: string[]): StepFailed {
    return failed({
      code: 'FORBIDDEN',
      message: `${actor} may not start ${flow}: it needs one of the roles ${roles.join(', ')}`,
    });
  },
  instanceDone(state: string): StepFailed {
    return failed({
      code: 'INSTANCE_DONE',
      message: `the instance is finished (final state ${state}); it takes no more events`,
    });
  },
  unknownEvent(event: string, flow: string, known: string[]): StepFailed {
    return failed({
      code: 'UNKNOWN_EVENT',
      message: `flow ${flow} has no event "${event}"; it knows ${known.join(', ')}`,
    });
  },
  taskNotOpen(taskId: string, state: string, open: { id: string; name: string } | null): StepFailed {
    const now = open ? `the open task is ${open.name} (${open.id})` : `state ${state} has no open task`;
    return failed({ code: 'TASK_NOT_OPEN', message: `task ${taskId} is not open: ${now}` });
  },
  decisionNotOffered(decision: string, task: string, offered: string[]): StepFailed {
    return failed({
      code: 'DECISION_NOT_OFFERED',
      message: `task ${task} does not offer "${decision}"; it offers ${offered.join(', ')}`,
    });
  },
  noDecider(task: string): StepFailed {
    return failed({ code: 'FORBIDDEN', message: `task ${task} is decided by a user; no actor was given` });
  },
  timerFromUser(event: string, actor: string): StepFailed {
    return failed({
      code: 'FORBIDDEN',
      message: `${actor} may not send ${event}: timer events come from the timer worker only`,
    });
  },
  separation(actor: string, task: string, rule: string): StepFailed {
    return failed({
      code: 'SEPARATION_OF_DUTIES',
      message: `${actor} may not decide ${task}: excluded by separateFrom ${rule} (four-eyes)`,
    });
  },
  notCandidate(actor: string, task: string, why: string): StepFailed {
    return failed({ code: 'FORBIDDEN', message: `${actor} may not decide ${task}: ${why}` });
  },
  notAccepted(state: string, event: string, refused: string[]): StepFailed {
    const why =
      refused.length === 0 ? 'it has no transition for it' : `its guards refused (${refused.join('; ')})`;
    return failed({ code: 'EVENT_NOT_ACCEPTED', message: `state ${state} does not accept ${event}: ${why}` });
  },
  /** A guard, action or task expression could not be evaluated; the step is refused and nothing changes. */
  evaluationFailed(state: string, event: string, message: string): StepFailed {
    return failed({
      code: 'EVENT_NOT_ACCEPTED',
      message: `${event} in state ${state} could not be evaluated: ${message}`,
    });
  },
};
