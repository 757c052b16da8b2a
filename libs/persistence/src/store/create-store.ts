import { randomUUID } from 'node:crypto';
import { verifyAudit } from '../audit/verify-audit';
import { DEFAULT_CALENDAR } from '../calendar/calendar-rules';
import type { SignetDatabase } from '../database/open-database';
import { auditEvents, countAuditEvents, history, pageAuditEvents } from '../queries/audit-events';
import { getInstance, listInstances } from '../queries/list-instances';
import { countTasks, getTask, listTasks, pageTasks, tasksOfInstance } from '../queries/list-tasks';
import type { SignetStore } from '../store';
import { decideTask } from './decide-task';
import { deployFlow } from './deploy-flow';
import { getFlow, getFlowById, listFlows } from './flow-queries';
import { getUser } from './get-user';
import { migrateInstance } from './migrate-instance';
import { sendEvent } from './send-event';
import { startInstance } from './start-instance';
import type { StoreDeps } from './store-deps';

export interface StoreOptions {
  /** The clock (default: the system clock). Every mutation reads it once: the event's `at`. */
  now?: () => Date;
  /** Fresh ids for instances, tasks, timers and outbox rows; must return UUIDs (default: random v4). */
  newId?: () => string;
  /** The business calendar steps count `workdays` in (a `business_calendar` name; default `default`). */
  calendar?: string;
}

/** The SignetStore over an open (migrated) database. See `store.ts` for the contract. */
export function createStore(db: SignetDatabase, options: StoreOptions = {}): SignetStore {
  const deps: StoreDeps = {
    db,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    calendar: options.calendar ?? DEFAULT_CALENDAR,
  };
  return {
    deployFlow: (source, deployedBy) => deployFlow(deps, source, deployedBy),
    listFlows: () => listFlows(deps),
    getFlow: (key, version) => getFlow(deps, key, version),
    getFlowById: (id) => getFlowById(deps, id),

    startInstance: (cmd) => startInstance(deps, cmd),
    sendEvent: (cmd) => sendEvent(deps, cmd),
    decideTask: (cmd) => decideTask(deps, cmd),
    migrateInstance: (cmd) => migrateInstance(deps, cmd),
    getInstance: (id, viewer) => getInstance(deps, id, viewer),
    listInstances: (filter, page, viewer) => listInstances(deps, filter, page, viewer),
    listTasks: (filter, page, viewer) => listTasks(deps, filter, page, viewer),
    pageTasks: (filter, page, viewer) => pageTasks(deps, filter, page, viewer),
    countTasks: (filter, viewer) => countTasks(deps, filter, viewer),
    tasksOfInstance: (instanceId, status) => tasksOfInstance(deps, instanceId, status),
    getTask: (id, viewer) => getTask(deps, id, viewer),

    auditEvents: (filter, page, viewer) => auditEvents(deps, filter, page, viewer),
    pageAuditEvents: (filter, page, viewer) => pageAuditEvents(deps, filter, page, viewer),
    countAuditEvents: (filter, viewer) => countAuditEvents(deps, filter, viewer),
    history: (instanceId) => history(deps, instanceId),
    verifyAudit: (instanceId) => verifyAudit(deps, instanceId),

    getUser: (username) => getUser(deps, username),
  };
}
