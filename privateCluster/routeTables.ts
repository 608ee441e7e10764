// Route table look-ups for advice that must not fail a deployment: a route table that cannot be read (no
// ec2:DescribeRouteTables permission, an id another check refuses) gives no answer rather than an error.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { RouteTableRoutes } from "./pullThroughCache";
import { outputOf } from "../shared/outputs";

/** The routes of each route table that could be read, once the ids are known; unreadable ones are left out. */
export function readableRouteTables(ids: pulumi.Input<pulumi.Input<string>[]>, parent: pulumi.Resource): pulumi.Output<RouteTableRoutes[]> {
    return outputOf(ids).apply(async (known) => {
        const tables = await Promise.all(
            known.map((routeTableId) =>
                aws.ec2.getRouteTable({ routeTableId }, { parent }).then(
                    (t): RouteTableRoutes => ({ id: t.routeTableId, routes: t.routes }),
                    () => undefined,
                ),
            ),
        );
        return tables.filter((t): t is RouteTableRoutes => t !== undefined);
    });
}
