import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A located problem with a flow source, exactly as the dsl reports it. */
@ObjectType()
export class Diagnostic {
  @Field({ description: '"error", "warning" or "info".' })
  severity!: string;

  @Field({ description: 'Stable code, e.g. "flow/unknown-state".' })
  code!: string;

  @Field()
  message!: string;

  @Field(() => Int, { description: '1-based.' })
  line!: number;

  @Field(() => Int, { description: '1-based.' })
  column!: number;

  @Field(() => Int)
  endLine!: number;

  @Field(() => Int)
  endColumn!: number;

  @Field(() => String, { nullable: true })
  hint?: string | null;
}

/** The result of checking a flow source without deploying it. */
@ObjectType()
export class FlowCheck {
  @Field({ description: 'True when no diagnostic is an error.' })
  ok!: boolean;

  @Field(() => [Diagnostic])
  diagnostics!: Diagnostic[];
}
