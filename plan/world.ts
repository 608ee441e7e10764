// The account a plan runs against: the sample world, or the user's (`--world FILE`), the region checked against
// AWS's list, and the VPC that ids the world does not hold are assumed to be in.
import * as fs from "fs";
import { awsRegions, partitionOfRegion } from "../aws/regions";
import { findClosestKey } from "./engine/projectSchema";
import { defaultWorld, MockWorld } from "./mocks/world";
import { readWorldFile } from "./mocks/worldFile";
import { ec2IdSource } from "../aws/ids";

const vpcIdPattern = new RegExp(`\\b${ec2IdSource("vpc")}\\b`);

/** Why `region` is refused, or undefined for an AWS Region. */
export function regionProblem(region: string): string | undefined {
    if (partitionOfRegion(region) !== undefined) return undefined;
    const near = findClosestKey(region, Object.values(awsRegions).flat());
    return `aws:region: ${region} is not an AWS Region${near ? ` (did you mean ${near}?)` : ""}; set aws:region to a Region code such as us-east-1`;
}

/**
 * The VPC a subnet the world does not know is assumed to be in: the project's `vpcId` config, else the first VPC
 * id in the config, else the first in the program's source (a program states its VPC once, its subnets after).
 */
export function homeVpcOf(project: string, config: Record<string, string>, source: string): string | undefined {
    const named = config[`${project}:vpcId`];
    if (named && vpcIdPattern.test(named)) return vpcIdPattern.exec(named)![0];
    for (const value of Object.values(config)) {
        const found = vpcIdPattern.exec(value);
        if (found) return found[0];
    }
    return vpcIdPattern.exec(source)?.[0];
}

/**
 * The world for a plan: read from `worldFile` when given (its region becomes aws:region when the config has none;
 * a different aws:region is refused), else the sample world in the config's region. Throws one line per problem.
 */
export function planWorld(worldFile: string | undefined, project: string, config: Record<string, string>, main: string): MockWorld {
    const world = worldFile ? readWorldFile(worldFile) : defaultWorld(config["aws:region"] ?? "us-east-1");
    const region = config["aws:region"];
    if (worldFile && region === undefined) config["aws:region"] = world.region;
    else if (worldFile && region !== world.region) {
        throw new Error(`--world ${worldFile}: region is ${world.region} but aws:region is ${region}; make them the same Region`);
    }
    const problem = regionProblem(config["aws:region"] ?? world.region);
    if (problem) throw new Error(problem);
    const source = fs.existsSync(main) ? fs.readFileSync(main, "utf8") : "";
    world.homeVpcId = homeVpcOf(project, config, source);
    return world;
}
