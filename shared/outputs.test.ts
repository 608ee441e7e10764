import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { applyEach } from "./outputs";
import { outputOf } from "./validatedInput";
import { valueOf } from "../plan/mocks";

/** The SDK's own accessors, internal in its typings. */
interface OutputInternals {
    allResources(): Promise<Set<pulumi.Resource>>;
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
}
const internals = (o: pulumi.Output<unknown>) => o as unknown as OutputInternals;

/** How many times Output.apply runs while `f` builds its Output and until that Output has its value. */
async function appliesIn(f: () => pulumi.Output<unknown>): Promise<number> {
    const proto = (pulumi.Output as unknown as { prototype: { apply: (...args: unknown[]) => unknown } }).prototype;
    const original = proto.apply;
    let count = 0;
    proto.apply = function (this: unknown, ...args: unknown[]) {
        count++;
        return original.apply(this, args);
    };
    try {
        await (f() as unknown as { promise(): Promise<unknown> }).promise();
    } finally {
        proto.apply = original;
    }
    return count;
}

describe("outputs: combining Outputs with one apply each", () => {
    it("passes the values in order, plain ones as given", async () => {
        const seen = await valueOf(applyEach(["a", pulumi.output(1), [2, "b"], pulumi.output({ c: 3 })], (values) => values));
        assert.deepStrictEqual(seen, ["a", 1, [2, "b"], { c: 3 }]);
        assert.strictEqual(await valueOf(applyEach([pulumi.output("x"), 2], ([s, n]) => `${s}${n + 1}`)), "x3");
    });

    it("makes one apply per Output and none for a plain value, where pulumi.all wraps every Output again", async () => {
        const outs = () => [pulumi.output("a"), pulumi.output("b"), pulumi.output("c")];
        assert.strictEqual(await appliesIn(() => applyEach([...outs(), "d", 4], (v) => v.length)), 3);
        assert.strictEqual(await appliesIn(() => applyEach(["d", 4], (v) => v.length)), 0);
        // output.js outputRec: each Output in the list becomes a new Output and an apply; then the caller's apply.
        assert.strictEqual(await appliesIn(() => pulumi.all(outs()).apply((v) => v.length)), 4);
    });

    it("resolves an Input that is a list holding an Output through pulumi.output", async () => {
        assert.deepStrictEqual(await valueOf(applyEach([[pulumi.output("x"), "y"]], ([list]) => list)), ["x", "y"]);
    });

    it("carries the dependencies of every input and secrecy from any", async () => {
        const first = new pulumi.ComponentResource("test:index:First", "outputs-first");
        const second = new pulumi.ComponentResource("test:index:Second", "outputs-second");
        const combined = applyEach([first.urn, "plain", second.urn], (v) => v.length);
        const deps = [...(await internals(combined).allResources())];
        assert.deepStrictEqual(deps.filter((r) => r === first || r === second).length, 2);
        assert.strictEqual(await internals(applyEach([pulumi.output("a"), pulumi.secret("s")], (v) => v.join())).isSecret, true);
        assert.strictEqual(await internals(applyEach([pulumi.output("a"), "b"], (v) => v.join())).isSecret, false);
    });

    it("fails with the first failing input and does not call f", async () => {
        let called = false;
        const failing = pulumi.output(Promise.reject(new Error("look-up failed")));
        const result = applyEach([pulumi.output("a"), failing], () => {
            called = true;
            return "never";
        });
        await assert.rejects(valueOf(result), { message: "look-up failed" });
        assert.strictEqual(called, false);
    });

    it("outputOf returns an Output unchanged and wraps anything else once", async () => {
        const out = pulumi.output("vpc-0a1b2c3d4e5f60718");
        assert.strictEqual(outputOf(out), out);
        assert.notStrictEqual(outputOf("vpc-0a1b2c3d4e5f60718"), out);
        assert.strictEqual(await valueOf(outputOf("vpc-0a1b2c3d4e5f60718")), "vpc-0a1b2c3d4e5f60718");
    });
});
