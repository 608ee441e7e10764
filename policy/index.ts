// The eks-private-access policy pack: `pulumi preview --policy-pack policy`. Rules live in ../rules as plain
// functions shared with the offline plan; policies.ts wraps them. The pack runs compiled: `npm --prefix policy run
// build` puts this file, ../rules and the modules they import under policy/dist (package.json main).
//
// Profiles: `recommended` (advisory, the default) and `strict` (mandatory). Select one with a pack config file,
// `--policy-pack-config policy/profiles/strict.json`, or for the defaults with EKS_PRIVATE_ACCESS_POLICY_PROFILE=strict.
import { PolicyPack } from "@pulumi/policy";
import { buildPolicies, profileFromEnv } from "./policies";

new PolicyPack("eks-private-access", {
    description:
        "EKS API server endpoint access, private-cluster VPC prerequisites, VPC endpoint and Route 53 Resolver security " +
        "groups, secrets encryption and control-plane logging.",
    provider: "aws",
    tags: ["eks", "networking", "security"],
    policies: buildPolicies(profileFromEnv()),
});
