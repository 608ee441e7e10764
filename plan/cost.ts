// The offline plan's cost estimate: every billed resource the program creates, priced at the stack's Region's list
// prices (aws/prices.ts pricesFor: us-east-1's where none is recorded for the Region, and said so).
import { Currency, PriceKey, priceNames, RegionPrices, resourceCost, sumUsd } from "../aws/prices";
import type { RecordedResource } from "./mocks";

/** One billed resource in the plan's estimate. */
export interface CostItem {
    urn: string;
    /** The outermost component (or top-level resource) it belongs to, for the per-component totals. */
    owner: string;
    /** A month at the price used, in `currency`. */
    monthly: number;
    currency: Currency;
    /** What was counted, e.g. `interface endpoint, 3 AZs x $0.01/h`. */
    basis: string;
    /** The price used, and whether it is us-east-1's because none is recorded for the stack's Region. */
    price: PriceKey;
    fallback: boolean;
}

/** The plan's estimate at the stack's Region's prices. */
export interface PlanCost {
    /** The stack's Region (`aws:region`) and what it bills in: CNY in the China Regions, USD elsewhere. */
    region: string;
    currency: Currency;
    /** The month's total of the items priced in `currency`. */
    monthly: number;
    /** Items priced in another currency (us-east-1's USD where a China Region has no CNY price recorded), not converted. */
    unconverted?: { currency: Currency; monthly: number };
    /** When the Region's prices were read (us-east-1's date where every price fell back). */
    pricesChecked: string;
    /** The prices the estimate used at us-east-1's figure because none is recorded for `region`, named and priced. */
    fallbacks: { price: PriceKey; name: string; amount: number; currency: Currency }[];
    items: CostItem[];
}

/** Prices every billed resource at `regional`'s prices, each under the outermost component that holds it. */
export function costOf(resources: RecordedResource[], on: Date, regional: RegionPrices): PlanCost {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    // The outermost resource below the stack that holds `r`: a component the program created, or `r` itself.
    const ownerOf = (r: RecordedResource): string => {
        let owner = r;
        for (let p = r.parent ? byUrn.get(r.parent) : undefined; p && p.type !== "pulumi:pulumi:Stack"; p = p.parent ? byUrn.get(p.parent) : undefined) owner = p;
        return owner.urn;
    };
    const items: CostItem[] = [];
    for (const r of resources) {
        const priced = resourceCost(r.type, r.inputs, on, regional);
        if (priced === undefined || priced.monthly <= 0) continue;
        items.push({ urn: r.urn, owner: ownerOf(r), monthly: priced.monthly, currency: priced.currency, basis: priced.basis, price: priced.price!, fallback: priced.fallback });
    }
    const totalIn = (currency: Currency) => sumUsd(items.filter((i) => i.currency === currency).map((i) => i.monthly));
    const other = items.find((i) => i.currency !== regional.currency)?.currency;
    const used = new Set(items.map((i) => i.price));
    const fallbacks = regional.fallbacks
        .filter((key) => used.has(key))
        .map((key) => ({ price: key, name: priceNames[key], amount: regional.prices[key].amount, currency: regional.prices[key].currency }));
    return {
        region: regional.region,
        currency: regional.currency,
        monthly: totalIn(regional.currency),
        ...(other ? { unconverted: { currency: other, monthly: totalIn(other) } } : {}),
        pricesChecked: regional.checked,
        fallbacks,
        items,
    };
}
