import { Module } from '@nestjs/common';
import { TaskFieldsResolver } from './task-fields.resolver';
import { TasksResolver } from './tasks.resolver';

/** `tasks` (the inbox), `decideTask` and the edges of `Task`. */
@Module({ providers: [TasksResolver, TaskFieldsResolver] })
export class TasksModule {}
