// The IAM principal EKS makes cluster admin on its own. @pulumi/eks creates the cluster with
// bootstrapClusterCreatorAdminPermissions true, and EKS then gives the principal that created the cluster (whoever
// runs `pulumi up`) an access entry with cluster-admin (EKS API reference, CreateAccessConfigRequest,
// "bootstrapClusterCreatorAdminPermissions", https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateAccessConfigRequest.html).
// Creating a second access entry for that principal fails with 409 ResourceInUseException (EKS API reference,
// CreateAccessEntry, Errors, https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateAccessEntry.html).
import { InputError } from "../shared/errors";

const assumedRole = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/[^/]+$/;
const iamPrincipal = /^arn:([\w-]+):iam::(\d{12}):(role|user)\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/**
 * The principal EKS makes admin for a caller identity ARN (sts get-caller-identity): an assumed-role session
 * `arn:aws:sts::<account>:assumed-role/<role>/<session>` is its role, `arn:aws:iam::<account>:role/<role>` (the
 * session ARN has no role path, so a role under a path shows without it); a user or role ARN is itself.
 */
export function clusterCreatorArn(callerArn: string): string {
    const m = assumedRole.exec(callerArn);
    return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : callerArn;
}

/** Partition, account, kind and name of an IAM role or user ARN (the path dropped); undefined for others. */
function principalOf(arn: string): string | undefined {
    const m = iamPrincipal.exec(arn);
    // IAM names are unique per account whatever the path, and case-insensitively (IAM user guide, "IAM identifiers").
    return m ? `${m[1]}:${m[2]}:${m[3]}:${m[4].toLowerCase()}` : undefined;
}

/**
 * Throws InputError (`adminPrincipalArns[i]`) when an admin ARN is the principal running the deployment, which
 * EKS already makes cluster admin; returns that principal's ARN.
 */
export function checkAdminsAgainstCreator(adminArns: string[], callerArn: string): string {
    const creator = clusterCreatorArn(callerArn);
    const key = principalOf(creator);
    adminArns.forEach((arn, i) => {
        if (key !== undefined && principalOf(arn) === key) {
            throw new InputError(
                `adminPrincipalArns[${i}]`,
                `${arn} is the principal running this deployment (${callerArn}); EKS already gives it cluster admin as the cluster's creator, ` +
                    `and a second access entry for it fails with 409 ResourceInUseException: remove it from adminPrincipalArns`,
            );
        }
    });
    return creator;
}
