// When connected networks need Route 53 Resolver forwarding to reach a cluster's API server by name.
//
// Since December 2019 public DNS answers a private-only cluster's endpoint name with the endpoint's private IPs
// (EKS user guide, Cluster API server endpoint, https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html,
// access table, row "Disabled | Enabled": "The cluster's API server endpoint is resolved by public DNS servers to a
// private IP address from the VPC"; AWS Compute Blog, "Enabling DNS resolution for Amazon EKS cluster endpoints",
// https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Update - December
// 2019": forwarding "is not required for the majority of use cases"). A peered VPC or an office whose DNS reaches
// public DNS therefore already gets the private IPs. Forwarding is still needed when:
// - both endpoints are on: public DNS then answers with the public endpoint's IPs, so connected networks would
//   leave for the internet (and meet publicAccessCidrs) instead of using the private endpoint;
// - the connected network's DNS cannot reach public DNS (no internet egress for DNS);
// - its DNS drops answers that are private addresses for public names (DNS rebinding protection, common on
//   on-premises resolvers and firewalls).
import { EndpointAccessMode } from "../apiEndpoint/endpointAccess";
import { oneOf } from "../shared/errors";
import { resolverEndpointMonthlyUsd } from "../aws/prices";

/** Why connected networks' DNS cannot use the public answer, when it cannot. */
export const ConnectedDns = {
    /** Their resolvers reach public DNS and accept private answers: public DNS already gives a private-only cluster's private IPs. */
    PublicDns: "public-dns",
    /** Their resolvers cannot reach public DNS (no internet egress for DNS). */
    NoInternet: "no-internet",
    /** Their resolvers drop private addresses in answers to public names (DNS rebinding protection). */
    RebindingProtection: "rebinding-protection",
} as const;
export type ConnectedDns = (typeof ConnectedDns)[keyof typeof ConnectedDns];

/** Checks a stated ConnectedDns value (another language may send any string). */
export function checkConnectedDns(value: unknown, arg: string): void {
    if (value !== undefined) oneOf(value, ConnectedDns, arg);
}

/** Whether Resolver forwarding is needed for a cluster, and the sentence that says why or why not. */
export interface HybridDnsNeed {
    needed: boolean;
    reason: string;
}

/**
 * Decides whether connected networks need Resolver forwarding to resolve the cluster's endpoint to its private IPs.
 * `connectedDns` is what the user states about their networks' DNS; undefined means not stated.
 */
export function hybridDnsNeed(mode: EndpointAccessMode, connectedDns: ConnectedDns | undefined): HybridDnsNeed {
    if (mode === EndpointAccessMode.Public) {
        return { needed: false, reason: "the cluster has no private endpoint: connected networks reach the public endpoint, which public DNS answers" };
    }
    if (mode === EndpointAccessMode.PublicAndPrivate) {
        return {
            needed: true,
            reason: "with both endpoints on, public DNS answers with the public endpoint's IPs; only forwarding to the cluster VPC's Resolver gives connected networks the private IPs",
        };
    }
    if (connectedDns === ConnectedDns.NoInternet) {
        return { needed: true, reason: "the connected networks' DNS cannot reach public DNS, which is what answers a private-only endpoint's name" };
    }
    if (connectedDns === ConnectedDns.RebindingProtection) {
        return { needed: true, reason: "the connected networks' DNS drops private answers to public names (rebinding protection), so it must ask the cluster VPC's Resolver" };
    }
    return {
        needed: false,
        reason: "public DNS answers a private-only cluster's endpoint name with its private IPs (since December 2019), so connected networks whose DNS reaches public DNS resolve it without forwarding",
    };
}

/**
 * The warning for Resolver forwarding configured where it may not be needed: a private-only cluster whose connected
 * networks' DNS was not said to need it. Undefined when forwarding is needed (both endpoints on, or a stated reason).
 * `subject` is what the user configured it as (PrivateCluster's `hybridDns`, or a HybridDnsAccess).
 */
export function unneededHybridDnsWarning(mode: EndpointAccessMode, connectedDns: ConnectedDns | undefined, subject = "hybridDns"): string | undefined {
    if (mode !== EndpointAccessMode.Private || hybridDnsNeed(mode, connectedDns).needed) return undefined;
    // Per IP, so the figure is the same whether the subnet ids are known now or only at deployment.
    const cost = `Resolver forwarding costs $${resolverEndpointMonthlyUsd(1).toFixed(2)} a month per IP, at least two per endpoint,`;
    if (connectedDns === ConnectedDns.PublicDns) return `${subject}: ${cost} and is not needed: ${hybridDnsNeed(mode, connectedDns).reason}. Drop ${subject}`;
    return (
        `${subject}: ${cost} and may not be needed: ${hybridDnsNeed(mode, connectedDns).reason}. ` +
        `Keep it and set connectedDns to "${ConnectedDns.NoInternet}" or "${ConnectedDns.RebindingProtection}" if that is why, otherwise drop ${subject}`
    );
}
