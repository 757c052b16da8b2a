import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Page, PageSlice } from '@signet/persistence';

/** Relay page info. */
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;
}

/** The shape every `…Connection` has, whatever its node type. */
export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds the base of a Relay connection type (and its `<name>Edge`) for a node type; extend it as
 * `@ObjectType() class <name>Connection extends Connection(Node, '<name>') {}`:
 * `edges { cursor node } pageInfo { hasNextPage endCursor } totalCount`.
 */
export function Connection<T>(node: Type<T>, name: string): abstract new () => ConnectionShape<T> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Matches in total, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** A store page as a connection. */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  return {
    edges: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

/**
 * A connection whose `totalCount` is not counted yet: `countTotal` runs only when a field resolver
 * for `totalCount` asks for it (the client selected it), so a page alone costs no count.
 */
export interface LazyConnectionShape<T> extends Omit<ConnectionShape<T>, 'totalCount'> {
  countTotal: () => Promise<number>;
}

/** A store page without its total as a connection that counts on demand. */
export function toLazyConnection<T>(
  page: PageSlice<T>,
  countTotal: () => Promise<number>,
): LazyConnectionShape<T> {
  return {
    edges: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    countTotal,
  };
}
