import { type EvalEnv, type FlowIR, formatTimestamp, parseTimestamp, TraceRecorder } from '@signet/dsl';
import type { InstanceContext } from '../instance-context';
import type { ActionTrace, EngineContext, EngineEvent, GuardTrace } from '../types';

/**
 * Everything one `start`/`step` call lends to the guard and action implementations: the IR, the
 * caller's context (clock, directory, ids), the event, and where to record what happened.
 *
 * It travels *inside the XState event* (see `EnvelopeEvent`), so the implementations bound once
 * per IR in `setup()` stay pure functions of `(context, event, params)`: no module state, nothing
 * shared between concurrent steps, nothing persisted (XState does not keep events in snapshots).
 * See docs/adr/0004-engine-binding.md.
 */
export class StepEnv {
  readonly recorder = new TraceRecorder();
  readonly guards: GuardTrace[] = [];
  readonly actions: ActionTrace[] = [];
  /** The first evaluation failure; once set, every further guard refuses and the step is refused. */
  failure: string | null = null;
  /** Whether a transition for the event itself (not an eventless one) was taken. */
  eventTaken = false;
  /** The event's time in canonical form (`2026-11-23T09:00:00.000Z`), as stored in the context. */
  readonly now: string;

  constructor(
    readonly ir: FlowIR,
    readonly ctx: EngineContext,
    /** The event being processed; null while starting. */
    readonly event: EngineEvent | null,
    /** `ctx.now` in canonical form when the caller has it already (`assertContext`'s answer). */
    now?: string,
  ) {
    this.now = now ?? formatTimestamp(parseTimestamp(ctx.now) ?? Number.NaN);
  }

  get eventType(): string {
    return this.event?.type ?? 'start';
  }

  /** The evaluation environment over the given (current, possibly just-assigned) context. */
  evalEnv(context: InstanceContext): EvalEnv {
    return {
      context,
      now: this.now,
      event: this.event?.payload,
      tables: this.ir.tables,
      constants: this.ir.constants,
      directory: this.ctx.directory,
      // `now + 2 workdays` counts in the calendar the instance's `after 2 workdays` timers use.
      ...(this.ctx.calendar ? { calendar: this.ctx.calendar } : {}),
      trace: this.recorder,
    };
  }

  fail(message: string): void {
    this.failure ??= message;
  }
}

export const ENV_KEY = 'signet.env';

/** The event given to XState: the engine event's type plus the step's environment. */
export interface EnvelopeEvent {
  type: string;
  [ENV_KEY]?: StepEnv;
  input?: { [ENV_KEY]?: StepEnv };
}

/**
 * The step environment carried by an event: on the envelope for `step`, inside the init event's
 * `input` for `start`. Undefined when XState evaluates the machine on its own (it builds an inert
 * initial snapshot inside every pure `transition` call); guards then refuse and actions do nothing.
 */
export function stepEnvOf(event: EnvelopeEvent): StepEnv | undefined {
  return event[ENV_KEY] ?? event.input?.[ENV_KEY];
}
