/**
 * One object-spread helper instead of two in the on-send bundle (no change in behaviour).
 *
 * esbuild lowers object spread to ES2016 with two helpers: `{ ...a, k: v }` becomes
 * `__spreadProps(__spreadValues({}, a), { k: v })`. `__spreadValues(a, b)` copies b's own
 * enumerable properties onto a one by one (defining those a already has, setting the others);
 * `__spreadProps(a, b)` defines on a the properties b's descriptors describe, and so needs
 * `Object.getOwnPropertyDescriptors` (ES2017), which the ES2016 prelude then has to fill in.
 * esbuild only ever gives `__spreadProps` an object literal as b. When that literal has only
 * plain properties (values and methods: no getter or setter, no `__proto__` key, no spread),
 * each of b's descriptors is a writable, enumerable, configurable value, which is exactly what
 * `__spreadValues` gives a for it, in the same order (a is always a fresh ordinary object, so
 * setting a property it lacks defines it like that too). So every such call is written as a
 * call of `__spreadValues`, and `__spreadProps` goes; terser then drops the helpers only it
 * used (`__defProps`, `__getOwnPropDescs`), and the prelude no longer fills in
 * `Object.getOwnPropertyDescriptors` (es2016-runtime.test.ts checks that the prelude fills in
 * exactly the ES2017+ methods the bundle calls). launchevent.js about 110 B smaller by every
 * gzip measure (natural order).
 *
 * Checked, not assumed: the build fails when `__spreadProps` is not esbuild's helper as written
 * here, or is used other than called on a new object (a literal, or what the helpers return of
 * one) with such a literal.
 *
 * Then, in production, the one helper left, `__spreadValues`, becomes Object.assign (see
 * `checkAssignable` before terser, `assignMinified` after): about 130 B more (natural order).
 */
"use strict";

const acorn = require("acorn");

/** esbuild's helper, as it declares it (names and spacing as in its output before minifying). */
const SPREAD_PROPS = "var __spreadProps = (a, b) => __defProps(a, __getOwnPropDescs(b));";
/** esbuild's other helper, as it declares it (see `assignSpreads`). */
const SPREAD_VALUES = [
  "var __spreadValues = (a, b) => {",
  "    for (var prop in b || (b = {}))",
  "      if (__hasOwnProp.call(b, prop))",
  "        __defNormalProp(a, prop, b[prop]);",
  "    if (__getOwnPropSymbols)",
  "      for (var prop of __getOwnPropSymbols(b)) {",
  "        if (__propIsEnum.call(b, prop))",
  "          __defNormalProp(a, prop, b[prop]);",
  "      }",
  "    return a;",
  "  };",
].join("\n");

/**
 * Calls `visit` on every node of an acorn tree, parents first.
 * @param {any} node
 * @param {(node: any) => void} visit
 */
function walk(node, visit) {
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === "string") walk(child, visit);
    } else if (value && typeof value.type === "string") walk(value, visit);
  }
}

/**
 * Whether an object literal has only plain properties: no getter, setter, spread or `__proto__` key.
 * @param {any} node - an ObjectExpression
 * @returns {boolean}
 */
function plainLiteral(node) {
  return node.properties.every(
    (p) => p.type === "Property" && p.kind === "init" && (p.computed || (p.key.type === "Identifier" ? p.key.name : String(p.key.value)) !== "__proto__"),
  );
}

/**
 * Whether an expression makes a new object: an object literal, or one of the spread helpers
 * called on such an expression (each returns its first argument).
 * @param {any} node
 * @returns {boolean}
 */
function freshObject(node) {
  if (node.type === "ObjectExpression") return true;
  return node.type === "CallExpression" && node.callee.type === "Identifier" && ["__spreadValues", "__spreadProps"].includes(node.callee.name) && node.arguments.length === 2 && freshObject(node.arguments[0]);
}

/**
 * Rewrites `__spreadProps(x, { … })` as `__spreadValues(x, { … })` and removes `__spreadProps`.
 * A script without the helper is returned as it is.
 * @param {string} code - the bundle as esbuild lowered it (before terser)
 * @returns {{ code: string, calls: number }}
 */
