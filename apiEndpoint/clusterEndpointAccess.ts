import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { once } from "../shared/gates";
import { applyEach } from "../shared/outputs";
import { EndpointAccessMode, IpFamily } from "./endpointAccess";
import { apiPorts, apiRulesName, planClusterEndpointAccess } from "./plan";
import { InputError, inComponent } from "../shared/errors";
import { checkedAt } from "../shared/validatedInput";
import { vpcDnsProblems } from "./vpcDns";
import { lookup } from "../shared/lookups";
import { securityGroupRules } from "../shared/securityGroupRuleResources";

export interface ClusterEndpointAccessArgs {
    /** Which endpoints the API server exposes: "public" (EKS's default), "public-and-private" or "private". */
    mode: EndpointAccessMode;
    /**
     * CIDR blocks allowed to reach the public endpoint (public modes only). Default: 0.0.0.0/0, plus ::/0 on
     * dual-stack IPv6 clusters. IPv6 blocks are accepted only by IPv6 clusters with the api.aws endpoint.
     */
    publicAccessCidrs?: string[];
    /** The cluster's IP family: "ipv4" (default) or "ipv6". */
    ipFamily?: IpFamily;
    /** The IPv6 cluster was made before October 2024 (eks.amazonaws.com endpoint), so its public endpoint takes IPv4 CIDRs only. */
    legacyIpv6Endpoint?: boolean;
    /** The cluster has hybrid nodes; warns about "public-and-private", where they would resolve the endpoint to public IPs. */
    hybridNodes?: boolean;
    /**
     * The cluster's VPC. With private access on, it is looked up and must have enableDnsSupport and
     * enableDnsHostnames true and AmazonProvidedDNS in its DHCP options, or the private endpoint does not resolve.
     */
    vpcId?: pulumi.Input<string>;
    /** The control plane's security group (the cluster security group, or one attached via vpcConfig.securityGroupIds) that gets the 443 rules. */
    clusterSecurityGroupId?: pulumi.Input<string>;
    /**
     * Connected networks (transit gateway, VPN, Direct Connect, peered VPCs) allowed to reach the private endpoint on TCP 443.
     * Never 0.0.0.0/0 or ::/0 (open to everyone, refused as by every component); IPv6 ranges only with ipFamily "ipv6".
     */
    allowedCidrs?: string[];
    /** Security groups (a bastion host, an IDE) allowed to reach the private endpoint on TCP 443; ids known at preview. */
    allowedSecurityGroupIds?: pulumi.Input<string>[];
    /** Like allowedSecurityGroupIds, keyed by a stable label, for ids only known at deployment ({ bastion: bastionSg.id }). */
    allowedSecurityGroups?: Record<string, pulumi.Input<string>>;
}

/** The endpoint settings in the shape of aws.eks.Cluster's vpcConfig (add subnetIds and securityGroupIds). */
export interface EndpointVpcConfig {
    /** Whether the public endpoint is on. */
    endpointPublicAccess: boolean;
    /** Whether the private endpoint is on. */
    endpointPrivateAccess: boolean;
    /** CIDR blocks allowed to reach the public endpoint; absent when it is off. */
    publicAccessCidrs?: string[];
}

/**
 * Settles how a cluster's Kubernetes API server endpoint is reached: which endpoints are on, who may use the
 * public one, the VPC DNS the private one needs, and the control-plane 443 rules for connected networks.
 *
 * Pass the settings to `aws.eks.Cluster` as `vpcConfig: access.vpcConfig.apply(c => ({ ...c, subnetIds }))`, or
 * to `@pulumi/eks`' `Cluster` as `endpointPublicAccess`, `endpointPrivateAccess` and `publicAccessCidrs`.
 */
