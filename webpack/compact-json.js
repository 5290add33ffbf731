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
 * A list of phrases whose items repeat the words that start the item before them is written
 * with those words left out ("`+|attached to the wall|+++fence", see `frontEncode`).
 *
 * Then every JSON text that the script parses once, while it loads, is parsed first, at the top
 * of the bundle (`var $j0=JSON.parse(…),$j1=…`, shortest first), and its old place reads the
 * variable: all the data sits together, which gzip compresses about 0.5-1.6 KB better than data
 * scattered between the code. Parsing a constant text has no effects and gives the same value, so when it
 * happens does not matter; only calls that run exactly once are moved (see `runsOnce`). The
 * dense texts among them (coded bits: the model's weights, the Unicode range tables) then go to
 * the file's end, in a function declared last and called first (`tailDenseData`): GNU gzip's
 * 32K-symbol deflate blocks cost 1.5 KB more with them at the top.
 *
 * Long strings over a small alphabet (the detection model's quantised weights: one character
 * per weight, 17 or 18 different ones) are stored Huffman-coded in base64 instead: marker,
 * "#", a separator, then the string's length, each code length's count, the characters in
 * code order and the bits (see `huffmanEncode`). gzip leaves such a string 20-40 % above its
 * entropy (its matches of three or four characters cost more than the characters, and it
 * shares gzip's code tables with the base64 around it); coded this way it costs about its
 * entropy. With the dense texts placed first (see `hoistJsonData`) launchevent.js is 1.39 KB
 * smaller (zlib level 9), the decoder included. The price: decoding the weights' 8,800
 * characters when the bundle loads, 2-3 ms in Node on a quiet core (5-15 ms on a loaded one).
 *
 * Safe by construction, checked at build time: a JSON text is only rewritten when none of its
 * strings starts with the marker, and when parsing the rewritten text with the reviver gives
 * back a value that stringifies byte for byte like the original (same keys in the same order,
 * same items). Otherwise it is left as it was.
 */
"use strict";

const acorn = require("acorn");
const zlib = require("zlib");
const { AssetStepPlugin } = require("./asset-step");

/** Starts a string that stands for a list of strings. */
const MARKER = "`";
/** Separators tried in turn; the first that no item contains (and that is not the marker) wins. */
const SEPARATORS = [" ", "|", ",", ";", "/", "~", "^", "\t"];
/** After the marker: the list's items leave out the leading words they share with the item before (see `frontEncode`; never a separator). */
const FRONT = "+";
/** After the marker: the string is Huffman-coded (never a separator of a list). */
const HUFFMAN = "#";
/** Strings at least this long, of at most HUFFMAN_MAX_SYMBOLS different characters, are Huffman-coded. */
const HUFFMAN_MIN_LENGTH = 1000;
const HUFFMAN_MAX_SYMBOLS = 24;
/** Separators of a Huffman-coded string's parts: not in base64 and not a count letter. */
const HUFFMAN_SEPARATORS = [" ", "|", ",", ";", "~", "^", "\t"];
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** A code length's count is written as one letter: 0 → "A". */
const COUNT_BASE = 65;
/**
 * The reviver as source: the inverse of `encodeJson` (ES2015 syntax, ES5 built-ins). Lists are
 * split; a Huffman-coded string is decoded by canonical code lengths: `x` the code read so far,
 * `f` the first code of its length, `i` the index of that length's first character, `c` the
 * counts per length, `s` the characters in code order, `d` the bits in base64. Bits that form
 * no code (never written by the build, which decodes its output before using it) throw.
 * A function (not an arrow) so that the bundle can declare it where it likes (see
 * `reviverDeclaration`); it reads neither `this` nor `arguments`.
 */
const REVIVER_SOURCE =
  'function(k,v){if(typeof v!="string"||v[0]!="`")return v;' +
  'if(v[1]=="+"){let p="";return v.slice(3).split(v[2]).map(e=>{let k=0,i=0;for(;e[k]=="+";k++)i=p.indexOf(" ",i)+1;return(p=p.slice(0,i)+e.slice(k)+" ").slice(0,-1)})}' +
  'if(v[1]!="#")return v.slice(2).split(v[1]);' +
  'let[n,c,s,d]=v.slice(3).split(v[2]),o="",p=0,a=0,b=0,x,f,i,l,m;c=c.split("").map(e=>e.charCodeAt()-65);' +
  "for(;o.length<n;o+=s[i+x-f])for(x=f=i=l=0;;){" +
  `if(!a){b="${BASE64}".indexOf(d[p++]);a=6}` +
  "x|=b>>--a&1;m=c[l++];if(x-f<m)break;if(l>=c.length)throw RangeError(k);i+=m;f=f+m<<1;x<<=1}return o}";
/** The reviver's variable in the bundle (checked unused; three characters, a length terser never gives a name, beside the data's $jN: 10 B zlib-9 less than "$jsonLists"). */
const REVIVER_NAME = "$j_";
/**
 * The reviver as a function declaration. JavaScript creates a scope's function declarations
 * before any of its code runs, so the hoisted data (`hoistJsonData`) may come before it: the
 * data texts then start the file and the reviver's code sits with the code that follows them,
 * which deflates smaller (zlib level 9: 30-40 B on launchevent.js) than code between two texts.
 */
const REVIVER_DECLARATION = `function ${REVIVER_NAME}${REVIVER_SOURCE.slice("function".length)}`;

/**
 * Whether an AST node is `JSON.parse("…")` of a constant text, alone or with the reviver.
 * @param {any} node - an acorn node (or null)
 * @returns {boolean}
 */
function isConstantParse(node) {
  return (
    !!node &&
    node.type === "CallExpression" &&
    node.callee.type === "MemberExpression" &&
    !node.callee.computed &&
    node.callee.object.type === "Identifier" &&
    node.callee.object.name === "JSON" &&
    node.callee.property.name === "parse" &&
    node.arguments.length >= 1 &&
    node.arguments[0].type === "Literal" &&
    typeof node.arguments[0].value === "string" &&
    (node.arguments.length === 1 || (node.arguments.length === 2 && node.arguments[1].type === "Identifier" && node.arguments[1].name === REVIVER_NAME))
  );
}

/**
 * Calls `visit` on each child node of an acorn node, with the ancestors given.
 * @param {any} node - an acorn node
 * @param {any[]} ancestors - the node's ancestors and the node itself
 * @param {(child: any, ancestors: any[]) => void} visit
 */
function visitChildren(node, ancestors, visit) {
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === "string") visit(child, ancestors);
    } else if (value && typeof value.type === "string") visit(value, ancestors);
  }
}

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
 * Huffman code lengths of a string's characters (package-merge is not needed: no length here
 * comes near the decoder's limit, and lengths over 25 are refused).
 * @param {string} text
 * @returns {Map<string, number>} code length by character
 */
