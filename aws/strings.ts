// The character sets and lengths AWS accepts for the strings this package generates, so a name or description that
// AWS would refuse at apply fails a test instead. Resolver endpoint and rule names are hybridDns/resolverNames.ts.
import { resolverNameProblem, resourceShareNameProblem } from "../hybridDns/resolverNames";

/**
 * EC2 security group names and descriptions, and security group rule descriptions: "a-z, A-Z, 0-9, spaces, and
 * ._-:/()#,@[]+=&;{}!$*", up to 255 characters (EC2 API Reference, CreateSecurityGroup, GroupName and
 * GroupDescription, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html; IpRange
 * and SecurityGroupRuleRequest Description, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html).
 */
const ec2Text = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const EC2_TEXT_MAX = 255;

/**
 * Tag keys (1 to 128 characters) and values (0 to 256): Unicode letters, digits and spaces and `_ . : / = + - @`;
 * keys may not start with `aws:` (Tagging AWS resources, "Tag naming limits and requirements",
 * https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html).
 */
const tagText = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Why EC2 would refuse `text` as a security group name, description or rule description, or undefined. */
export function ec2TextProblem(text: string): string | undefined {
    if (text.length > EC2_TEXT_MAX) return `is ${text.length} characters long; EC2 allows at most ${EC2_TEXT_MAX}`;
    if (!ec2Text.test(text)) return `has characters EC2 does not allow: ${[...new Set(text.replace(/[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, ""))].join(" ")}`;
    return undefined;
}

/** Why AWS would refuse a tag, or undefined. */
export function tagProblem(key: string, value: string): string | undefined {
    if (key.length < 1 || key.length > 128) return `key ${JSON.stringify(key)} is ${key.length} characters long; tag keys take 1 to 128`;
    if (key.toLowerCase().startsWith("aws:")) return `key ${JSON.stringify(key)} starts with aws:, which AWS reserves`;
    if (!tagText.test(key)) return `key ${JSON.stringify(key)} has characters tags do not allow`;
    if (value.length > 256) return `value of ${key} is ${value.length} characters long; tag values take at most 256`;
    if (!tagText.test(value)) return `value ${JSON.stringify(value)} of ${key} has characters tags do not allow`;
    return undefined;
}

/** The strings of one planned resource that AWS checks, and what each would be refused for. */
export function resourceStringProblems(type: string, inputs: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const text = (field: string, check: (s: string) => string | undefined) => {
        const value = inputs[field];
        if (typeof value !== "string") return;
        const problem = check(value);
        if (problem !== undefined) problems.push(`${field} ${JSON.stringify(value)} ${problem}`);
    };
    if (type === "aws:ec2/securityGroup:SecurityGroup") ["name", "description"].forEach((f) => text(f, ec2TextProblem));
    if (type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" || type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule") {
        text("description", ec2TextProblem);
    }
    if (type === "aws:route53/resolverEndpoint:ResolverEndpoint" || type === "aws:route53/resolverRule:ResolverRule") text("name", resolverNameProblem);
    if (type === "aws:ram/resourceShare:ResourceShare") text("name", resourceShareNameProblem);
    const tags = inputs.tags;
    if (tags !== null && typeof tags === "object") {
        for (const [key, value] of Object.entries(tags as Record<string, unknown>)) {
            const problem = typeof value === "string" ? tagProblem(key, value) : undefined;
            if (problem !== undefined) problems.push(`tags: ${problem}`);
        }
    }
    return problems;
}