export class ClusterEndpointAccess extends pulumi.ComponentResource {
    /** Whether the public endpoint is on. */
    public readonly endpointPublicAccess: pulumi.Output<boolean>;
    /** Whether the private endpoint is on. */
    public readonly endpointPrivateAccess: pulumi.Output<boolean>;
    /** CIDR blocks allowed to reach the public endpoint; empty when it is off. */
    public readonly publicAccessCidrs: pulumi.Output<string[]>;
    /** Advice about this configuration that does not stop the deployment (also logged as warnings). */
    public readonly warnings: pulumi.Output<string[]>;
    /** Endpoint settings shaped for aws.eks.Cluster's vpcConfig. */
    public readonly vpcConfig: pulumi.Output<EndpointVpcConfig>;
    /** Ids of the control-plane ingress rules, keyed by resource name. */
    public readonly ingressRuleIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ClusterEndpointAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = inComponent("ClusterEndpointAccess", name, () => planClusterEndpointAccess(name, args));
        const settings = plan.settings;
        super("eks-private-access:index:ClusterEndpointAccess", name, args, opts);

        for (const warning of plan.warnings) void pulumi.log.warn(warning, this);

        // The private endpoint is served through a Route 53 private hosted zone that EKS associates with the VPC;
        // it only resolves when the VPC's DNS attributes and DHCP options allow it (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Cluster private
        // endpoint"). Every output and rule below waits for this check, so a cluster wired to them is never created
        // on a VPC where its endpoint would not resolve, and a failed check registers nothing.
        const dnsChecked = plan.checksVpcDns && args.vpcId !== undefined ? checkVpcDns(name, args.vpcId, this) : undefined;
        const gate = <T>(value: T): pulumi.Output<T> => (dnsChecked ? dnsChecked.apply<T>(() => value) : pulumi.output(value as pulumi.Input<T>) as pulumi.Output<T>);

        const groupId = args.clusterSecurityGroupId;
        const rules =
            groupId !== undefined
                ? securityGroupRules("ingress", apiRulesName(name), dnsChecked ? once(dnsChecked, groupId) : groupId, settings.ingressSources, apiPorts, {
                      parent: this,
                  })
                : {};

        this.endpointPublicAccess = gate(settings.endpointPublicAccess);
        this.endpointPrivateAccess = gate(settings.endpointPrivateAccess);
        this.publicAccessCidrs = gate(settings.publicAccessCidrs);
        this.warnings = pulumi.output(plan.warnings);
        this.vpcConfig = gate<EndpointVpcConfig>({
            endpointPublicAccess: settings.endpointPublicAccess,
            endpointPrivateAccess: settings.endpointPrivateAccess,
            ...(settings.endpointPublicAccess ? { publicAccessCidrs: settings.publicAccessCidrs } : {}),
        });
        const ruleEntries = Object.entries(rules);
        this.ingressRuleIds = applyEach(
            ruleEntries.map(([, rule]) => rule.id),
            (ids) => Object.fromEntries(ruleEntries.map(([key], i) => [key, ids[i]])),
        );
        this.registerOutputs({
            endpointPublicAccess: this.endpointPublicAccess,
            endpointPrivateAccess: this.endpointPrivateAccess,
            publicAccessCidrs: this.publicAccessCidrs,
            warnings: this.warnings,
            vpcConfig: this.vpcConfig,
            ingressRuleIds: this.ingressRuleIds,
        });
    }
}

/** Looks the VPC and its DHCP options up; the Output fails with every unmet prerequisite. */
function checkVpcDns(name: string, vpcId: pulumi.Input<string>, parent: pulumi.Resource): pulumi.Output<true> {
    return lookup(aws.ec2.getVpcOutput, { id: vpcId }, parent).apply((v) =>
        lookup(aws.ec2.getVpcDhcpOptionsOutput, { dhcpOptionsId: v.dhcpOptionsId }, parent).apply((dhcp) => {
            const problems = vpcDnsProblems({
                vpcId: v.id,
                enableDnsSupport: v.enableDnsSupport,
                enableDnsHostnames: v.enableDnsHostnames,
                domainNameServers: dhcp.domainNameServers,
            });
            return checkedAt({ component: "ClusterEndpointAccess", name, resource: parent }, () => {
                if (problems.length > 0) throw new InputError("vpcId", problems.join(" "));
                return true as const;
            });
        }),
    );
}
