// Conformance: every example and the root stack planned the way `pulumi preview` runs them, through the Node
// language host's path (plan/engine/languageHost.ts: cmd/run resolved from the program directory, Pulumi.yaml
// `main` or package.json's entry, ts-node with type checking, config in PULUMI_CONFIG) against the mock gRPC
// engine. Expected resources are read from each program's own code and config, not from a previous run: the
// program's top-level resources exactly, and the children that carry its intent.
import * as assert from "assert";
import * as path from "path";
import { ProgramRun, runProgram } from "../plan/engine/languageHost";

const repo = path.resolve(__dirname, "..");

const T = {
    stack: "pulumi:pulumi:Stack",
    stackRef: "pulumi:pulumi:StackReference",
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    rta: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    route: "aws:ec2/route:Route",
    peering: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    vpce: "aws:ec2/vpcEndpoint:VpcEndpoint",
    role: "aws:iam/role:Role",
    rpa: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    key: "aws:kms/key:Key",
    eksCluster: "aws:eks/cluster:Cluster",
    nodeGroup: "aws:eks/nodeGroup:NodeGroup",
    cacheRule: "aws:ecr/pullThroughCacheRule:PullThroughCacheRule",
    resolverRule: "aws:route53/resolverRule:ResolverRule",
    ruleAssoc: "aws:route53/resolverRuleAssociation:ResolverRuleAssociation",
    remoteCluster: "eks:index:Cluster",
    access: "eks-private-access:index:ClusterEndpointAccess",
    endpoints: "eks-private-access:index:PrivateClusterEndpoints",
    hybrid: "eks-private-access:index:HybridDnsAccess",
    inbound: "eks-private-access:index:ResolverInboundEndpoint",
    outbound: "eks-private-access:index:ResolverOutboundEndpoint",
    forwarding: "eks-private-access:index:ClusterDnsForwarding",
    privateCluster: "eks-private-access:index:PrivateCluster",
} as const;

/** `type name` of each name. */
const each = (type: string, ...names: string[]) => names.map((n) => `${type} ${n}`);
/** The endpoint children PrivateClusterEndpoints `name` makes for `services` (vpcEndpoints/services endpointChildName). */
const endpointsOf = (name: string, services: string[]) => each(T.vpce, ...services.map((s) => `${name}-${s}`));
/** The default set: what nodes need to join and pull images, eksctl's fully-private set. */
const defaults = ["ec2", "ecr.api", "ecr.dkr", "s3", "sts"];
/** preset "eks-guide": the EKS private cluster guide's whole table (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html). */
const guide = [...defaults, "logs", "elasticloadbalancing", "xray"];
/** ClusterEndpointAccess `name`'s TCP 443 rules, keyed by source (CIDR slug, security group id or label). */
const apiRules = (name: string, ...keys: string[]) => each(T.ingress, ...keys.map((k) => `${name}-api-tcp443-from-${k}`));

interface Case {
    /** Program directory, relative to the repo. */
    dir: string;
    stack: string;
    /** The Pulumi.yaml project name. */
    project: string;
    /** Exactly the resources the program itself creates at top level (children of the root stack). */
    topLevel: string[];
    /** For a top-level or nested `type name`: children it must have, `exact` when they are all of one type listed. */
    children?: { of: string; type?: string; names: string[] }[];
}

