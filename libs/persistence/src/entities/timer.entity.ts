import { EntitySchema } from '@mikro-orm/core';
import { InstanceEntity } from './instance.entity';

export type TimerStatus = 'PENDING' | 'FIRED' | 'CANCELLED';

/**
 * A durable timer, written from a scheduleTimer effect in the step's transaction and cancelled by a
 * cancelTimer effect. The timer worker delivers due PENDING timers as `event` through the normal step.
 */
export class TimerEntity {
  id!: string;
  instance!: InstanceEntity;
  event!: string;
  state!: string;
  after!: string;
  dueAt!: Date;
  status!: TimerStatus;
  createdAt!: Date;
  firedAt!: Date | null;
  cancelledAt!: Date | null;
  /** The business calendar `workdays` were counted in when it was scheduled (migration 0004). */
  calendar!: string;
  /** The worker that delivered it, and how late (fired − due) in milliseconds. */
  firedBy!: string | null;
  latenessMs!: number | null;
  /** Why a timer left PENDING without firing (its state was left, its instance ended …). */
  cancelReason!: string | null;
}

export const TimerSchema = new EntitySchema<TimerEntity>({
  class: TimerEntity,
  tableName: 'timer',
  properties: {
    id: { type: 'uuid', primary: true },
    instance: { kind: 'm:1', entity: () => InstanceEntity },
    event: { type: 'text' },
    state: { type: 'text' },
    after: { type: 'text' },
    dueAt: { type: 'datetime', columnType: 'timestamptz' },
    status: { type: 'text' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    firedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    cancelledAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    calendar: { type: 'text', default: 'default' },
    firedBy: { type: 'text', nullable: true },
    latenessMs: { type: 'integer', nullable: true },
    cancelReason: { type: 'text', nullable: true },
  },
});