function huffmanLengths(text) {
  const counts = new Map();
  for (const ch of text) counts.set(ch, (counts.get(ch) || 0) + 1);
  // Ties broken by character, so the build is reproducible.
  let nodes = [...counts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([ch, weight]) => ({ weight, chars: [ch] }));
  const lengths = new Map([...counts.keys()].map((ch) => [ch, 0]));
  while (nodes.length > 1) {
    const [a, b] = nodes;
    for (const ch of [...a.chars, ...b.chars]) lengths.set(ch, lengths.get(ch) + 1);
    const merged = { weight: a.weight + b.weight, chars: [...a.chars, ...b.chars] };
    nodes = nodes.slice(2);
    let at = 0;
    while (at < nodes.length && nodes[at].weight <= merged.weight) at++;
    nodes.splice(at, 0, merged);
  }
  return lengths;
}

/**
 * Huffman-codes a string for the reviver: "`#" + separator + [length, counts, characters,
 * bits].join(separator), or undefined when the string does not qualify.
 * @param {string} text
 * @returns {string | undefined}
 */
function huffmanEncode(text) {
  if (text.length < HUFFMAN_MIN_LENGTH || [...text].length !== text.length) return undefined;
  const lengths = huffmanLengths(text);
  if (lengths.size < 2 || lengths.size > HUFFMAN_MAX_SYMBOLS || Math.max(...lengths.values()) > 25) return undefined;
  // Canonical code: by length, then by character.
  const order = [...lengths].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const maxLength = order[order.length - 1][1];
  const countOf = Array.from({ length: maxLength }, (_, i) => order.filter(([, l]) => l === i + 1).length);
  const codes = new Map();
  let code = 0;
  let length = 1;
  for (const [ch, l] of order) {
    while (length < l) {
      code <<= 1;
      length++;
    }
    codes.set(ch, code.toString(2).padStart(l, "0"));
    code++;
  }
  let bits = "";
  for (const ch of text) bits += codes.get(ch);
  bits = bits.padEnd(Math.ceil(bits.length / 6) * 6, "0");
  let data = "";
  for (let i = 0; i < bits.length; i += 6) data += BASE64[parseInt(bits.slice(i, i + 6), 2)];
  const chars = order.map(([ch]) => ch).join("");
  const counts = countOf.map((n) => String.fromCharCode(COUNT_BASE + n)).join("");
  const sep = HUFFMAN_SEPARATORS.find((sep) => !chars.includes(sep));
  if (sep === undefined) return undefined;
  const coded = MARKER + HUFFMAN + sep + [text.length, counts, chars, data].join(sep);
  // Words and phrases deflate better as they are: only code what gzip does badly.
  return zlib.deflateRawSync(coded, { level: 9 }).length < zlib.deflateRawSync(text, { level: 9 }).length ? coded : undefined;
}

