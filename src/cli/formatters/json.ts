/**
 * The `--format json` formatter: the array design.md documents, one entry per file.
 */
import type { FileResult } from "../results";

/**
 * @param results - one result per checked file
 * @returns JSON text, ending with a newline
 */
export function formatJson(results: readonly FileResult[]): string {
  const out = results.map((r) => ({
    file: r.file,
    verdict: r.report ? r.report.verdict : "error",
    findings: r.report
      ? r.report.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          messageId: f.messageId,
          message: f.message,
          field: f.field,
          evidence: f.evidence,
        }))
      : [],
    ...(r.error ? { error: r.error } : {}),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
