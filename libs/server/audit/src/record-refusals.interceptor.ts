import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContextType } from '@nestjs/graphql';
import type { AuditQueries } from '@signet/persistence';
import { RECORDED_REFUSAL_CODES } from '@signet/persistence';
import type { GraphqlContext } from '@signet/server-common';
import { catchError, from, mergeMap, throwError } from 'rxjs';
import type { Observable } from 'rxjs';
import { AUDIT_QUERIES } from './audit-queries.token';

/** The operations whose refusals are kept: attempts to change an instance or deploy a flow. */
export const GUARDED_OPERATIONS = [
  'decideTask',
  'sendEvent',
  'startInstance',
  'deployFlow',
  'migrateInstance',
];

/** The argument naming the instance, where it is not `instanceId` (`migrateInstance(id:)`). */
const INSTANCE_ARGUMENT: Record<string, string> = { migrateInstance: 'id' };

/**
 * Keeps refused attempts (four-eyes, not allowed) in `refusal_log`. The refused step's transaction
 * rolled back, so the refusal is written afterwards in its own; the client still gets the original
 * error. A failure to record is logged, never swapped for the client's error.
 */
@Injectable()
export class RecordRefusalsInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RefusalLog');

  constructor(@Inject(AUDIT_QUERIES) private readonly audit: AuditQueries) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const operation = gql.getInfo<{ fieldName: string }>().fieldName;
    if (!GUARDED_OPERATIONS.includes(operation)) return next.handle();
    const args = gql.getArgs<Record<string, unknown>>();
    const actor = gql.getContext<GraphqlContext>().req.user?.username;
    return next.handle().pipe(
      catchError((error: unknown) => {
        const code = codeOf(error);
        if (!actor || !code || !RECORDED_REFUSAL_CODES.includes(code)) return throwError(() => error);
        const refusal = {
          at: new Date(),
          actor,
          operation,
          code,
          message: (error as Error).message,
          instanceId: instanceIdOf(operation, args),
          taskId: typeof args.taskId === 'string' ? args.taskId : null,
          details: typeof args.decision === 'string' ? { decision: args.decision } : {},
        };
        return from(
          this.audit.recordRefusal(refusal).catch((failure: unknown) => {
            this.logger.error(`could not record a refusal of ${operation} by ${actor}`, failure);
          }),
        ).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}

function instanceIdOf(operation: string, args: Record<string, unknown>): string | null {
  const value = args[INSTANCE_ARGUMENT[operation] ?? 'instanceId'];
  return typeof value === 'string' ? value : null;
}

function codeOf(error: unknown): string | null {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}