const cases: Case[] = [
    {
        dir: ".",
        stack: "sample",
        project: "eks-private-access",
        // Pulumi.sample.yaml: endpointAccess, vpcEndpoints and hybridDns sections; privateCluster is commented out.
        topLevel: [`${T.access} sample-endpoint`, `${T.endpoints} sample-endpoints`, `${T.hybrid} sample-dns`],
        children: [
            { of: `${T.access} sample-endpoint`, type: T.ingress, names: apiRules("sample-endpoint", "10-20-0-0-16", "192-168-0-0-20", "sg-0a9b8c7d6e5f40312") },
            // features clusterAutoscaler (autoscaling, ec2, sts) and podIdentity (eks-auth) over the defaults.
            { of: `${T.endpoints} sample-endpoints`, type: T.vpce, names: endpointsOf("sample-endpoints", [...defaults, "autoscaling", "eks-auth"]) },
            // No outboundVpcId in the sample: only the inbound endpoint.
            { of: `${T.hybrid} sample-dns`, type: T.inbound, names: [`${T.inbound} sample-dns-inbound`] },
        ],
    },
    {
        dir: "examples/public-restricted",
        stack: "dev",
        project: "public-restricted",
        topLevel: [
            `${T.vpc} public-restricted`,
            ...each(T.subnet, "public-restricted-private-a", "public-restricted-private-b"),
            `${T.access} public-restricted`,
            `${T.role} public-restricted-cluster`,
            `${T.rpa} public-restricted-cluster`,
            `${T.key} public-restricted-secrets`,
            `${T.eksCluster} public-restricted`,
        ],
    },
    {
        dir: "examples/private-only",
        stack: "dev",
        project: "private-only",
        topLevel: [
            `${T.vpc} private-only`,
            `${T.routeTable} private-only`,
            ...each(T.subnet, "private-only-a", "private-only-b", "private-only-c"),
            ...each(T.rta, "private-only-a", "private-only-b", "private-only-c"),
            ...each(T.sg, "private-only-bastion", "private-only-control-plane"),
            `${T.access} private-only`,
            `${T.endpoints} private-only`,
            `${T.key} private-only-secrets`,
            `${T.remoteCluster} private-only`,
        ],
        children: [
            { of: `${T.access} private-only`, type: T.ingress, names: apiRules("private-only", "192-168-0-0-20", "10-60-0-0-16", "bastion") },
            // irsa (sts, a default) and podIdentity (eks-auth).
            { of: `${T.endpoints} private-only`, type: T.vpce, names: endpointsOf("private-only", [...defaults, "eks-auth"]) },
        ],
    },
    {
        dir: "examples/hybrid-dns",
        stack: "dev",
        project: "hybrid-dns",
        topLevel: [
            ...["hybrid-cluster", "hybrid-peered"].flatMap((net) => [
                `${T.vpc} ${net}`,
                `${T.routeTable} ${net}`,
                ...each(T.subnet, `${net}-a`, `${net}-b`),
                ...each(T.rta, `${net}-a`, `${net}-b`),
            ]),
            `${T.peering} hybrid`,
            ...each(T.route, "hybrid-cluster-to-peered", "hybrid-peered-to-cluster"),
            `${T.sg} hybrid-control-plane`,
            `${T.role} hybrid-cluster`,
            `${T.rpa} hybrid-cluster`,
            `${T.key} hybrid-secrets`,
            `${T.endpoints} hybrid`,
            `${T.eksCluster} hybrid`,
            `${T.hybrid} hybrid`,
        ],
        children: [
            { of: `${T.endpoints} hybrid`, type: T.vpce, names: endpointsOf("hybrid", defaults) },
            // outboundVpcId is set: inbound, outbound and the forwarding rule.
            { of: `${T.hybrid} hybrid`, names: [`${T.inbound} hybrid-inbound`, `${T.outbound} hybrid-outbound`, `${T.forwarding} hybrid-forwarding`] },
            // TCP 443 on the control plane from the peered VPC and the on-premises default.
            { of: `${T.hybrid} hybrid`, type: T.ingress, names: each(T.ingress, "hybrid-tcp443-from-10-30-0-0-16", "hybrid-tcp443-from-192-168-0-0-20") },
        ],
    },
    {
        dir: "examples/private-cluster-endpoints",
        stack: "dev",
        project: "private-cluster-endpoints",
        topLevel: [
            `${T.vpc} private-cluster`,
            ...[1, 2, 3].flatMap((i) => [`${T.subnet} private-cluster-private-${i}`, `${T.routeTable} private-cluster-private-${i}`, `${T.rta} private-cluster-private-${i}`]),
            `${T.endpoints} private-cluster`,
            `${T.role} private-cluster-cluster`,
            `${T.rpa} private-cluster-cluster`,
            `${T.key} private-cluster-secrets`,
            `${T.eksCluster} private-cluster`,
            `${T.role} private-cluster-nodes`,
            ...each(T.rpa, ...["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy"].map((p) => `private-cluster-nodes-${p}`)),
            `${T.nodeGroup} private-cluster-default`,
        ],
        children: [
            // podIdentity (eks-auth), clusterAutoscaler (autoscaling), loadBalancerController (elasticloadbalancing).
            { of: `${T.endpoints} private-cluster`, type: T.vpce, names: endpointsOf("private-cluster", [...defaults, "eks-auth", "autoscaling", "elasticloadbalancing"]) },
        ],
    },
    {
        dir: "examples/private-cluster",
        stack: "dev",
        project: "private-cluster",
        topLevel: [
            `${T.vpc} private-cluster`,
            ...[1, 2, 3].flatMap((i) => [`${T.subnet} private-cluster-private-${i}`, `${T.routeTable} private-cluster-private-${i}`, `${T.rta} private-cluster-private-${i}`]),
            `${T.privateCluster} private-cluster`,
            `${T.role} private-cluster-nodes`,
            ...each(T.rpa, ...["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy"].map((p) => `private-cluster-nodes-${p}`)),
            `${T.rolePolicy} private-cluster-nodes-pull-through-cache`,
            `${T.nodeGroup} private-cluster-default`,
        ],
        children: [
            {
                of: `${T.privateCluster} private-cluster`,
                names: [
                    `${T.sg} private-cluster-control-plane`,
                    `${T.access} private-cluster-access`,
                    `${T.endpoints} private-cluster-endpoints`,
                    `${T.key} private-cluster-secrets`,
                    `${T.remoteCluster} private-cluster-eks`,
                    `${T.hybrid} private-cluster-dns`,
                ],
            },
            { of: `${T.privateCluster} private-cluster`, type: T.cacheRule, names: each(T.cacheRule, "private-cluster-cache-public-ecr-aws", "private-cluster-cache-registry-k8s-io") },
        ],
    },
    {
        dir: "examples/stack-refs/network",
        stack: "dev",
        project: "network",
        topLevel: [
            `${T.vpc} clusters`,
            ...each(T.subnet, "clusters-private-1", "clusters-private-2", "clusters-private-3"),
            `${T.vpc} hub`,
            ...each(T.subnet, "hub-private-1", "hub-private-2"),
            `${T.peering} hub-clusters`,
            `${T.routeTable} clusters-private`,
            ...each(T.rta, "clusters-private-1", "clusters-private-2", "clusters-private-3"),
            `${T.routeTable} hub-private`,
            ...each(T.rta, "hub-private-1", "hub-private-2"),
            `${T.inbound} clusters-inbound`,
            `${T.outbound} hub-outbound`,
            `${T.endpoints} clusters`,
        ],
        children: [{ of: `${T.endpoints} clusters`, type: T.vpce, names: endpointsOf("clusters", guide) }],
    },
    {
        dir: "examples/stack-refs/cluster",
        stack: "dev",
        project: "cluster",
        // networkStack defaults to acme/network/prod, whose outputs plan/mocks' world holds.
        topLevel: [
            `${T.stackRef} network`,
            `${T.sg} payments-control-plane`,
            `${T.access} payments`,
            `${T.endpoints} payments`,
            `${T.role} payments-cluster`,
            `${T.rpa} payments-cluster`,
            `${T.key} payments-secrets`,
            `${T.eksCluster} payments`,
            `${T.forwarding} payments`,
        ],
        children: [
            // The network's hub VPC and on-premises range.
            { of: `${T.access} payments`, type: T.ingress, names: apiRules("payments", "10-100-0-0-16", "192-168-0-0-20") },
            // The network already has every default endpoint; podIdentity adds only eks-auth.
            { of: `${T.endpoints} payments`, type: T.vpce, names: endpointsOf("payments", ["eks-auth"]) },
            { of: `${T.forwarding} payments`, type: T.resolverRule, names: [`${T.resolverRule} payments-rule`] },
            { of: `${T.forwarding} payments`, type: T.ruleAssoc, names: [`${T.ruleAssoc} payments-assoc-vpc-0f9e8d7c6b5a43210`] },
        ],
    },
];