/**
 * Decodes what `huffmanEncode` wrote (the reviver in the bundle does the same, in short).
 * @param {string} value
 * @returns {string}
 */
function huffmanDecode(value) {
  const [n, counts, chars, data] = value.slice(3).split(value[2]);
  let out = "";
  let pos = 0;
  let left = 0;
  let digit = 0;
  while (out.length < Number(n)) {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let l = 0; ; l++) {
      if (l >= counts.length) throw new Error("compact-json: bad Huffman code");
      if (left === 0) {
        digit = BASE64.indexOf(data[pos++]);
        left = 6;
      }
      code |= (digit >> --left) & 1;
      const count = counts.charCodeAt(l) - COUNT_BASE;
      if (code - first < count) {
        out += chars[index + code - first];
        break;
      }
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
  }
  return out;
}

/**
 * A list of phrases written with the words each item shares with the one before it left out
 * ("attached to the wall", "attached to the fence" → "attached to the wall", "+++fence"):
 * marker, "+", separator, then the items, each starting with one "+" per leading word it
 * shares with the previous item (never all its words). Undefined when that is not shorter
 * than the plain list, when the separator is a space (one-word items: nothing to share), or
 * when an item holds a "+". gzip finds most of these repeats by itself; written out, they
 * still cost launchevent.js about 90 B (natural order, zlib-9), 75 B with the reviver's code.
 * @param {string[]} list - strings
 * @param {string} sep - the list's separator
 * @returns {string | undefined}
 */
function frontEncode(list, sep) {
  if (sep === " " || list.some((item) => item.includes(FRONT))) return undefined;
  let previous = [];
  const items = list.map((item) => {
    const words = item.split(" ");
    let shared = 0;
    while (shared < previous.length && shared < words.length - 1 && previous[shared] === words[shared]) shared++;
    previous = words;
    return FRONT.repeat(shared) + words.slice(shared).join(" ");
  });
  const coded = MARKER + FRONT + sep + items.join(sep);
  if (coded.length >= list.join(sep).length + 2) return undefined;
  return JSON.stringify(frontDecode(coded)) === JSON.stringify(list) ? coded : undefined;
}

/**
 * Decodes what `frontEncode` wrote (the reviver in the bundle does the same, in short): each
 * "+" takes the previous item's text up to and with its next space.
 * @param {string} coded
 * @returns {string[]}
 */
