/**
 * Webpack loader for the on-send bundle only: removes text the send handler never shows.
 * - Rule modules: the `description: "…"` lines (the rule's own description and its options'
 *   descriptions). They are documentation for the admin app and docs/rules.
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

module.exports = function stripRuleDocs(source) {
  if (/[\\/]policy[\\/]clauses\.ts$/.test(this.resourcePath)) return source.replace(QUOTE, 'quote: ""');
  return source.replace(DESCRIPTION_LINE, "");
};
