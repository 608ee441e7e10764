// Fixtures of the PrivateClusterEndpoints integration tests (tests/privateClusterEndpoints*.test.ts).
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateClusterEndpoints, PrivateClusterEndpointsArgs } from "../../vpcEndpoints/privateClusterEndpoints";
import { mockAws } from "../../plan/mocks";
import type { InputsOf } from "../../plan/mocks/types";

export const VPC = "vpc-0a1b2c3d4e5f60718";
export const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
export const RTB = "rtb-0a1b2c3d4e5f60718";
export const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
export const SG = "aws:ec2/securityGroup:SecurityGroup";
export const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const PREFIX_LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
export const LOOKUP = "aws:ec2/getVpcEndpointService:getVpcEndpointService";
/** What nodes need to join and pull images: eksctl's fully-private set (ec2, ecr.api, ecr.dkr, s3 gateway, sts). */
export const DEFAULT_SET = ["ec2", "ecr.api", "ecr.dkr", "s3", "sts"];
/** The EKS private cluster guide's whole table. */
export const GUIDE_SET = ["ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "logs", "s3", "sts", "xray"];

export function endpoints(name: string, extra: Partial<PrivateClusterEndpointsArgs> = {}): PrivateClusterEndpoints {
    return new PrivateClusterEndpoints(name, { vpcId: VPC, subnetIds: SUBNETS, routeTableIds: [RTB], ...extra });
}

/** A VPC endpoint's inputs as the component sent them (aws.ec2.VpcEndpointArgs, as plain values). */
export type EndpointInputs = InputsOf<aws.ec2.VpcEndpointArgs>;

/** Endpoint resources by name, with their inputs. */
export function registered(): Record<string, EndpointInputs> {
    return Object.fromEntries(mockAws().ofType(ENDPOINT).map((r) => [r.name, r.inputs as EndpointInputs]));
}

/**
 * Waits for every registration a test started, so none lands in the next test's records. Only for ordering:
 * failures are asserted by the tests that expect them (programFailures), not here.
 */
export async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}
