/**
 * Webpack loader for the on-send bundle only: the core's errors are thrown without their texts.
 *
 * The core throws errors for its own mistakes and broken data ("execFrom needs a global regular
 * expression", "model/weights.json: a head has … buckets but … weights", "surge.json: unknown
 * category …"), never for anything the sender did. In the send handler nothing reads such an
 * error's message: a rule that throws is caught by runRules, which reports the rule's crash by
 * the rule's title and discards the error (`catch {}`); the core's other catches discard theirs
 * too; an error that escaped would fail the Send with the policy's onError, its message unread.
 * So in launchevent.js `throw new Error("…")` becomes `throw new Error()`: the same throws at the
 * same places, without the words (about 470 B by GNU gzip -6 in natural order, as terser then
 * also drops what was computed only for them). The task pane, CLI and tests run the core as
 * written and keep every message.
 *
 * Likewise src/office/published-policy.ts ("HTTP 404", "unexpected answer", "the published policy
 * could not be fetched and none is cached"): the handler only calls the source's `load`, through
 * loadPolicy, which falls back to the compiled-in policy whatever the reason (about 75 B).
 *
 * Only a message written as a string, or as a template whose expressions assign nothing and call
 * only pure functions (see strip-rule-docs-loader's `leavable`), is left out, so that no code
 * that ran is lost; the whole literal must be on one line and close the call.
 */
"use strict";

const { literalEnd, leavable } = require("./strip-rule-docs-loader.js");

/** What a message's template may call and still be left unevaluated (each returns a string and changes nothing). */
const PURE_CALLS = new Set(["fromCharCode"]);

/** `throw new Error(` (or another built-in error) before a string or template literal. */
const THROW = /\bthrow new (?:Error|RangeError|TypeError)\((?=["'`])/g;

/**
 * A module's source with the message of each `throw new Error("…")` left out (see above).
 * @param {string} source
 * @returns {string}
 */
function emptyErrorTexts(source) {
  let out = "";
  let from = 0;
  for (const m of source.matchAll(THROW)) {
    const at = m.index + m[0].length;
    if (at < from) continue;
    const expressions = [];
    const end = literalEnd(source, at, expressions);
    if (end < 0 || source[end] !== ")" || !expressions.every((e) => leavable(e, PURE_CALLS))) continue;
    out += source.slice(from, at);
    from = end;
  }
  return out + source.slice(from);
}

module.exports = function stripErrorTexts(source) {
  return emptyErrorTexts(source);
};

module.exports.emptyErrorTexts = emptyErrorTexts;
