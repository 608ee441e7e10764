// The shapes the fake AWS answers in, checked against @pulumi/aws's own declarations: a resource's state is a
// subset of its `...State` type and a look-up's answer a subset of its `Get...Result`, so a field the real
// provider does not return (or returns in another shape) fails `tsc`. Each handler states its type as its return
// type (`(args, world, id): StateOf<aws.ec2.VpcState> => ...`): TypeScript checks an object literal for unknown
// fields, at every depth, only against a declared type, not an inferred one. Type-only imports: loading @pulumi/aws
// at run time would make the SDK's MockMonitor build resource objects (plan/engine/server.ts).
import type * as pulumi from "@pulumi/pulumi";
import type { MockWorld } from "./world";

/** A resource's state as a provider returns it: any of the fields of its `State` type, as plain values. */
export type StateOf<S> = { [K in keyof S]?: pulumi.Unwrap<NonNullable<S[K]>> };

/** A component's registered outputs under mocks: any of its Output properties, as plain values. */
export type OutputsOf<C> = { [K in keyof C]?: pulumi.Unwrap<C[K]> };

/** Inputs or arguments as the program sent them, of no declared type. */
export type Inputs = Record<string, unknown>;

/** The SDK's mock arguments (whose typings give the inputs as `any`) with inputs of type `I`. */
export type MockArgs<I = Inputs> = Omit<pulumi.runtime.MockResourceArgs, "inputs"> & { inputs: I };

/**
 * A resource's inputs as the program sent them: the fields of its `Args` type (required ones too), as plain values
 * (the SDK serialized them from those types). A mock states it as its argument: `(args: MockArgs<InputsOf<aws.ec2.VpcArgs>>, ...)`.
 */
export type InputsOf<A> = { [K in keyof A]: pulumi.Unwrap<A[K]> };

/** How the fake AWS answers for one resource type. */
export interface ResourceMock {
    /** The prefix AWS gives the type's ids (`vpc-`), or a function of the inputs when it depends on them. */
    idPrefix?: string | ((inputs: Inputs) => string);
    /**
     * What AWS fills in beyond the inputs; throws where AWS would refuse the request. A method, so a mock may take
     * its own type's inputs (InputsOf) where the table holds every type's.
     */
    state?(args: MockArgs, world: MockWorld, id: string): object;
}

/**
 * How the fake AWS answers one provider function (data source). Declared through a method, so a handler may take
 * its own function's arguments (`(inputs: InputsOf<aws.ec2.GetVpcArgs>, world) => ...`) where the table holds every function's.
 */
export type CallHandler = { handle(inputs: Inputs, world: MockWorld): object }["handle"];
