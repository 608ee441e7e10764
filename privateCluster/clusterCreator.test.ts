import * as assert from "assert";
import { checkAdminsAgainstCreator, clusterCreatorArn } from "./clusterCreator";

// EKS makes the principal that creates the cluster its admin (CreateAccessConfigRequest,
// bootstrapClusterCreatorAdminPermissions); STS names a role session arn:aws:sts::<account>:assumed-role/<role>/<session>,
// without the role's path (IAM user guide, "IAM identifiers").
describe("cluster creator", () => {
    it("turns an assumed-role session into its role's ARN, and keeps user and role ARNs", () => {
        assert.strictEqual(clusterCreatorArn("arn:aws:sts::111122223333:assumed-role/deployer/botocore-session-1700000000"), "arn:aws:iam::111122223333:role/deployer");
        assert.strictEqual(clusterCreatorArn("arn:aws-cn:sts::111122223333:assumed-role/ci.runner/GitHubActions"), "arn:aws-cn:iam::111122223333:role/ci.runner");
        assert.strictEqual(clusterCreatorArn("arn:aws:iam::111122223333:user/alice"), "arn:aws:iam::111122223333:user/alice");
        assert.strictEqual(clusterCreatorArn("arn:aws:iam::111122223333:role/deployer"), "arn:aws:iam::111122223333:role/deployer");
    });

    it("refuses the deployer's own role in adminPrincipalArns, with or without a path, and keeps other principals", () => {
        const session = "arn:aws:sts::111122223333:assumed-role/deployer/alice";
        const refused = (i: number, arn: string) => ({
            message:
                `adminPrincipalArns[${i}]: ${arn} is the principal running this deployment (${session}); EKS already gives it cluster admin as the ` +
                "cluster's creator, and a second access entry for it fails with 409 ResourceInUseException: remove it from adminPrincipalArns",
        });
        assert.throws(() => checkAdminsAgainstCreator(["arn:aws:iam::111122223333:role/admins", "arn:aws:iam::111122223333:role/deployer"], session), refused(1, "arn:aws:iam::111122223333:role/deployer"));
        assert.throws(() => checkAdminsAgainstCreator(["arn:aws:iam::111122223333:role/teams/platform/Deployer"], session), refused(0, "arn:aws:iam::111122223333:role/teams/platform/Deployer"));
        const others = ["arn:aws:iam::111122223333:role/admins", "arn:aws:iam::444455556666:role/deployer", "arn:aws:iam::111122223333:user/deployer"];
        assert.strictEqual(checkAdminsAgainstCreator(others, session), "arn:aws:iam::111122223333:role/deployer");
    });

    it("refuses an IAM user that runs the deployment when it is listed", () => {
        const user = "arn:aws:iam::111122223333:user/alice";
        assert.throws(() => checkAdminsAgainstCreator([user], user), {
            message:
                `adminPrincipalArns[0]: ${user} is the principal running this deployment (${user}); EKS already gives it cluster admin as the ` +
                "cluster's creator, and a second access entry for it fails with 409 ResourceInUseException: remove it from adminPrincipalArns",
        });
    });
});
