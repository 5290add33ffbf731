/**
 * Webpack loader for the on-send bundle only: drops the documentation keys (`$comment`,
 * `about`) at the top of the core's JSON data files. Webpack already leaves out a JSON file's
 * top-level keys that the code never reads, but not when the code takes the whole object
 * (src/core/detect/abuse reads masked.json that way), and then the notes travelled with the
 * handler. No code reads these keys (test/office/bundle.test.ts checks the bundle).
 */
"use strict";

/** Keys that hold notes for people, never data. */
const DOC_KEYS = ["$comment", "about"];

module.exports = function stripJsonDocs(source) {
  const value = JSON.parse(source);
  if (value === null || typeof value !== "object" || Array.isArray(value) || !DOC_KEYS.some((k) => k in value)) return source;
  for (const key of DOC_KEYS) delete value[key];
  return JSON.stringify(value);
};

module.exports.DOC_KEYS = DOC_KEYS;
