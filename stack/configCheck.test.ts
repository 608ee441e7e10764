// The root stack's config check (stack/configCheck.ts): each section against its component's input schema in
// schema.json, unknown keys, and how the sections compose. Pure functions; the plan runs them in tests/rootStack.
import * as assert from "assert";
import { compositionProblems, sectionProblems, stackConfigProblems, unknownKeyProblems } from "./configCheck";

describe("root stack config check", () => {
    it("a misspelled setting names the key path and the nearest setting", () => {
        assert.deepStrictEqual(sectionProblems("endpointAccess", { mode: "private", allowedCidrz: ["10.20.0.0/16"] }), [
            "config endpointAccess.allowedCidrz: not a setting of ClusterEndpointAccessArgs; did you mean allowedCidrs?",
        ]);
        assert.deepStrictEqual(sectionProblems("privateCluster", { vpcCidrs: ["10.0.0.0/16"], subnetIds: ["subnet-1"], endpoints: { feature: ["irsa"] } }), [
            "config privateCluster.endpoints.feature: not a setting of PrivateClusterEndpointSettings; did you mean features?",
        ]);
    });

    it("wrong types and enum values name the key path, the expected type and what was given", () => {
        assert.deepStrictEqual(sectionProblems("endpointAccess", { mode: "publik", hybridNodes: "yes", allowedCidrs: "10.20.0.0/16" }), [
            'config endpointAccess.mode: expected one of "public", "public-and-private", "private", got "publik"',
            'config endpointAccess.hybridNodes: expected true or false, got "yes"',
            'config endpointAccess.allowedCidrs: expected a list of strings, got "10.20.0.0/16"',
        ]);
        assert.deepStrictEqual(sectionProblems("vpcEndpoints", { subnetIds: ["subnet-1"], s3EndpointType: "gateway" }), [
            'config vpcEndpoints.s3EndpointType: expected one of "Gateway", "Interface", got "gateway"',
        ]);
        assert.deepStrictEqual(sectionProblems("hybridDns", "yes"), ['config hybridDns: expected a HybridDnsAccessArgs object, got "yes"']);
    });

    it("a missing required setting is named; the vpcId the stack fills in is not required", () => {
        assert.deepStrictEqual(sectionProblems("hybridDns", { clusterEndpoint: "https://x.gr7.us-east-1.eks.amazonaws.com", clusterVpcCidr: "10.0.0.0/16" }), [
            "config hybridDns.clusterSecurityGroupId: required; set it (a string)",
            "config hybridDns.inboundSubnetIds: required; set it (a list of strings)",
        ]);
        assert.deepStrictEqual(sectionProblems("endpointAccess", { mode: "private" }), []);
    });

    it("vpcEndpoints.endpointPrivateAccess is the stack's to set", () => {
        assert.deepStrictEqual(sectionProblems("vpcEndpoints", { subnetIds: ["subnet-1"], endpointPrivateAccess: true }), [
            "config vpcEndpoints.endpointPrivateAccess: the stack sets it from endpointAccess; remove it here",
        ]);
    });

    it("keys of the project's namespace the stack does not read are refused with the nearest one", () => {
        assert.deepStrictEqual(unknownKeyProblems("eks-private-access", { "eks-private-access:vpcID": "vpc-1", "aws:region": "us-east-1", "eks-private-access:vpcId": "vpc-1" }), [
            "config eks-private-access:vpcID: the root stack has no such setting; did you mean eks-private-access:vpcId? " +
                "(settings: vpcId, endpointAccess, vpcEndpoints, hybridDns, privateCluster)",
        ]);
    });

    it("needs endpointAccess or privateCluster; privateCluster beside sections for its VPC names the ones to drop", () => {
        assert.deepStrictEqual(compositionProblems({ vpcId: "vpc-1", vpcEndpoints: { subnetIds: [] } }), [
            "config: set endpointAccess (endpoint access of an existing cluster) or privateCluster (a whole private cluster)",
        ]);
        assert.deepStrictEqual(compositionProblems({ vpcId: "vpc-1", privateCluster: {} }), []);
        assert.deepStrictEqual(compositionProblems({ vpcId: "vpc-1", privateCluster: {}, endpointAccess: { mode: "private" }, hybridDns: { clusterVpcId: "vpc-1" } }), [
            "config: privateCluster makes its own endpoint access, VPC endpoints and hybrid DNS in vpc-1; drop endpointAccess and hybridDns " +
                "(they would manage the same VPC twice), or give them the vpcId of another VPC",
        ]);
        // Sections for another VPC (another cluster) compose.
        assert.deepStrictEqual(compositionProblems({ vpcId: "vpc-1", privateCluster: {}, endpointAccess: { mode: "private", vpcId: "vpc-2" } }), []);
        assert.deepStrictEqual(compositionProblems({ privateCluster: { vpcId: "vpc-1" }, vpcEndpoints: { vpcId: "vpc-1" } }), [
            "config: privateCluster makes its own endpoint access, VPC endpoints and hybrid DNS in vpc-1; drop vpcEndpoints " +
                "(they would manage the same VPC twice), or give it the vpcId of another VPC",
        ]);
    });

    it("reports schema problems before composition, all of them", () => {
        const config = { "eks-private-access:vpcEndpoint": "{}" };
        assert.deepStrictEqual(stackConfigProblems("eks-private-access", config, { endpointAccess: { mode: 1 } }), [
            "config eks-private-access:vpcEndpoint: the root stack has no such setting; did you mean eks-private-access:vpcEndpoints? " +
                "(settings: vpcId, endpointAccess, vpcEndpoints, hybridDns, privateCluster)",
            'config endpointAccess.mode: expected one of "public", "public-and-private", "private", got 1',
        ]);
    });
});
