import { Module } from '@nestjs/common';
import { TaskConnectionResolver } from './task-connection.resolver';
import { TaskFieldsResolver } from './task-fields.resolver';
import { TasksResolver } from './tasks.resolver';

/** `tasks` (the inbox, its `totalCount` counted on demand), `decideTask` and the edges of `Task`. */
@Module({ providers: [TasksResolver, TaskFieldsResolver, TaskConnectionResolver] })
export class TasksModule {}
