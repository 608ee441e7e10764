// The README's endpoint cost table: ours (the lean default and the eks-guide preset) beside eksctl's and EKS
// Blueprints' fully-private sets, in 2 and 3 AZs, priced by aws/prices.ts. scripts/costTable.ts writes it into the
// README between the markers; tests/endpointCostTable.test.ts fails when the README's copy is stale.
import { ComparedEndpointSet, EndpointPreset, blueprintsSet, eksctlSet, presetServices } from "./presets";
import { EndpointType, endpointTypeOf, monthlyCostUsd } from "./services";
import { prices, pricedRegion, pricesChecked } from "../aws/prices";

export const COST_TABLE_START = "<!-- endpoint-cost-table:start (npm run cost-table) -->";
export const COST_TABLE_END = "<!-- endpoint-cost-table:end -->";

/** The interface endpoints of one of our presets (S3 is a gateway by default). */
export function presetInterfaces(preset: EndpointPreset): string[] {
    return presetServices[preset].filter((s) => endpointTypeOf(s) === EndpointType.Interface);
}

/** Monthly USD for `interfaces` interface endpoints in `azCount` AZs (gateway endpoints are free). */
export function setMonthlyUsd(interfaceCount: number, azCount: number): number {
    return monthlyCostUsd(Array.from({ length: interfaceCount }, () => ({ type: EndpointType.Interface, azCount })));
}

/** The rows of the table: name, interface endpoints, and monthly USD in 2 and 3 AZs. */
export function costRows(): { name: string; interfaces: string[]; usd2: number; usd3: number }[] {
    const ours: ComparedEndpointSet[] = [
        { name: "ours, default (`minimal`)", interfaces: presetInterfaces(EndpointPreset.Minimal), source: "vpcEndpoints/presets.ts" },
        { name: "ours, `preset: \"eks-guide\"`", interfaces: presetInterfaces(EndpointPreset.EksGuide), source: "vpcEndpoints/presets.ts" },
    ];
    return [...ours, eksctlSet, blueprintsSet].map((set) => ({
        name: set.name,
        interfaces: [...set.interfaces].sort(),
        usd2: setMonthlyUsd(set.interfaces.length, 2),
        usd3: setMonthlyUsd(set.interfaces.length, 3),
    }));
}

const usd = (n: number) => `$${n.toFixed(2)}`;

/** The Markdown table, between its markers. */
export function costTableMarkdown(): string {
    const lines = [
        COST_TABLE_START,
        `Interface endpoints at $${prices.interfaceEndpointUsdPerAzHour} per AZ-hour (${pricedRegion}, checked ${pricesChecked}), 730 hours a month; ` +
            "the S3 gateway endpoint every set has is free; data processing left out. Features add what they call to ours.",
        "",
        "| endpoint set | interface endpoints | 2 AZs / month | 3 AZs / month |",
        "|---|---|---|---|",
        ...costRows().map((r) => `| ${r.name} | ${r.interfaces.length}: ${r.interfaces.join(", ")} | ${usd(r.usd2)} | ${usd(r.usd3)} |`),
        COST_TABLE_END,
    ];
    return lines.join("\n");
}

/** `readme` with the table between the markers replaced by the current one; throws when the markers are missing. */
export function withCostTable(readme: string): string {
    const start = readme.indexOf(COST_TABLE_START);
    const end = readme.indexOf(COST_TABLE_END);
    if (start < 0 || end < start) throw new Error(`README.md has no ${COST_TABLE_START} ... ${COST_TABLE_END} section`);
    return readme.slice(0, start) + costTableMarkdown() + readme.slice(end + COST_TABLE_END.length);
}