function frontDecode(coded) {
  let previous = "";
  return coded
    .slice(3)
    .split(coded[2])
    .map((item) => {
      let k = 0;
      let at = 0;
      for (; item[k] === FRONT; k++) at = previous.indexOf(" ", at) + 1;
      previous = `${previous.slice(0, at)}${item.slice(k)} `;
      return previous.slice(0, -1);
    });
}

/**
 * The reviver that undoes the encoding.
 * @param {string} _key
 * @param {unknown} value
 * @returns {unknown}
 */
function revive(_key, value) {
  if (typeof value !== "string" || value[0] !== MARKER) return value;
  if (value[1] === FRONT) return frontDecode(value);
  return value[1] === HUFFMAN ? huffmanDecode(value) : value.slice(2).split(value[1]);
}

/**
 * Encodes a JSON text, or says why it cannot.
 * @param {string} json - a JSON text
 * @returns {{ json: string, lists: number } | { reason: string }} the encoded text and how many lists were joined (and strings Huffman-coded)
 */
function encodeJson(json) {
  const value = JSON.parse(json);
  if (stringsOf(value).some((s) => s.startsWith(MARKER))) return { reason: `a string starts with the marker ${MARKER}` };
  let lists = 0;
  const encoded = JSON.stringify(value, (_key, v) => {
    if (typeof v === "string") {
      const coded = huffmanEncode(v);
      if (coded === undefined) return v;
      lists++;
      return coded;
    }
    if (!Array.isArray(v)) return v;
    const sep = separatorFor(v);
    if (sep === undefined) return v;
    lists++;
    return frontEncode(v, sep) || MARKER + sep + v.join(sep);
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
  // One reviver for all calls, declared in the bundle's own function scope (webpack wraps the
  // bundle in an arrow IIFE), so that no global is added.
  if (!code.startsWith(IIFE_START)) throw new Error(`compact-json: the bundle does not start with ${IIFE_START}`);
  if (tokens.some((t) => t.type.label === "name" && t.value === REVIVER_NAME)) throw new Error(`compact-json: the bundle already uses the name ${REVIVER_NAME}`);
  let out = code;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  out = `${IIFE_START}${REVIVER_DECLARATION}${out.slice(IIFE_START.length)}`;
  return { code: out, calls: edits.length, lists };
}

/** A text at least this long that deflates to more than DENSE_RATIO of its length is dense. */
const DENSE_MIN_LENGTH = 4096;
const DENSE_RATIO = 0.7;

/**
 * Whether a text is mostly coded data rather than words: long, and shrinking little under deflate.
 * @param {string} text
 * @returns {boolean}
 */
function isDense(text) {
  return text.length >= DENSE_MIN_LENGTH && zlib.deflateRawSync(text, { level: 9 }).length > DENSE_RATIO * text.length;
}

/** Prefix of the hoisted data's variables; the bundle must not use such names already. */
const DATA_PREFIX = "$j";

/**
 * Whether a node, given its ancestors (outermost first), runs exactly once when the script
 * loads: every function around it is called right where it is written (an IIFE, as webpack and
 * esbuild wrap the bundle and its modules) and no loop encloses it.
 * @param {acorn.Node[]} ancestors
 * @returns {boolean}
 */
function runsOnce(ancestors) {
  for (let i = 0; i < ancestors.length; i++) {
    const node = ancestors[i];
    if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(node.type)) return false;
    if (/Function/.test(node.type)) {
      const parent = ancestors[i - 1];
      if (!parent || parent.type !== "CallExpression" || parent.callee !== node) return false;
    }
  }
  return true;
}

/**
 * The `JSON.parse("literal"[, reviver])` calls of a script, with whether each runs once.
 * @param {string} code
 * @returns {{ node: acorn.Node, once: boolean }[]}
 */
function jsonParseCalls(code) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  const calls = [];
  const visit = (node, ancestors) => {
    if (isConstantParse(node)) {
      calls.push({ node, once: runsOnce(ancestors) });
      return;
    }
    visitChildren(node, [...ancestors, node], visit);
  };
  visit(ast, []);
  return calls;
}

