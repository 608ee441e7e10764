// Text rendering of an offline plan: the resource tree with key inputs, outputs, warnings and errors.
import { formatMoney, pricedRegion, sumUsd } from "../aws/prices";
import type { PlanResult, PlannedResource } from "./run";

/** Inputs not worth a line in the tree (still in --json). */
const quietInputs = new Set(["tags", "tagsAll"]);
const MAX_VALUE = 110;

function short(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function inputLines(r: PlannedResource): string[] {
    return Object.entries(r.inputs)
        .filter(([k, v]) => !quietInputs.has(k) && v !== undefined && !k.startsWith("__"))
        .map(([k, v]) => `${k}: ${short(v)}`);
}

export function renderPlan(plan: PlanResult): string {
    const out: string[] = [];
    out.push(`Offline plan of ${plan.program} (project ${plan.project}, stack ${plan.stack}${plan.config["aws:region"] ? `, region ${plan.config["aws:region"]}` : ""})`);
    out.push("");
    const children = new Map<string | undefined, PlannedResource[]>();
    const urns = new Set(plan.resources.map((r) => r.urn));
    for (const r of plan.resources) {
        const parent = r.parent && urns.has(r.parent) ? r.parent : undefined;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const walk = (parent: string | undefined, indent: string) => {
        for (const r of children.get(parent) ?? []) {
            out.push(`${indent}+ ${r.type}  ${r.name}${r.custom ? "" : "  (component)"}`);
            for (const line of inputLines(r)) out.push(`${indent}      ${line}`);
            walk(r.urn, `${indent}    `);
        }
    };
    walk(undefined, "");
    const components = plan.resources.filter((r) => !r.custom).length;
    out.push("");
    out.push(`${plan.resources.length - components} resources and ${components} components to create`);
    if (Object.keys(plan.outputs).length > 0) {
        out.push("", "Outputs:");
        for (const [k, v] of Object.entries(plan.outputs)) if (v !== undefined) out.push(`    ${k}: ${short(v)}`);
    }
    const nameOf = (urn?: string) => (urn ? `${urn.split("::").pop()}: ` : "");
    if (plan.cost.items.length > 0) out.push("", ...costLines(plan.cost));
    const findings = plan.policy.findings;
    out.push("", `Policy findings, profile ${plan.policy.profile} (${findings.length}):`);
    for (const f of findings) out.push(`    ${f.enforcementLevel}: [${f.policy}] ${nameOf(f.urn)}${f.message}`);
    out.push("", `Assumed, not checked (${plan.assumptions.length}; state them with --world FILE):`);
    for (const a of plan.assumptions) out.push(`    ${a.message}`);
    out.push("", `Warnings (${plan.warnings.length}):`);
    for (const w of plan.warnings) out.push(`    warning: ${nameOf(w.urn)}${w.message}`);
    out.push("", `Errors (${plan.errors.length}):`);
    for (const e of plan.errors) out.push(`    error: ${e.message}`);
    return out.join("\n");
}

/**
 * The estimate: the total in the Region's currency, what it covers, which prices fell back to us-east-1's (and, in a
 * China Region, the USD part that is not converted), then each owner's total with what was counted under it.
 */
function costLines(cost: PlanResult["cost"]): string[] {
    const source = `${cost.items.some((i) => !i.fallback) ? cost.region : pricedRegion} list prices of ${cost.pricesChecked}, 730 hours`;
    const inRegion = cost.items.some((i) => i.currency === cost.currency);
    const other = cost.unconverted && `${formatMoney(cost.unconverted.monthly, cost.unconverted.currency)} a month`;
    const out = [
        other && !inRegion
            ? `Estimated cost: ${other} (${source}), not converted: ${cost.region} bills in ${cost.currency}`
            : `Estimated cost: ${formatMoney(cost.monthly, cost.currency)} a month (${source})`,
    ];
    if (other && inRegion) out.push(`    and ${other} at ${pricedRegion}'s ${cost.unconverted!.currency} prices, not converted`);
    if (cost.fallbacks.length > 0) {
        const listed = cost.fallbacks.map((f) => `${f.name} ${formatMoney(f.amount, f.currency, true)}`).join(", ");
        out.push(`    not listed here for ${cost.region}, ${pricedRegion}'s price used: ${listed}`);
    }
    out.push(
        "    includes: interface VPC endpoints per AZ-hour, Route 53 Resolver endpoints per IP-hour, EKS control planes, KMS keys",
        "    leaves out: data processed by endpoints, DNS queries, data transfer, nodes and load balancers",
    );
    const owners = new Map<string, PlanResult["cost"]["items"]>();
    for (const item of cost.items) owners.set(item.owner, [...(owners.get(item.owner) ?? []), item]);
    for (const [owner, items] of owners) {
        const counted = [...new Set(items.map((i) => i.basis))].join("; ");
        const totals = [...new Set(items.map((i) => i.currency))].map((c) => formatMoney(sumUsd(items.filter((i) => i.currency === c).map((i) => i.monthly)), c));
        out.push(`    ${owner.split("::").pop()}: ${totals.join(" + ")} (${items.length} billed: ${counted})`);
    }
    return out;
}