function oneSpreadHelper(code) {
  if (!code.includes("__spreadProps")) return { code, calls: 0 };
  const at = code.indexOf(SPREAD_PROPS);
  if (at < 0 || code.indexOf(SPREAD_PROPS, at + 1) >= 0) throw new Error("one-spread-helper: __spreadProps is not declared once as esbuild's helper");
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  const calls = [];
  const callees = new Set();
  walk(ast, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "__spreadProps") return;
    const [target, literal] = node.arguments;
    if (node.arguments.length !== 2 || !freshObject(target) || literal.type !== "ObjectExpression" || !plainLiteral(literal)) {
      throw new Error(`one-spread-helper: __spreadProps at ${node.start} is not given a new object and a literal of plain properties`);
    }
    calls.push(node.callee.start);
    callees.add(node.callee.start);
  });
  // Every other mention is the declaration's own name.
  let uses = 0;
  walk(ast, (node) => {
    if (node.type === "Identifier" && node.name === "__spreadProps" && !callees.has(node.start)) uses++;
  });
  if (uses !== 1) throw new Error(`one-spread-helper: __spreadProps is used other than by calls (${uses - 1} times)`);
  const edits = [...calls.map((start) => ({ start, end: start + "__spreadProps".length, text: "__spreadValues" })), { start: at, end: at + SPREAD_PROPS.length, text: "" }];
  let out = code;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, calls: calls.length };
}

/**
 * Whether an expression makes a new object with only plain properties: such an object literal
 * (`plainLiteral`), or `__spreadValues` called on one (it returns its first argument).
 * @param {any} node
 * @returns {boolean}
 */
function freshPlainObject(node) {
  if (node.type === "ObjectExpression") return plainLiteral(node);
  return node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "__spreadValues" && node.arguments.length === 2 && freshPlainObject(node.arguments[0]);
}

/** esbuild's helpers that only `__spreadValues` uses (after `oneSpreadHelper`). */
const SPREAD_ONLY = ["__defProp", "__getOwnPropSymbols", "__hasOwnProp", "__propIsEnum", "__defNormalProp"];

/**
 * Checks, before terser, that `__spreadValues` may be Object.assign (`assignMinified` then makes
 * it so in the minified file): every call is `__spreadValues(a, b)` on a new object of plain
 * properties, the helper is not used otherwise, and the helpers it uses serve it alone.
 * Why that is the same: both copy b's own enumerable string keys in the same order, then its
 * symbols, reading each with [[Get]] once (a null or undefined b copies nothing). The helper
 * defines a key a already has (`key in a`) and sets the others; Object.assign sets every key. On a
 * new object of plain properties (a literal with no getter, setter or `__proto__` key, or the
 * helper's result on one), whose prototype is Object.prototype, the two differ only for a key
 * `__proto__`, inherited as a setter: the helper defines an own property of that name,
 * Object.assign changes a's prototype. So this holds for the on-send bundle, and is written down
 * here because the build cannot check it: no b there has an own `__proto__` property. The b's are
 * the bundle's own records and data (findings, reports, hits, clauses, rule options after the
 * policy's own Object.assign, the compiled-in organisation), or events the add-in built, cleaned
 * (event-queue's sanitise: fixed keys) and stored as JSON; none is an Office object or a parsed
 * published policy.
 * @param {string} code - the bundle as esbuild lowered it, after `oneSpreadHelper`
 * @returns {number} how many calls
 */
function checkAssignable(code) {
  const at = code.indexOf(SPREAD_VALUES);
  if (at < 0 || code.indexOf(SPREAD_VALUES, at + 1) >= 0) throw new Error("one-spread-helper: __spreadValues is not declared once as esbuild's helper");
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  const callees = new Set();
  walk(ast, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "__spreadValues") return;
    if (node.arguments.length !== 2 || !freshPlainObject(node.arguments[0])) {
      throw new Error(`one-spread-helper: __spreadValues at ${node.start} is not given a new object of plain properties`);
    }
    callees.add(node.callee.start);
  });
  let uses = 0;
  const helperEnd = at + SPREAD_VALUES.length;
  const helpersStart = code.lastIndexOf("var __defProp = ", at);
  walk(ast, (node) => {
    if (node.type !== "Identifier") return;
    if (node.name === "__spreadValues" && !callees.has(node.start)) uses++;
    if (SPREAD_ONLY.includes(node.name) && (helpersStart < 0 || node.start < helpersStart || node.start > helperEnd)) {
      throw new Error(`one-spread-helper: ${node.name} is used outside the spread helpers`);
    }
  });
  if (uses !== 1) throw new Error(`one-spread-helper: __spreadValues is used other than by calls (${uses - 1} times)`);
  return callees.size;
}