/** Runs `jobs` with at most `limit` at a time; each promise settles with its job. */
function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T>[] {
    const gates: Promise<void>[] = [];
    return jobs.map((job, i) => {
        const run = (i < limit ? Promise.resolve() : gates[i - limit]).then(job);
        gates.push(run.then(() => undefined, () => undefined));
        return run;
    });
}

const label = (r: { type: string; name: string }) => `${r.type} ${r.name}`;
const sorted = (xs: string[]) => [...xs].sort();

describe("conformance: examples and the root stack through @pulumi/pulumi/cmd/run (pulumi preview's path)", function () {
    // ts-node type-checks each program in its own process (about 10-20 s of CPU each); two run at a time.
    this.timeout(400_000);
    const concurrency = Number(process.env.CONFORMANCE_CONCURRENCY ?? 2);
    let runs: Promise<ProgramRun>[];
    const started = Date.now();

    before(() => {
        runs = pool(
            cases.map((c) => () => runProgram(path.join(repo, c.dir), { stack: c.stack, dryRun: true })),
            concurrency,
        );
        // Each test awaits its own run; keep a failed run from being reported as unhandled before then.
        for (const r of runs) void r.catch(() => undefined);
    });
    after(() => {
        if (process.env.CONFORMANCE_TIMES) {
            void Promise.allSettled(runs).then((all) => {
                const times = all.map((r, i) => `${cases[i].dir} ${r.status === "fulfilled" ? (r.value.durationMs / 1000).toFixed(1) : "failed"} s`);
                console.log(`conformance: ${times.join(", ")}; total ${((Date.now() - started) / 1000).toFixed(1)} s at concurrency ${concurrency}`);
            });
        }
    });

    cases.forEach((c, i) => {
        it(`${c.dir} (stack ${c.stack}) registers its own resources with no errors`, async () => {
            const run = await runs[i];
            const errors = run.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
            assert.deepStrictEqual(errors, [], `${c.dir}: error diagnostics\n${run.stderr}`);
            assert.strictEqual(run.exitCode, 0, `${c.dir}: cmd/run exited ${run.exitCode}\n${run.stderr}`);

            const [root, ...rest] = run.resources;
            assert.strictEqual(label(root), `${T.stack} ${c.project}-${c.stack}`);
            const topLevel = rest.filter((r) => r.parent === root.urn).map(label);
            assert.deepStrictEqual(
                sorted(topLevel),
                sorted(c.topLevel),
                `${c.dir}: cmd/run ran entry '${run.launch.args[run.launch.args.length - 1]}' in ${run.project.pwd} ` +
                    `and it registered ${rest.length} resources${rest.length === 0 ? " (the library entry, not the program?)" : ""}`,
            );

            for (const expected of c.children ?? []) {
                const parent = rest.find((r) => label(r) === expected.of);
                assert.ok(parent, `${c.dir}: no ${expected.of}`);
                const children = rest.filter((r) => r.parent === parent.urn && (expected.type === undefined || r.type === expected.type)).map(label);
                if (expected.type !== undefined) assert.deepStrictEqual(sorted(children), sorted(expected.names), `${c.dir}: ${expected.type} children of ${expected.of}`);
                else expected.names.forEach((n) => assert.ok(children.includes(n), `${c.dir}: ${expected.of} has no child ${n} (children: ${children.join(", ")})`));
            }
        });
    });
});
