// The character sets and lengths AWS accepts for the strings this package generates, so a name or description that
// AWS would refuse at apply fails a test instead.

// Route 53 Resolver endpoint and rule names. Route 53 takes a `Name` of at most 64 characters of letters,
// digits, hyphens, underscores and spaces, and not only digits: Route 53 API Reference, CreateResolverEndpoint
// and CreateResolverRule, "Request Parameters", Name ("Length Constraints: Maximum length of 64. Pattern:
// (?!^[0-9]+$)([a-zA-Z0-9\-_' ']+)"),
// https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_CreateResolverEndpoint.html and
// https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_CreateResolverRule.html.

/** Route 53 Resolver's longest endpoint or rule name. */
export const RESOLVER_NAME_MAX_LENGTH = 64;
const resolverNameChars = /^[a-zA-Z0-9\-_ ]+$/;

/** Why Route 53 Resolver would refuse `name` as an endpoint or rule name, or undefined when it accepts it. */
export function resolverNameProblem(name: string): string | undefined {
    if (name.length === 0) return "is empty";
    if (name.length > RESOLVER_NAME_MAX_LENGTH) return `is ${name.length} characters long; Route 53 Resolver allows at most ${RESOLVER_NAME_MAX_LENGTH}`;
    if (!resolverNameChars.test(name)) {
        const bad = [...new Set(name.replace(/[a-zA-Z0-9\-_ ]/g, ""))].map((c) => JSON.stringify(c)).join(" ");
        return `has characters Route 53 Resolver does not allow (${bad}); use letters, digits, spaces, - and _`;
    }
    if (/^[0-9]+$/.test(name)) return "is only digits, which Route 53 Resolver does not allow";
    return undefined;
}

/**
 * Why AWS RAM would refuse `name` as a resource share's name, or undefined. AWS RAM API Reference,
 * CreateResourceShare, "Request Body", name: "Type: String. Required: Yes"
 * (https://docs.aws.amazon.com/ram/latest/APIReference/API_CreateResourceShare.html): no length limit or pattern is
 * documented (the service model, botocore's ram/2018-01-04 service-2.json, gives the plain `String` shape), so an
 * empty name is the only one the documentation rules out.
 */
export function resourceShareNameProblem(name: string): string | undefined {
    return name.length === 0 ? "is empty; AWS RAM requires a resource share name" : undefined;
}

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
