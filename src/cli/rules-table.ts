/**
 * Generates `docs/rules/README.md` from the rules' `meta`, so the table can never drift from
 * the code (a test compares the file with this output; `npm run docs` rewrites it).
 */
import type { AnyRuleModule } from "../core/rules/rule";

const escape = (s: string): string => s.replace(/\|/g, "\\|");

/**
 * @param rules - the rule catalogue
 * @returns the Markdown page
 */
export function rulesTableMarkdown(rules: Readonly<Record<string, AnyRuleModule>>): string {
  const lines = [
    "# Rules",
    "",
    "<!-- Generated from each rule's meta by `npm run docs`. Do not edit by hand. -->",
    "",
    "Each rule enforces one clause of the Centre's *Electronic Information and Communication Policy*",
    "([full text](../policy/electronic-communication-policy.md)). SMT set each rule to `off`, `monitor`,",
    "`warn` or `block` in the policy; the default is the Centre's policy as written.",
    "",
    "| rule | what it checks | category | default | default options | policy clause |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const rule of Object.values(rules)) {
    const m = rule.meta;
    const options = Object.entries(m.defaultOptions as Record<string, unknown>)
      .map(([k, v]) => `\`${k}: ${JSON.stringify(v).length > 40 ? "…" : JSON.stringify(v)}\``)
      .join(", ");
    lines.push(
      `| [\`${m.id}\`](${m.id}.md) | ${escape(m.description)} | ${m.category} | ${m.defaultSeverity} | ${escape(options || "—")} | ${escape(m.clause.section)}: “${escape(m.clause.quote)}” |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
