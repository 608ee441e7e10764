// What the benches share: the two bench programs, summary statistics and the text table.
import * as path from "path";

/** The repository root. */
export const root = path.resolve(__dirname, "..");
/** The bench programs (bench/programs/<variant>): this package's components, and the same resources in plain @pulumi/aws. */
export const variants = ["ours", "raw"] as const;
export type Variant = (typeof variants)[number];

/** The median: the middle value, or the mean of the two middle values of an even-length list. */
export function median(xs: number[]): number {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    return [pad(header, widths), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map((r) => pad(r, widths))].join("\n");
}
