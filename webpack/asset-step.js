/**
 * The one skeleton of the build's own asset plugins (const-to-let, compact-json,
 * function-order, addin-manifest): at one `processAssets` stage of each compilation, rewrite
 * the named assets with a function of their text, or emit new assets.
 *
 * A plugin is `new AssetStepPlugin({ name, stage, assets, rewrite })` (or a subclass calling
 * `super` with them): `stage` names a webpack stage without its prefix ("OPTIMIZE_SIZE" for
 * `Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE`) plus an optional `offset` to order several
 * steps of the same stage; `rewrite(code, name)` returns the asset's new text (assets that are
 * missing are skipped); `emit()` returns `{ fileName: string | Uint8Array }` to add; `files`
 * lists source files the step reads, so that watch mode rebuilds when they change. An error a
 * step throws becomes a compilation error naming the plugin (the build fails).
 */
"use strict";

/**
 * @typedef {object} AssetStep
 * @property {string} name - the plugin's name in webpack's hooks and errors
 * @property {string} stage - a processAssets stage without its prefix, e.g. "OPTIMIZE_SIZE"
 * @property {number} [offset] - added to the stage (0 by default)
 * @property {string[]} [assets] - the assets `rewrite` applies to, in this order
 * @property {(code: string, name: string) => string} [rewrite] - an asset's new text
 * @property {() => Record<string, string | Uint8Array>} [emit] - assets to add
 * @property {string[] | (() => string[])} [files] - source files the step reads
 */

class AssetStepPlugin {
  /** @param {AssetStep} step */
  constructor(step) {
    if (!step || typeof step.name !== "string" || typeof step.stage !== "string") throw new Error("AssetStepPlugin: name and stage are required");
    if (!step.rewrite === !step.emit) throw new Error(`${step.name}: give either rewrite or emit`);
    if (step.rewrite && !Array.isArray(step.assets)) throw new Error(`${step.name}: rewrite needs the list of assets`);
    this.step = step;
    // Kept for the plugins' callers and tests, which read `plugin.assets`.
    this.assets = step.assets;
  }

  /**
   * The stage number of this step.
   * @param {any} Compilation - webpack's Compilation class
   * @returns {number}
   */
  stageOf(Compilation) {
    const base = Compilation[`PROCESS_ASSETS_STAGE_${this.step.stage}`];
    if (typeof base !== "number") throw new Error(`${this.step.name}: unknown processAssets stage ${this.step.stage}`);
    return base + (this.step.offset || 0);
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    const step = this.step;
    const stage = this.stageOf(Compilation);
    compiler.hooks.thisCompilation.tap(step.name, (compilation) => {
      compilation.hooks.processAssets.tap({ name: step.name, stage }, () => {
        try {
          const files = typeof step.files === "function" ? step.files() : step.files || [];
          for (const file of files) compilation.fileDependencies.add(file);
          if (step.rewrite) {
            for (const name of step.assets) {
              const asset = compilation.getAsset(name);
              if (!asset) continue;
              compilation.updateAsset(name, new sources.RawSource(step.rewrite(asset.source.source().toString(), name)));
            }
          } else {
            for (const [name, content] of Object.entries(step.emit())) {
              compilation.emitAsset(name, new sources.RawSource(typeof content === "string" ? content : Buffer.from(content)));
            }
          }
        } catch (error) {
          compilation.errors.push(new WebpackError(`${step.name}: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    });
  }
}

module.exports = { AssetStepPlugin };
