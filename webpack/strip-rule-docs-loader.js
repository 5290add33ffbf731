/**
 * Webpack loader for the on-send bundle only: removes text the send handler never shows.
 * - Rule modules: the options' and the rule's own descriptions, documentation for the admin app
 *   and docs/rules: whole `description: "…"` lines, `description: "…"` as the last property
 *   of a one-line object (`threshold: { type: "integer", minimum: 1, description: "…" }`),
 *   and the description given to a schema helper (`listSchema("…")` → `listSchema("")`);
 *   and the rule's category (`category: "…",` right after the meta's title and description):
 *   it sorts rules in the admin app and the rules table, and the handler never reads it.
 * - src/core/policy/clauses.ts: the policy's words quoted by each clause become "". The
 *   Smart Alerts dialog names the rule and gives its message, never the quote (Outlook's 500
 *   characters would not hold it); the task pane, which shows the quote, runs the full core.
 *   Findings made in the handler keep the clause's section and anchor.
 * In the 150 KB handler bundle these cost about 5 KB. Only single-line string properties are
 * touched, so the code is never cut mid-expression; test/office/es2016-runtime.test.ts runs
 * every sample through the built bundle and test/office/bundle.test.ts checks what is gone.
 */
"use strict";

const DESCRIPTION_LINE = /^[ \t]*description:[ \t]*"(?:[^"\\\n]|\\.)*",?[ \t]*$/gm;
const QUOTE = /\bquote:[ \t]*"(?:[^"\\\n]|\\.)*"/g;
/** `, description: "…"` closing a one-line object literal: `{ type: "boolean", description: "…" }`. */
const INLINE_DESCRIPTION = /,[ \t]*description:[ \t]*"(?:[^"\\\n]|\\.)*"(?=[ \t]*\})/g;
/** A schema helper's description argument: `wordListSchema("Further words to flag.")`. */
const SCHEMA_HELPER_DESCRIPTION = /\b([A-Za-z]+Schema)\("(?:[^"\\\n]|\\.)*"\)/g;

/** A rule meta's `category: "…",` line, after its `title:` line and (optional) `description:` line (kept: $1). */
const META_CATEGORY = /^([ \t]*title:[ \t]*"(?:[^"\\\n]|\\.)*",[ \t]*\n(?:[ \t]*description:[ \t]*"(?:[^"\\\n]|\\.)*",[ \t]*\n)?)[ \t]*category:[ \t]*"[a-z-]*",[ \t]*\n/gm;

module.exports = function stripRuleDocs(source) {
  if (/[\\/]policy[\\/]clauses\.ts$/.test(this.resourcePath)) return source.replace(QUOTE, 'quote: ""');
  return source.replace(META_CATEGORY, "$1").replace(DESCRIPTION_LINE, "").replace(INLINE_DESCRIPTION, "").replace(SCHEMA_HELPER_DESCRIPTION, '$1("")');
};
