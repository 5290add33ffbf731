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
 */
"use strict";

const acorn = require("acorn");

/** esbuild's helper, as it declares it (names and spacing as in its output before minifying). */
const SPREAD_PROPS = "var __spreadProps = (a, b) => __defProps(a, __getOwnPropDescs(b));";

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
 * A minimizer step: list it after esbuild's and before terser's in `optimization.minimizer`.
 * Both tap each compilation's `processAssets` at the OPTIMIZE_SIZE stage from webpack's
 * `compilation` hook, in the order the list applies them; so does this step, to run between
 * them (the build's other steps, AssetStepPlugin, tap from `thisCompilation`, which comes first).
 */
class OneSpreadHelperPlugin {
  /** @param {{ assets: string[] }} options */
  constructor(options) {
    this.assets = options.assets;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.compilation.tap("OneSpreadHelperPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "OneSpreadHelperPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE }, () => {
        for (const name of this.assets) {
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          try {
            compilation.updateAsset(name, new sources.RawSource(oneSpreadHelper(asset.source.source().toString()).code));
          } catch (error) {
            compilation.errors.push(new WebpackError(`OneSpreadHelperPlugin: ${error instanceof Error ? error.message : String(error)}`));
          }
        }
      });
    });
  }
}

module.exports = { oneSpreadHelper, OneSpreadHelperPlugin, SPREAD_PROPS };
