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

/** How the fake AWS answers for one resource type. */
export interface ResourceMock {
    /** The prefix AWS gives the type's ids (`vpc-`), or a function of the inputs when it depends on them. */
    idPrefix?: string | ((inputs: Record<string, any>) => string);
    /** What AWS fills in beyond the inputs; throws where AWS would refuse the request. */
    state?: (args: pulumi.runtime.MockResourceArgs, world: MockWorld, id: string) => object;
}

/** How the fake AWS answers one provider function (data source). */
export type CallHandler = (inputs: Record<string, any>, world: MockWorld) => object;
