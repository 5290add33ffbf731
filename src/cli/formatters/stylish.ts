/**
 * The default `stylish` formatter: findings grouped by file, most serious first, with the
 * quoted policy clause, and a summary line — readable in a terminal.
 */
import type { Finding } from "../../core/model/finding";
import type { FileResult } from "../results";

export type StylishOptions = Readonly<{ color: boolean }>;

const CODES = { red: 31, yellow: 33, cyan: 36, grey: 90, bold: 1, green: 32 } as const;

function paint(options: StylishOptions, code: keyof typeof CODES, text: string): string {
  return options.color ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text;
}

function severityLabel(options: StylishOptions, f: Finding): string {
  if (f.fixedAtSend) return paint(options, "green", "added at Send ");
  const label = f.severity.padEnd(7);
  if (f.severity === "block") return paint(options, "red", label);
  if (f.severity === "warn") return paint(options, "yellow", label);
  return paint(options, "cyan", label);
}

/**
 * @param results - one result per checked file
 * @param options - whether to use ANSI colours
 * @returns text for the terminal
 */
export function formatStylish(results: readonly FileResult[], options: StylishOptions = { color: false }): string {
  const lines: string[] = [];
  let blocks = 0;
  let warns = 0;
  let monitors = 0;
  let atSend = 0;
  let errors = 0;
  for (const r of results) {
    if (r.error) {
      errors++;
      lines.push(paint(options, "bold", r.file), `  ${paint(options, "red", "error  ")}${r.error}`, "");
      continue;
    }
    const report = r.report;
    if (!report) continue;
    const verdict =
      report.verdict === "block" ? paint(options, "red", "would be blocked") : report.verdict === "warn" ? paint(options, "yellow", "would be warned") : paint(options, "green", "would send");
    lines.push(`${paint(options, "bold", r.file)}  ${verdict}`);
    if (report.findings.length === 0) lines.push(`  ${paint(options, "grey", "no problems")}`);
    for (const f of report.findings) {
      if (f.fixedAtSend) atSend++;
      else if (f.severity === "block") blocks++;
      else if (f.severity === "warn") warns++;
      else monitors++;
      lines.push(`  ${severityLabel(options, f)}${f.message}  ${paint(options, "grey", f.ruleId)}`);
      if (f.evidence) lines.push(`         ${paint(options, "grey", `found: ${f.evidence}`)}`);
      lines.push(`         ${paint(options, "grey", `policy (${f.clause.section}): "${f.clause.quote}"`)}`);
    }
    lines.push("");
  }
  const total = blocks + warns + monitors + atSend;
  const parts = [`${blocks} block`, `${warns} warn`, `${monitors} monitor`];
  if (atSend > 0) parts.push(`${atSend} added at Send`);
  if (errors > 0) parts.push(`${errors} file${errors === 1 ? "" : "s"} not checked`);
  lines.push(`${total} problem${total === 1 ? "" : "s"} (${parts.join(", ")}) in ${results.length} file${results.length === 1 ? "" : "s"}`);
  return `${lines.join("\n")}\n`;
}
