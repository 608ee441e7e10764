// Plain resources for the rules' own unit tests (rules/**/<rule>.test.ts): the inputs a rule reads, with known ids,
// no CrossGuard proxy and no pack. Each rule test starts from a passing cluster or stack and changes one thing.
import { AWS_CLUSTER, EKS_CLUSTER } from "./clusterSettings";
import { RESOLVER_ENDPOINT, SECURITY_GROUP, SECURITY_GROUP_RULE, SUBNET, VPC, VPC_ENDPOINT } from "./stackIndex";
import { RuleResource, StackResource } from "./types";

export const KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
export const ALL_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export function urnOf(type: string, name: string, parentType?: string): string {
    return `urn:pulumi:test::rules::${parentType ? `${parentType}$` : ""}${type}::${name}`;
}

/** A private-only, encrypted, fully logged aws.eks.Cluster named "prod"; `vpcConfig` and `extra` override its inputs. */
export function awsCluster(vpcConfig: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): RuleResource {
    return {
        type: AWS_CLUSTER,
        urn: urnOf(AWS_CLUSTER, "prod"),
        name: "prod",
        inputs: {
            name: "prod",
            version: "1.33",
            vpcConfig: { subnetIds: ["subnet-0aaaaaaaaaaaaaaa1"], endpointPublicAccess: false, endpointPrivateAccess: true, ...vpcConfig },
            kubernetesNetworkConfig: { ipFamily: "ipv4" },
            encryptionConfig: { provider: { keyArn: KMS_KEY }, resources: ["secrets"] },
            enabledClusterLogTypes: ALL_LOG_TYPES,
            ...extra,
        },
    };
}

/** The same cluster as a @pulumi/eks component (flat inputs). */
export function eksCluster(extra: Record<string, unknown> = {}): RuleResource {
    return {
        type: EKS_CLUSTER,
        urn: urnOf(EKS_CLUSTER, "prod"),
        name: "prod",
        inputs: { vpcId: "vpc-0a1b2c3d4e5f60718", endpointPublicAccess: false, endpointPrivateAccess: true, encryptionConfigKeyArn: KMS_KEY, enabledClusterLogTypes: ALL_LOG_TYPES, ...extra },
    };
}

/** The aws:eks/cluster:Cluster @pulumi/eks creates inside its component, with the given vpcConfig. */
export function componentChildCluster(vpcConfig: Record<string, unknown>): RuleResource {
    return { ...awsCluster(vpcConfig), name: "prod-eksCluster", urn: urnOf(AWS_CLUSTER, "prod-eksCluster", EKS_CLUSTER) };
}

/** One resource of a stack, with a known id when given. */
export function resource(type: string, name: string, inputs: Record<string, unknown>, id?: string): StackResource {
    return { type, urn: urnOf(type, name), name, inputs, ...(id ? { id } : {}) };
}

export const VPC_ID = "vpc-0a1b2c3d4e5f60718";
export const ENDPOINT_SG_ID = "sg-0e0e0e0e0e0e0e0e0";
export const RESOLVER_SG_ID = "sg-0d0d0d0d0d0d0d0d0";
export const SUBNET_A = "subnet-0aaaaaaaaaaaaaaa1";
export const SUBNET_B = "subnet-0bbbbbbbbbbbbbbb2";

/**
 * A passing stack joined by ids: a private-only cluster in VPC 10.0.0.0/16 with DNS on, interface endpoints for
 * ec2, ecr.api, ecr.dkr and sts admitting 443 from the VPC CIDR, an s3 gateway endpoint, and an inbound Resolver
 * endpoint in two AZs admitting DNS from 192.168.0.0/16.
 */
export function privateStack(): StackResource[] {
    return [
        resource(VPC, "main", { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: true }, VPC_ID),
        resource(SUBNET, "a", { vpcId: VPC_ID, cidrBlock: "10.0.0.0/19", availabilityZone: "us-east-1a" }, SUBNET_A),
        resource(SUBNET, "b", { vpcId: VPC_ID, cidrBlock: "10.0.32.0/19", availabilityZone: "us-east-1b" }, SUBNET_B),
        resource(AWS_CLUSTER, "prod", { name: "prod", vpcConfig: { subnetIds: [SUBNET_A, SUBNET_B], endpointPublicAccess: false, endpointPrivateAccess: true } }),
        resource(
            SECURITY_GROUP,
            "endpoints",
            { vpcId: VPC_ID, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }] },
            ENDPOINT_SG_ID,
        ),
        ...["ec2", "ecr.api", "ecr.dkr", "sts"].map((service) =>
            resource(VPC_ENDPOINT, service.replace(".", "-"), {
                vpcId: VPC_ID,
                serviceName: `com.amazonaws.us-east-1.${service}`,
                vpcEndpointType: "Interface",
                securityGroupIds: [ENDPOINT_SG_ID],
                subnetIds: [SUBNET_A, SUBNET_B],
            }),
        ),
        resource(VPC_ENDPOINT, "s3", { vpcId: VPC_ID, serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" }),
        resource(SECURITY_GROUP, "resolver", { vpcId: VPC_ID }, RESOLVER_SG_ID),
        ...["udp", "tcp"].map((protocol) =>
            resource(SECURITY_GROUP_RULE, `resolver-${protocol}`, {
                type: "ingress",
                securityGroupId: RESOLVER_SG_ID,
                protocol,
                fromPort: 53,
                toPort: 53,
                cidrBlocks: ["192.168.0.0/16"],
            }),
        ),
        resource(RESOLVER_ENDPOINT, "inbound", {
            direction: "INBOUND",
            securityGroupIds: [RESOLVER_SG_ID],
            ipAddresses: [{ subnetId: SUBNET_A }, { subnetId: SUBNET_B }],
        }),
    ];
}

/** `stack` with the inputs of resource `name` changed by `change` (a copy; the original is untouched). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into their own fixtures' nested inputs
export function changed(stack: StackResource[], name: string, change: (inputs: Record<string, any>) => void): StackResource[] {
    if (!stack.some((r) => r.name === name)) throw new Error(`no resource ${name} in the stack`);
    return stack.map((r) => {
        if (r.name !== name) return r;
        const inputs = structuredClone(r.inputs);
        change(inputs);
        return { ...r, inputs };
    });
}
