// Gates: how a resource or an output waits for look-up checks, so a failed check registers nothing after it.
import * as pulumi from "@pulumi/pulumi";
import { applyEach } from "./outputs";

/**
 * What a resource that must wait for look-up checks takes as `dependsOn`: it is registered only once every check has
 * passed, so a failed check leaves it (and, for a component, all its children) out of the plan.
 */
export function after(...checks: pulumi.Input<unknown>[]): pulumi.Output<pulumi.Resource[]> {
    return applyEach(checks, () => []);
}

/**
 * `value` once every check has passed: a component's outputs fail with a failed check instead of waiting forever for
 * children never registered. One apply on `checks` (`pulumi.all` would wrap both again); at a preview where the
 * checks are still unknown the result is unknown and carries the checks' dependencies only, as applyEach.
 */
export function once<T>(checks: pulumi.Output<unknown>, value: pulumi.Input<T>): pulumi.Output<T> {
    return checks.apply(() => value) as pulumi.Output<T>;
}