/**
 * Moves every JSON.parse of a constant text that runs once to the top of the bundle's
 * outermost function, as `var $j0=JSON.parse(…),…;`, its place reading the variable.
 * @param {string} code - a script that starts with webpack's arrow IIFE
 * @returns {{ code: string, moved: number }}
 */
function hoistJsonData(code) {
  const calls = jsonParseCalls(code).filter((c) => c.once);
  if (calls.length === 0) return { code, moved: 0 };
  if (!code.startsWith(IIFE_START)) throw new Error(`compact-json: the bundle does not start with ${IIFE_START}`);
  const clash = [...acorn.tokenizer(code, { ecmaVersion: "latest" })].find((t) => t.type.label === "name" && t.value.startsWith(DATA_PREFIX) && t.value !== REVIVER_NAME);
  if (clash) throw new Error(`compact-json: the bundle already uses the name ${clash.value}`);
  // First in the bundle's function, before the reviver's declaration (hoisted: see
  // REVIVER_DECLARATION) when there is one.
  const at = IIFE_START.length;
  // Shortest text first: measured on launchevent.js, the large texts (the model's weights, the
  // tone patterns) last let gzip find the small lists' likenesses in one window (about 0.9 KB
  // with zlib, 0.1 KB with gzip -9, over the bundle's order). Dense texts (the weights: coded
  // bits that gzip cannot shrink) go before all the others: between two lists of words, or
  // between the lists and the code that follows them, they would push the earlier text out of
  // gzip's 32 KB window (1.2-1.4 KB more between two lists, 0.15 KB more before the code).
  // The plugin then moves them to the file's end (`tailDenseData`).
  const order = calls
    .map((c, i) => {
      const text = code.slice(c.node.start, c.node.end);
      return { call: c, i, text, dense: isDense(text) };
    })
    .sort((a, b) => Number(b.dense) - Number(a.dense) || a.text.length - b.text.length || a.i - b.i);
  const nameOf = new Map(order.map((o, rank) => [o.call, `${DATA_PREFIX}${rank}`]));
  const declarations = order.map((o) => `${nameOf.get(o.call)}=${o.text}`);
  let out = code;
  for (let i = calls.length - 1; i >= 0; i--) out = out.slice(0, calls[i].node.start) + nameOf.get(calls[i]) + out.slice(calls[i].node.end);
  out = `${out.slice(0, at)}var ${declarations.join(",")};${out.slice(at)}`;
  return { code: out, moved: calls.length };
}

/** Prefix of the variables of hoisted coded strings (see `hoistCodedStrings`). */
const CODED_PREFIX = "$jc";
/** A string literal at least this long, of letters, digits and `_$~+/` only, is coded data. */
const CODED_MIN_LENGTH = 256;
const CODED_TEXT = /^[\w$~+/]+$/;

/**
 * Moves the code's long string literals of coded data (letters and digits only, no spaces: the
 * Unicode range tables of char-classes-data.ts, base 32) that run once to the top of the
 * bundle's outermost function, as `var $jc0="…",…,$j0=JSON.parse(…),…;` before the hoisted JSON data, their places
 * reading the variables. A string literal has no effects and the same value wherever it is
 * written, so this changes nothing but where the text sits: next to the model's weights (coded
 * too: one deflate block and code table for both) instead of among the code, launchevent.js
 * deflates about 330 B smaller (zlib level 9, measured on 5a26d15's bundle).
 * Run after `hoistJsonData`, so that these texts come first.
 * @param {string} code - a script that starts with webpack's arrow IIFE
 * @returns {{ code: string, moved: number }}
 */
