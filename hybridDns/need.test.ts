// When Resolver forwarding is needed, as the EKS endpoint guide's access table and the Compute Blog's December 2019
// update say: public DNS answers a private-only endpoint with private IPs; with both endpoints on it answers with
// public ones.
import * as assert from "assert";
import { ConnectedDns, hybridDnsNeed, unneededHybridDnsWarning } from "./need";

describe("hybridDnsNeed", () => {
    it("needs forwarding with both endpoints on, whatever the connected networks' DNS", () => {
        for (const dns of [undefined, ...Object.values(ConnectedDns)]) {
            assert.strictEqual(hybridDnsNeed("public-and-private", dns).needed, true, String(dns));
        }
        assert.strictEqual(
            hybridDnsNeed("public-and-private", undefined).reason,
            "with both endpoints on, public DNS answers with the public endpoint's IPs; only forwarding to the cluster VPC's Resolver gives connected networks the private IPs",
        );
    });

    it("a private-only cluster needs it only when the connected DNS cannot reach public DNS or drops private answers", () => {
        assert.deepStrictEqual(
            [undefined, ConnectedDns.PublicDns, ConnectedDns.NoInternet, ConnectedDns.RebindingProtection].map((dns) => hybridDnsNeed("private", dns).needed),
            [false, false, true, true],
        );
        assert.strictEqual(hybridDnsNeed("public", ConnectedDns.NoInternet).needed, false);
    });

    it("warns about forwarding on a private-only cluster unless a reason is stated, with its cost", () => {
        assert.strictEqual(
            unneededHybridDnsWarning("private", undefined),
            "hybridDns: Resolver forwarding costs $91.25 a month per IP, at least two per endpoint, and may not be needed: public DNS answers a private-only cluster's endpoint " +
                "name with its private IPs (since December 2019), so connected networks whose DNS reaches public DNS resolve it without forwarding. " +
                'Keep it and set connectedDns to "no-internet" or "rebinding-protection" if that is why, otherwise drop hybridDns',
        );
        assert.strictEqual(
            unneededHybridDnsWarning("private", "public-dns"),
            "hybridDns: Resolver forwarding costs $91.25 a month per IP, at least two per endpoint, and is not needed: public DNS answers a private-only cluster's endpoint " +
                "name with its private IPs (since December 2019), so connected networks whose DNS reaches public DNS resolve it without forwarding. Drop hybridDns",
        );
        assert.strictEqual(unneededHybridDnsWarning("private", "rebinding-protection"), undefined);
        assert.strictEqual(unneededHybridDnsWarning("public-and-private", undefined), undefined);
    });
});