/**
 * The declaration terser makes of esbuild's spread helpers (with `__spreadProps` gone): their
 * names $1…$5 and $9 (the helper) as terser gives them.
 */
const MINIFIED_HELPERS = new RegExp(
  [
    String.raw`var (\w+)=Object\.defineProperty,(\w+)=Object\.getOwnPropertySymbols,(\w+)=\{\}\.hasOwnProperty,(\w+)=\{\}\.propertyIsEnumerable,`,
    String.raw`(\w+)=\((\w+),(\w+),(\w+)\)=>\7 in \6\?\1\(\6,\7,\{enumerable:!0,configurable:!0,writable:!0,value:\8\}\):\6\[\7\]=\8,`,
    String.raw`(\w+)=\((\w+),(\w+)\)=>\{for\(var (\w+) in \11\|\|\(\11=\{\}\)\)\3\.call\(\11,\12\)&&\5\(\10,\12,\11\[\12\]\);`,
    String.raw`if\(\2\)for\(var (\w+) of \2\(\11\)\)\4\.call\(\11,\13\)&&\5\(\10,\13,\11\[\13\]\);return \10\};`,
  ].join(""),
  "g",
);

/**
 * The minified bundle with esbuild's spread helper declared as Object.assign (see
 * `checkAssignable`, which the build ran before terser): `var r=Object.assign;` in place of the
 * helpers' declaration, where terser put it, so the rest of the file is as it was (the
 * declaration keeps webpack's strict IIFE apart from the hoisted data). The helpers' other names
 * are read nowhere else (checked before terser).
 * @param {string} code - the minified bundle
 * @returns {string}
 */
function assignMinified(code) {
  const found = [...code.matchAll(MINIFIED_HELPERS)];
  if (found.length !== 1) throw new Error(`one-spread-helper: the minified spread helpers are there ${found.length} times, not once`);
  return code.replace(MINIFIED_HELPERS, (...m) => `var ${m[9]}=Object.assign;`);
}

/**
 * A minimizer step: list it after esbuild's and before terser's in `optimization.minimizer`.
 * Both tap each compilation's `processAssets` at the OPTIMIZE_SIZE stage from webpack's
 * `compilation` hook, in the order the list applies them; so does this step, to run between
 * them (the build's other steps, AssetStepPlugin, tap from `thisCompilation`, which comes first).
 */
class OneSpreadHelperPlugin {
  /** @param {{ assets: string[], assign?: boolean }} options - assign: the spread helper as Object.assign after terser (production) */
  constructor(options) {
    this.assets = options.assets;
    this.assign = options.assign === true;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.compilation.tap("OneSpreadHelperPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "OneSpreadHelperPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE }, () => {
        for (const name of this.assets) {
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          try {
            const code = oneSpreadHelper(asset.source.source().toString()).code;
            if (this.assign) checkAssignable(code);
            compilation.updateAsset(name, new sources.RawSource(code));
          } catch (error) {
            compilation.errors.push(new WebpackError(`OneSpreadHelperPlugin: ${error instanceof Error ? error.message : String(error)}`));
          }
        }
      });
      if (!this.assign) return;
      // After terser (which taps OPTIMIZE_SIZE), before compact-json and the prelude.
      compilation.hooks.processAssets.tap({ name: "OneSpreadHelperPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, () => {
        for (const name of this.assets) {
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          try {
            compilation.updateAsset(name, new sources.RawSource(assignMinified(asset.source.source().toString())));
          } catch (error) {
            compilation.errors.push(new WebpackError(`OneSpreadHelperPlugin: ${error instanceof Error ? error.message : String(error)}`));
          }
        }
      });
    });
  }
}

module.exports = { oneSpreadHelper, checkAssignable, assignMinified, OneSpreadHelperPlugin, SPREAD_PROPS, SPREAD_VALUES };