function hoistCodedStrings(code) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  const found = [];
  const visit = (node, ancestors) => {
    if (node.type === "Literal" && typeof node.value === "string" && node.value.length >= CODED_MIN_LENGTH && CODED_TEXT.test(node.value)) {
      const parent = ancestors[ancestors.length - 1];
      // Not a property key or a directive, where a name cannot stand.
      const isKey = parent && (parent.type === "Property" || parent.type === "MethodDefinition" || parent.type === "PropertyDefinition") && parent.key === node && !parent.computed;
      if (!isKey && !(parent && parent.type === "ExpressionStatement") && runsOnce(ancestors)) found.push(node);
      return;
    }
    visitChildren(node, [...ancestors, node], visit);
  };
  visit(ast, []);
  if (found.length === 0) return { code, moved: 0 };
  if (!code.startsWith(IIFE_START)) throw new Error(`compact-json: the bundle does not start with ${IIFE_START}`);
  const clash = [...acorn.tokenizer(code, { ecmaVersion: "latest" })].find((t) => t.type.label === "name" && t.value.startsWith(CODED_PREFIX));
  if (clash) throw new Error(`compact-json: the bundle already uses the name ${clash.value}`);
  found.sort((a, b) => a.start - b.start);
  let out = code;
  for (let i = found.length - 1; i >= 0; i--) out = out.slice(0, found[i].start) + `${CODED_PREFIX}${i}` + out.slice(found[i].end);
  const declarations = found.map((node, i) => `${CODED_PREFIX}${i}=${code.slice(node.start, node.end)}`).join(",");
  // In the hoisted data's declaration when there is one, so that webpack/function-order.js
  // places these texts among the data texts (in the order that deflates smallest).
  const dataStart = `${IIFE_START}var ${DATA_PREFIX}0=`;
  if (out.startsWith(dataStart)) out = `${IIFE_START}var ${declarations},${out.slice(IIFE_START.length + 4)}`;
  else out = `${IIFE_START}var ${declarations};${out.slice(IIFE_START.length)}`;
  return { code: out, moved: found.length };
}

/** The function at the end of the bundle that gives the dense texts (see `tailDenseData`). */
const TAIL_NAME = "$jd";

/**
 * Moves the hoisted dense texts (the coded strings `$jcN` and every `$jN` whose JSON text is
 * dense: the model's weights) out of the data at the top into one function declared last in
 * webpack's IIFE, `function $jd(){return["…",…,JSON.parse('…',$j_)]}`; the top then reads them
 * first, `var[$jc3,…,$j0]=$jd();`. A function declaration is created before any of its scope's
 * code runs, so `$jd()` works from the first statement, and the strings and the parse give the
 * same values as before (the reviver, declared in the same scope, is hoisted too).
 *
 * Why: GNU gzip (and zlib with memLevel 9) ends a deflate block every 32K symbols, Node's zlib
 * every 16K. At the top, the 17 KB of coded bits shared a 32K-symbol block, and its code tables,
 * with word lists; at the end they share one with the last code only, and most of them with
 * nothing (deflate has no match to find in them either way). On 793c1f4's bundle, with the
 * stored layout: GNU gzip -9 100,421 -> 98,899 B, -6 100,476 -> 99,030, Node zlib 9 98,163 ->
 * 98,681 (the layout was searched for zlib with the texts at the top; see function-order.js).
 * @param {string} code - a script that starts with webpack's arrow IIFE, after `hoistCodedStrings`
 * @returns {{ code: string, moved: number }}
 */
