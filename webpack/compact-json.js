/**
 * Smaller JSON data in the minified on-send bundle, with the same values at run time.
 *
 * Webpack writes every imported JSON file as `JSON.parse('…')`. Most of the handler's data is
 * lists of words and phrases (abusive terms, tone patterns, chain-mail phrases, personal-data
 * terms…), and in JSON each item costs two quotes and a comma. Here a list of two or more
 * strings becomes one string: a marker (a backquote), a separator that no item contains, then
 * the items joined by it (`["idiot","idiots"]` → "`|idiot|idiots"). `JSON.parse` gets a
 * reviver that splits such strings back into the list, so the code reading the data sees
 * exactly the value it would have seen; gzip then saves about 0.7 KB on the whole bundle.
 *
 * Safe by construction, checked at build time: a JSON text is only rewritten when none of its
 * strings starts with the marker, and when parsing the rewritten text with the reviver gives
 * back a value that stringifies byte for byte like the original (same keys in the same order,
 * same items). Otherwise it is left as it was.
 */
"use strict";

const acorn = require("acorn");

/** Starts a string that stands for a list of strings. */
const MARKER = "`";
/** Separators tried in turn; the first that no item contains (and that is not the marker) wins. */
const SEPARATORS = [" ", "|", ",", ";", "/", "~", "^", "\t"];
/** The reviver as source: the inverse of `encodeValue` (ES2015 syntax, ES5 built-ins). */
const REVIVER_SOURCE = '(k,v)=>typeof v=="string"&&v[0]=="`"?v.slice(2).split(v[1]):v';
/** The reviver's variable in the bundle (checked unused). */
const REVIVER_NAME = "$jsonLists";
/** How the minified bundle starts: webpack's arrow IIFE. */
const IIFE_START = "(()=>{";

/**
 * Every string in a JSON value (object keys excluded: the reviver never sees them as values).
 * @param {unknown} value
 * @param {string[]} out
 * @returns {string[]}
 */
function stringsOf(value, out = []) {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value !== null && typeof value === "object") for (const key of Object.keys(value)) stringsOf(value[key], out);
  return out;
}

/**
 * The separator for a list of strings, or undefined when the list is not worth joining.
 * @param {unknown[]} list
 * @returns {string | undefined}
 */
function separatorFor(list) {
  if (list.length < 2 || !list.every((item) => typeof item === "string")) return undefined;
  return SEPARATORS.find((sep) => list.every((item) => !item.includes(sep)));
}

/**
 * The reviver that undoes the encoding.
 * @param {string} _key
 * @param {unknown} value
 * @returns {unknown}
 */
function revive(_key, value) {
  return typeof value === "string" && value[0] === MARKER ? value.slice(2).split(value[1]) : value;
}

/**
 * Encodes a JSON text, or says why it cannot.
 * @param {string} json - a JSON text
 * @returns {{ json: string, lists: number } | { reason: string }} the encoded text and how many lists were joined
 */
function encodeJson(json) {
  const value = JSON.parse(json);
  if (stringsOf(value).some((s) => s.startsWith(MARKER))) return { reason: `a string starts with the marker ${MARKER}` };
  let lists = 0;
  const encoded = JSON.stringify(value, (_key, v) => {
    if (!Array.isArray(v)) return v;
    const sep = separatorFor(v);
    if (sep === undefined) return v;
    lists++;
    return MARKER + sep + v.join(sep);
  });
  if (lists === 0) return { reason: "no list of strings" };
  // The decoded value must stringify exactly like the original.
  if (JSON.stringify(JSON.parse(encoded, revive)) !== JSON.stringify(value)) return { reason: "the encoded text does not decode to the same value" };
  return { json: encoded, lists };
}

/**
 * A JavaScript single-quoted string literal for a text (ES2016: U+2028/U+2029 escaped too).
 * @param {string} text
 * @returns {string}
 */
function singleQuoted(text) {
  return `'${text.replace(/[\\']/g, "\\$&").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")}'`;
}

/**
 * Rewrites every `JSON.parse("literal")` call of a script whose JSON has lists of strings.
 * @param {string} code - the minified script
 * @returns {{ code: string, calls: number, lists: number }}
 */
function compactJsonInCode(code) {
  const tokens = [...acorn.tokenizer(code, { ecmaVersion: "latest" })];
  const edits = [];
  let lists = 0;
  for (let i = 4; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.type.label !== "string") continue;
    const [json, dot, parse, open] = tokens.slice(i - 4, i);
    const close = tokens[i + 1];
    if (json.value !== "JSON" || dot.type.label !== "." || parse.value !== "parse" || open.type.label !== "(" || close.type.label !== ")") continue;
    let result;
    try {
      result = encodeJson(t.value);
    } catch {
      continue; // not JSON: left alone
    }
    if (!("json" in result)) continue;
    const replacement = `${singleQuoted(result.json)},${REVIVER_NAME}`;
    if (replacement.length >= t.end - t.start) continue;
    edits.push({ start: t.start, end: t.end, text: replacement });
    lists += result.lists;
  }
  if (edits.length === 0) return { code, calls: 0, lists: 0 };
  // One reviver for all calls, declared at the top of the bundle's own function scope (webpack
  // wraps the bundle in an arrow IIFE), so that no global is added.
  if (!code.startsWith(IIFE_START)) throw new Error(`compact-json: the bundle does not start with ${IIFE_START}`);
  if (tokens.some((t) => t.type.label === "name" && t.value === REVIVER_NAME)) throw new Error(`compact-json: the bundle already uses the name ${REVIVER_NAME}`);
  let out = code;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  out = `${IIFE_START}var ${REVIVER_NAME}=${REVIVER_SOURCE};${out.slice(IIFE_START.length)}`;
  return { code: out, calls: edits.length, lists };
}

/** Applies compactJsonInCode to the named .js assets after minification (production only). */
class CompactJsonPlugin {
  /** @param {{ assets: string[] }} options */
  constructor(options) {
    this.assets = options.assets;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("CompactJsonPlugin", (compilation) => {
      // After the minimizers (OPTIMIZE_SIZE), before the prelude and the ES2016 check.
      compilation.hooks.processAssets.tap({ name: "CompactJsonPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, () => {
        for (const name of this.assets) {
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          const { code } = compactJsonInCode(asset.source.source().toString());
          compilation.updateAsset(name, new sources.RawSource(code));
        }
      });
    });
  }
}

module.exports = { CompactJsonPlugin, compactJsonInCode, encodeJson, revive, REVIVER_SOURCE, MARKER };
