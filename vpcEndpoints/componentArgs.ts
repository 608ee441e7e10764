// The arguments of the three VPC endpoint components, apart from their classes so the planners (plan.ts) and the
// components share them without an import cycle.
import * as pulumi from "@pulumi/pulumi";
import type { EndpointFeature } from "./features";
import type { EndpointPreset } from "./presets";
import type { S3EndpointType } from "./catalog";
import type { EndpointNetworkArgs, S3InterfaceDns } from "./args";

export interface PrivateClusterEndpointsArgs extends EndpointNetworkArgs {
    /** Route tables of the nodes' subnets, for gateway endpoints (S3 by default); ids may be Outputs. */
    routeTableIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The service set to start from: "minimal" (default: ec2, ecr.api, ecr.dkr, sts and the S3 gateway, what nodes
     * need to join and pull images; eksctl's fully-private set) or "eks-guide" (the EKS private cluster guide's whole
     * table: adds logs, elasticloadbalancing and xray). `features` and `additionalServices` add to it.
     */
    preset?: EndpointPreset;
    /** Services to create endpoints for, by short id, instead of a preset's set. */
    services?: string[];
    /** Services added to `services` (autoscaling, eks-auth, ssm, kms, elasticfilesystem, ...). */
    additionalServices?: string[];
    /** What the cluster runs; each adds the endpoints it calls (see the README's features table). */
    features?: EndpointFeature[];
    /** "Gateway" (default: free, and what ECR layer pulls need) or "Interface" for S3. */
    s3EndpointType?: S3EndpointType;
    /**
     * With s3EndpointType "Interface" and private DNS: "allResolvers" (default: the VPC's S3 traffic uses the interface
     * endpoint) or "inboundResolverOnly" (AWS's hybrid set-up: an S3 gateway endpoint is created on routeTableIds for
     * the VPC, and the interface endpoint's private DNS answers only queries from a Route 53 Resolver inbound endpoint).
     */
    s3InterfaceDns?: S3InterfaceDns;
    /**
     * Services that already have an endpoint in this VPC (shared with another cluster, or made by another tool):
     * not created again. An existing S3 gateway endpoint must be listed, or AWS refuses the second route.
     */
    existingEndpoints?: string[];
    /** IAM policy JSON per service id; overrides `defaultPolicy` for that endpoint. */
    policies?: Record<string, pulumi.Input<string>>;
    /**
     * Interface endpoints in only this many of the subnets' AZs (the first by AZ name), for non-production stacks:
     * each AZ left out saves its AZ-hours, with a warning that nodes there cross AZs and depend on the others.
     * Default: every AZ of the subnets.
     */
    endpointAzs?: number;
    /** The cluster's endpoint private access setting; false fails before anything is created. */
    endpointPrivateAccess?: boolean;
}

export interface EcrEndpointsArgs extends EndpointNetworkArgs {
    /** Route tables of the nodes' subnets, for the S3 gateway endpoint; ids may be Outputs. */
    routeTableIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** "Gateway" (default: free) or "Interface" for S3. */
    s3EndpointType?: S3EndpointType;
    /**
     * With s3EndpointType "Interface" and private DNS: "allResolvers" (default: the VPC's S3 traffic uses the interface
     * endpoint) or "inboundResolverOnly" (AWS's hybrid set-up: an S3 gateway endpoint is created on routeTableIds for
     * the VPC, and the interface endpoint's private DNS answers only queries from a Route 53 Resolver inbound endpoint).
     */
    s3InterfaceDns?: S3InterfaceDns;
    /** Of ecr.api, ecr.dkr and s3, those that already have an endpoint in this VPC: not created again. */
    existingEndpoints?: string[];
    /** IAM policy JSON per service id (ecr.api, ecr.dkr, s3); overrides `defaultPolicy` for that endpoint. */
    policies?: Record<string, pulumi.Input<string>>;
}

export interface StsEndpointArgs extends EndpointNetworkArgs {
    /** IAM policy JSON for the endpoint; overrides `defaultPolicy`. */
    policy?: pulumi.Input<string>;
}