function tailDenseData(code) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  const first = ast.body[0];
  const iife = first && first.type === "ExpressionStatement" && first.expression.type === "CallExpression" ? first.expression.callee : undefined;
  if (!iife || iife.type !== "ArrowFunctionExpression" || iife.body.type !== "BlockStatement" || !code.startsWith(IIFE_START)) return { code, moved: 0 };
  const body = iife.body.body;
  const data = body[0];
  const isDataDeclarator = (d) =>
    d.id.type === "Identifier" &&
    d.id.name.startsWith(DATA_PREFIX) &&
    (isConstantParse(d.init) || (d.id.name.startsWith(CODED_PREFIX) && d.init && d.init.type === "Literal" && typeof d.init.value === "string"));
  if (!data || data.type !== "VariableDeclaration" || data.kind !== "var" || !data.declarations.every(isDataDeclarator)) return { code, moved: 0 };
  const text = (node) => code.slice(node.start, node.end);
  const coded = data.declarations.filter((d) => d.id.name.startsWith(CODED_PREFIX));
  const dense = data.declarations.filter((d) => !d.id.name.startsWith(CODED_PREFIX) && isDense(text(d.init)));
  // Coded strings first, then the dense JSON, each group in the build's order.
  const moving = [...coded, ...dense];
  if (moving.length === 0) return { code, moved: 0 };
  if ([...acorn.tokenizer(code, { ecmaVersion: "latest" })].some((t) => t.type.label === "name" && t.value === TAIL_NAME)) throw new Error(`compact-json: the bundle already uses the name ${TAIL_NAME}`);
  const staying = data.declarations.filter((d) => !moving.includes(d));
  const read = `var[${moving.map((d) => d.id.name).join(",")}]=${TAIL_NAME}();`;
  const head = read + (staying.length > 0 ? `var ${staying.map(text).join(",")};` : "");
  const last = body[body.length - 1];
  // An expression statement may end without its semicolon (terser drops the last one).
  const sep = last === data || code[last.end - 1] === ";" || last.type === "FunctionDeclaration" ? "" : ";";
  const tail = `${sep}function ${TAIL_NAME}(){return[${moving.map((d) => text(d.init)).join(",")}]}`;
  const bodyEnd = iife.body.end - 1;
  const out = code.slice(0, data.start) + head + code.slice(data.end, bodyEnd) + tail + code.slice(bodyEnd);
  return { code: out, moved: moving.length };
}

/** Array literals of at least this many strings that run once are written as one string split. */
const SPLIT_MIN_ITEMS = 3;

/**
 * Writes each array literal of SPLIT_MIN_ITEMS or more string literals that runs once (module
 * level, see `runsOnce`) as one string split by a separator that none of its items contains:
 * `["regards","kind regards"]` → `'regards|kind regards'.split("|")`. Both make a new array of
 * the same strings; the split costs one call while the script loads. Saves the quotes and
 * comma of every item, as `compactJsonInCode` does for the data (the code's own lists of
 * words: signature closings, disclaimer phrases…).
 * @param {string} code - the minified script
 * @returns {{ code: string, arrays: number }}
 */
function splitStringArrays(code) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  const edits = [];
  const visit = (node, ancestors) => {
    if (node.type === "ArrayExpression" && node.elements.length >= SPLIT_MIN_ITEMS && node.elements.every((e) => e && e.type === "Literal" && typeof e.value === "string")) {
      const items = node.elements.map((e) => e.value);
      const sep = SEPARATORS.find((sep) => items.every((item) => !item.includes(sep)));
      if (sep !== undefined && runsOnce(ancestors)) {
        const text = `${singleQuoted(items.join(sep))}.split(${JSON.stringify(sep)})`;
        if (text.length < node.end - node.start) edits.push({ start: node.start, end: node.end, text });
      }
      return;
    }
    visitChildren(node, [...ancestors, node], visit);
  };
  visit(ast, []);
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, arrays: edits.length };
}

/**
 * Applies compactJsonInCode (then the hoisting and the split lists) to the named .js assets
 * after the minimizers (OPTIMIZE_SIZE), before the layout, the prelude and the ES2016 check
 * (production only).
 */
class CompactJsonPlugin extends AssetStepPlugin {
  /** @param {{ assets: string[] }} options */
  constructor(options) {
    super({
      name: "CompactJsonPlugin",
      stage: "OPTIMIZE_SIZE",
      offset: 1,
      assets: options.assets,
      rewrite: (code) => splitStringArrays(tailDenseData(hoistCodedStrings(hoistJsonData(compactJsonInCode(code).code).code).code).code).code,
    });
  }
}

module.exports = { CompactJsonPlugin, isConstantParse, compactJsonInCode, hoistJsonData, hoistCodedStrings, tailDenseData, TAIL_NAME, CODED_PREFIX, splitStringArrays, encodeJson, revive, frontEncode, frontDecode, huffmanEncode, huffmanDecode, REVIVER_SOURCE, REVIVER_NAME, MARKER };
