/**
 * Webpack loader for the on-send bundle only: removes the `description: "…"` lines of rule
 * modules (the rule's own description and its options' descriptions). They are documentation
 * for the admin app and docs/rules; the send handler never shows them, and in the 150 KB
 * handler bundle they cost about 3 KB. Only single-line string properties are removed, so the
 * code is never cut mid-expression; test/office/es2016-runtime.test.ts runs every sample
 * through the built bundle.
 */
"use strict";

const DESCRIPTION_LINE = /^[ \t]*description:[ \t]*"(?:[^"\\\n]|\\.)*",?[ \t]*$/gm;

module.exports = function stripRuleDocs(source) {
  return source.replace(DESCRIPTION_LINE, "");
};
