/**
 * `const` declarations written as `let` in the minified on-send bundle (no change in behaviour).
 *
 * A `const` binding and a `let` binding behave the same (block scope, the same temporal dead
 * zone, a new binding per loop iteration) except that assigning to a `const` throws. So when
 * no code assigns to a binding after its declaration, `let` gives the same program, and one
 * keyword instead of two deflates smaller (`let` is also two characters shorter): on
 * launchevent.js about 180 B zlib level 9 when done after terser; done before it, terser then
 * joins the `let` declarations that follow each other into one (`let a=1;let b=2` →
 * `let a=1,b=2`), which it never does across `const` and `let`.
 *
 * Checked, not assumed: every binding declared `const` is looked up with eslint-scope, and the
 * build fails if any reference to it other than its declaration writes to it (TypeScript and
 * esbuild refuse such code already; this keeps a dependency's bug from being hidden).
 *
 * A `var` declaration becomes `let` too when it is the first statement of a function's body
 * (esbuild's temporaries for `??` and `?.`: `function f(e){var t;…}`) and declares names that
 * nothing else declares in that function (no parameter, no second declaration, no function
 * declaration of that name anywhere inside) and that nothing reads or writes before it. Then
 * the binding is created before any of the function's code can touch it, as with `var`, and
 * `let`'s block scope is the function's body, which is `var`'s scope: about 80 B more.
 */
"use strict";

const acorn = require("acorn");
const eslintScope = require("eslint-scope");
const { AssetStepPlugin } = require("./asset-step");

/**
 * The names of every function declared inside a node (at any depth).
 * @param {acorn.Node} node
 * @param {Set<string>} out
 * @returns {Set<string>}
 */
function declaredFunctions(node, out = new Set()) {
  if (node.type === "FunctionDeclaration" && node.id) out.add(node.id.name);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === "string") declaredFunctions(child, out);
    } else if (value && typeof value.type === "string") declaredFunctions(value, out);
  }
  return out;
}

/**
 * The `var` declarations that may be written as `let`: each the first statement of a function's
 * body (after its directives), every name it declares declared nowhere else in the function and
 * used nowhere before it.
 * @param {any} manager - eslint-scope's analysis of the script
 * @returns {number[]} the declarations' offsets
 */
function leadingVars(manager) {
  const out = [];
  for (const scope of manager.scopes) {
    if (scope.type !== "function") continue;
    const body = scope.block.body;
    if (!body || body.type !== "BlockStatement") continue;
    let first = 0;
    while (first < body.body.length && body.body[first].directive !== undefined) first++;
    const statement = body.body[first];
    if (!statement || statement.type !== "VariableDeclaration" || statement.kind !== "var") continue;
    const functions = declaredFunctions(body);
    const movable = statement.declarations.every((d) => {
      if (d.id.type !== "Identifier" || functions.has(d.id.name)) return false;
      const variable = scope.set.get(d.id.name);
      return !!variable && variable.defs.length === 1 && variable.defs[0].parent === statement && variable.references.every((ref) => ref.identifier.start > statement.start);
    });
    if (movable) out.push(statement.start);
  }
  return out;
}

/**
 * Rewrites every `const` declaration of a script as `let`, and the leading `var`s that
 * `leadingVars` finds.
 * @param {string} code - a script (ES2016 or later)
 * @returns {{ code: string, declarations: number }}
 */
function constToLet(code) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script", ranges: true });
  const manager = eslintScope.analyze(ast, { ecmaVersion: 2022, sourceType: "script" });
  const starts = new Set();
  for (const scope of manager.scopes) {
    for (const variable of scope.variables) {
      const def = variable.defs.find((d) => d.type === "Variable" && d.parent && d.parent.kind === "const");
      if (!def) continue;
      const written = variable.references.find((ref) => ref.isWrite() && !ref.init);
      if (written) throw new Error(`const-to-let: "${variable.name}" is declared const and assigned at ${written.identifier.start}`);
      starts.add(def.parent.start);
    }
  }
  const list = [...starts, ...leadingVars(manager)].sort((a, b) => b - a);
  let out = code;
  for (const at of list) {
    const kind = ["const", "var"].find((k) => out.startsWith(k, at));
    if (!kind) throw new Error(`const-to-let: no declaration at ${at}`);
    out = `${out.slice(0, at)}let${out.slice(at + kind.length)}`;
  }
  return { code: out, declarations: list.length };
}

/**
 * A minimizer step (list it between esbuild's and terser's in `optimization.minimizer`): rewrites
 * the named assets with `constToLet`.
 */
class ConstToLetPlugin extends AssetStepPlugin {
  /** @param {{ assets: string[] }} options */
  constructor(options) {
    super({ name: "ConstToLetPlugin", stage: "OPTIMIZE_SIZE", assets: options.assets, rewrite: (code) => constToLet(code).code });
  }
}

module.exports = { constToLet, ConstToLetPlugin };
