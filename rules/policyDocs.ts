// What the policy pack's documents say, computed from the rule list: the profile config files
// (policy/profiles/<profile>.json: each policy's enforcement level in that profile) and the README's policy table.
// `npm run policy-profiles` (scripts/policyProfiles.ts) writes both; tests/policyDocs.test.ts fails when the
// committed copies differ from what this module returns.
import { levelIn, profileConfig, rules } from "./index";
import { Profile } from "./types";

export const PROFILES: Profile[] = [Profile.Recommended, Profile.Strict];

export const POLICY_TABLE_START = "<!-- policy-table:start (npm run policy-profiles) -->";
export const POLICY_TABLE_END = "<!-- policy-table:end -->";

/** The files under policy/ the profiles are written to, with their text. */
export function profileFiles(): { path: string; text: string }[] {
    return PROFILES.map((profile) => ({ path: `profiles/${profile}.json`, text: `${JSON.stringify(profileConfig(profile), null, 2)}\n` }));
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The README's policy table: name, severity, what it checks (with its knobs), level per profile, source. */
export function policyTableMarkdown(): string {
    const rows = rules.map((r) => {
        const knobs = Object.keys(r.configSchema ?? {});
        const checks = knobs.length === 0 ? r.description : `${r.description} Knobs: ${knobs.map((k) => `\`${k}\``).join(", ")}.`;
        return `| \`${r.name}\` | ${r.severity} | ${cell(checks)} | ${PROFILES.map((p) => levelIn(r, p)).join(" | ")} | ${cell(r.source)} |`;
    });
    return [
        POLICY_TABLE_START,
        `| policy | severity | what it checks | ${PROFILES.join(" | ")} | source |`,
        `|---|---|---|${PROFILES.map(() => "---|").join("")}---|`,
        ...rows,
        POLICY_TABLE_END,
    ].join("\n");
}

/** `readme` with the text between the policy-table markers (markers included) replaced by the current table. */
export function withPolicyTable(readme: string): string {
    const start = readme.indexOf(POLICY_TABLE_START);
    const end = readme.indexOf(POLICY_TABLE_END);
    if (start < 0 || end < start) throw new Error(`README.md has no ${POLICY_TABLE_START} ... ${POLICY_TABLE_END} section`);
    return readme.slice(0, start) + policyTableMarkdown() + readme.slice(end + POLICY_TABLE_END.length);
}
