import * as assert from "assert";
import { createHook } from "async_hooks";
import * as pulumi from "@pulumi/pulumi";
import { applyEach, outputOf } from "./outputs";
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

/** How many promises are created while `f` builds its Output and until that Output has its value. */
async function promisesIn(f: () => pulumi.Output<unknown>): Promise<number> {
    let count = 0;
    const hook = createHook({
        init(_id, type) {
            if (type === "PROMISE") count++;
        },
    });
    hook.enable();
    try {
        await (f() as unknown as { promise(): Promise<unknown> }).promise();
    } finally {
        hook.disable();
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

    it("resolves an input that is itself a list holding an Output", async () => {
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

    it("outputOf returns an Output unchanged and wraps a plain value once", async () => {
        const out = pulumi.output("vpc-0a1b2c3d4e5f60718");
        assert.strictEqual(outputOf(out), out);
        assert.notStrictEqual(outputOf("vpc-0a1b2c3d4e5f60718"), out);
        assert.strictEqual(await valueOf(outputOf("vpc-0a1b2c3d4e5f60718")), "vpc-0a1b2c3d4e5f60718");
    });

    it("outputOf unwraps a list or map holding Outputs with one Output per Output it holds, fewer than pulumi.output makes", async () => {
        const ids = () => [pulumi.output("subnet-0d1e2f3a4b5c6d7e8"), "subnet-0e2f3a4b5c6d7e8f9", pulumi.output("subnet-0f3a4b5c6d7e8f9a0")];
        assert.deepStrictEqual(await valueOf(outputOf(ids())), ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f9a0"]);
        // pulumi.output makes an Output and an apply for each Output in the list, then one for the list (output.js outputRec).
        assert.strictEqual(await appliesIn(() => outputOf(ids())), 2);
        const [ours, sdk] = [await promisesIn(() => outputOf(ids())), await promisesIn(() => pulumi.output(ids()))];
        assert.ok(ours < sdk, `outputOf made ${ours} promises, pulumi.output ${sdk}`);
        const vpcs = { hub: pulumi.output("vpc-0a1b2c3d4e5f60718"), spoke: "vpc-0b2c3d4e5f6071829", nested: [pulumi.output(1), { n: pulumi.output(2) }] };
        assert.deepStrictEqual(await valueOf(outputOf(vpcs)), { hub: "vpc-0a1b2c3d4e5f60718", spoke: "vpc-0b2c3d4e5f6071829", nested: [1, { n: 2 }] });
    });
});
