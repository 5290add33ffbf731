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
 */
"use strict";

const acorn = require("acorn");
const eslintScope = require("eslint-scope");

/**
 * Rewrites every `const` declaration of a script as `let`.
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
  const list = [...starts].sort((a, b) => b - a);
  let out = code;
  for (const at of list) {
    if (out.slice(at, at + 5) !== "const") throw new Error(`const-to-let: no const at ${at}`);
    out = `${out.slice(0, at)}let${out.slice(at + 5)}`;
  }
  return { code: out, declarations: list.length };
}

/**
 * A minimizer step (list it between esbuild's and terser's in `optimization.minimizer`): rewrites
 * the named assets with `constToLet`.
 */
class ConstToLetPlugin {
  /** @param {{ assets: string[] }} options */
  constructor(options) {
    this.assets = options.assets;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ConstToLetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ConstToLetPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE }, () => {
        for (const name of this.assets) {
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          compilation.updateAsset(name, new sources.RawSource(constToLet(asset.source.source().toString()).code));
        }
      });
    });
  }
}

module.exports = { constToLet, ConstToLetPlugin };
