/**
 * Webpack config of the on-send handler: dist/launchevent.js, one self-contained classic
 * script in ES2016 syntax, plus dist/launchevent.html (the runtime page for Outlook on the web,
 * new Outlook and Mac), the manifests (webpack/addin-manifest.js: manifest.xml, manifest.json,
 * the app package zip, build-info.json) and the icons.
 *
 * Why so strict: classic Outlook on Windows runs this file alone in a JavaScript-only runtime
 * that, before Version 2403, was Chakra limited to ES2016 (async/await there makes the handler
 * time out); webpack runtime code, imports, chunk loading, hot reload or DOM use make the
 * add-in "unavailable" in classic Outlook only (office-js#6447, #3364, #5452, #4821).
 *
 * Options (webpack `--env`): `ADDIN_HOST=https://host` (or the ADDIN_HOST environment
 * variable) rewrites https://localhost:3000/ in the manifest for production builds;
 * `outDir=DIR` writes elsewhere than dist/ (tests build into a temporary folder).
 */
"use strict";
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");
const TerserPlugin = require("terser-webpack-plugin");
const acorn = require("acorn");
const esbuild = require("esbuild");
const { minify_sync: minifySync } = require("terser");
const webpack = require("webpack");
const { ManifestPlugin } = require("./addin-manifest");
const { CompactJsonPlugin, isConstantParse, REVIVER_NAME, CODED_PREFIX, TAIL_NAME, MARKER: COMPACT_JSON_MARKER } = require("./compact-json");
const { FunctionOrderPlugin } = require("./function-order");
const { ConstToLetPlugin } = require("./const-to-let");
const { OneSpreadHelperPlugin } = require("./one-spread-helper");

const root = path.join(__dirname, "..");
/**
 * terser's options for the prelude (PreludePlugin), and the base of the bundle's. hoist_funs puts
 * each scope's function declarations first, where JavaScript defines them anyway (no change in
 * behaviour): the code then gzips about 1.2 KB smaller (2 passes: a third undoes part of it).
 * `lhs_constants: false` leaves comparisons as the source writes them (`x === "a"`, not terser's
 * default `"a" === x`): the operands of an equality with a constant side trade places with no
 * change in what is computed, and the code deflates smaller written one way throughout
 * (launchevent.js natural order about 165 B by GNU gzip -6, 125 B by zlib 9).
 * The prelude's polyfills work on any caller's objects (getters, valueOf), so it gets none of
 * the assumptions below.
 */
const TERSER_OPTIONS = { ecma: 2016, compress: { passes: 2, hoist_funs: true, lhs_constants: false }, mangle: true, format: { comments: false } };
/**
 * Properties terser renames in launchevent.js (`mangle.properties`, to one or two letters, the
 * same name at every read and write): long names the code repeats often, of objects that the
 * bundle's own code makes and reads and nothing else sees. About 710 B by every gzip measure
 * (natural order), no change in behaviour. A name belongs here only when
 * - it is never spelt in a string: JSON data, `"name" in x`, `x["name"]`, a message's
 *   `{{name}}` (RenamedPropertiesGuardPlugin fails the build when a listed name is left anywhere
 *   in the minified file);
 * - no object from outside the bundle's code has it, and nothing outside reads it: not Office's
 *   objects (no Outlook name in @types/office-js), not the policy's keys or a rule's options
 *   (the published policy arrives as JSON), not a stored or sent record (the event queue's
 *   events, the policy cache, the saved reason, the dialog's context data);
 * - it is not a key of a table looked up by a word of the message (segment.ts's HEADER_KEYS);
 * - a getter is renamed like any property (the model's memoised `evidence` and `telling`:
 *   bundle.test.ts counts the getters).
 * They are: rule meta and JSON Schema keywords (engine/json-schema.ts), a rule report's
 * messageId, findings' clause and evidence (the handler never shows, stores or sends a finding's
 * evidence) and the CLAUSES keys reached by name, the detection's own records (segment,
 * normalize, lexicon, model, public-suffix, lookalike domains, disclaimer),
 * and the handler's own options and results (src/launchevent, src/office: what it passes
 * between its parts, never to Office or the server).
 * The task pane, admin, CLI and server builds keep every name. terser renames a listed name even
 * where it is also a DOM property's (`builtins: true`: `properties`, `items`, `points`, `entry`); the
 * bundle has no DOM.
 */
const RENAMED_PROPERTIES = [
  // Rule meta, JSON Schema keywords, reports and findings.
  "defaultSeverity", "defaultOptions", "optionsSchema", "additionalProperties", "properties", "items", "uniqueItems", "minimum", "maximum",
  "messageId", "clause", "readsQuotedHistory", "splitDomain", "deciding",
  "heatOfTheMoment", "dataProtection", "doNotForward", "photoConsent", "professional", "commitments", "assumedName", "staffOnly", "chainMail",
  // The detection's own records.
  "authored", "quotedParts", "baseQ", "headerQ", "depth", "chunks", "shouted", "wholeLine", "captures", "splits",
  "jumpCount", "skeleton", "joinable", "offsets", "ascii",
  "expansions", "spelling", "generation", "firstPerEntry", "shortest", "wordCount", "generalOnly", "generalPathOnly", "withinTrie",
  "vocabulary", "entryCount", "charTrie", "wordRoot", "minShown", "maskable",
  "probability", "sentenceWords", "firstOf", "allSlots", "allStarts", "windowsOf", "slotOf", "biases", "prefixed",
  "registrable", "registrableKey", "exceptions", "wildcards", "imitated", "versions", "rarest",
  "shown", "blank", "whole", "jumps", "quoted", "fix", "disclaimerText", "evidence", "telling", "field", "starts", "letters",
  "points", "entry", "group", "first", "title", "messages", "findings", "targets", "external", "slots", "section", "anchor",
  "suffix", "draft", "start", "end",
  // The heated tallies' families, segment.ts's sender records (joined, lower, role, ids, named), the lexicon's stamps
  // (scratch, marks, busy, rings, trieIds), the model's memo and table (feats, weighs, allEnds), the personal-data
  // matcher (matcher, byTerm), tone-utils' letter groups (loose), disclaimer versions' joint, the send decision's lead text.
  "families", "joined", "named", "byTerm", "scratch", "matcher", "loose", "lower", "role", "ids",
  "allEnds", "trieIds", "weighs", "feats", "rings", "marks", "busy", "joint", "lead",
  // The handler's own options and results (never given to Office, never stored or sent).
  "meta", "takeAction", "markdown", "mailbox1_14", "mailbox1_15", "policySource", "onCompleted", "fellBack", "degraded",
  "bodyTypeKnown", "inserted", "timeoutMs", "storageTimeoutMs", "maxInFlight", "maxInFlightSeen", "stoppedBy", "remaining", "dropped",
];

/**
 * terser's options for launchevent.js: TERSER_OPTIONS plus rewrites that hold for this bundle's
 * code, not for any code (149 B zlib-9 in natural order; every rewrite they make in the bundle
 * was read and sorted into these kinds):
 * - `unsafe`: `new Error/Array/RegExp(…)` called without `new` (the same per the spec, except
 *   RegExp of a RegExp with no flags, which returns its argument: the bundle's one call with
 *   one argument passes a string); `String(x)` and one-substitution templates become `x + ""`
 *   and `"…" + x` (the same unless x is a Symbol or an object with its own valueOf or
 *   Symbol.toPrimitive: the bundle has none, which bundle.test checks); `Boolean(a && b)` as
 *   `!(!a || !b)`; constant calls worked out (`"1".charCodeAt(0)`, `[…strings].join("|")`,
 *   `Number.NEGATIVE_INFINITY`) and unused reads of built-ins dropped (`Error;`).
 * - `pure_getters`: property reads have no effects, so unused ones go and single-use
 *   variables move past other reads. The bundle's only getters are the rules' memoised
 *   `evidence`/`telling` (the same value whenever read; bundle.test lists them); the objects
 *   read are strings, arrays, regex matches, parsed JSON and the code's own records.
 * - `unsafe_proto`: `Object.prototype.hasOwnProperty` as `{}.hasOwnProperty`.
 * - `builtins_ecma: 2016`: ES2016 built-ins count as known (an unused `Object.keys(rules)` goes).
 * Not `unsafe_math` (−22 B): it may reassociate floating-point arithmetic, as in the model.
 */
const BUNDLE_TERSER_OPTIONS = {
  ...TERSER_OPTIONS,
  compress: { ...TERSER_OPTIONS.compress, unsafe: true, pure_getters: true, unsafe_proto: true, builtins_ecma: 2016 },
  mangle: { properties: { builtins: true, regex: new RegExp(`^(?:${RENAMED_PROPERTIES.join("|")})$`) } },
};
const DEV_URL = "https://localhost:3000/";
/** The handler bundle stays at or under 256 KiB minified (150 KiB before the detection model; issue 10). */
const MAX_BUNDLE_BYTES = 256 * 1024;

/**
 * The production host for manifest URLs, always with one trailing slash.
 * @param {Record<string, unknown>} env - webpack --env values
 * @returns {string | undefined} e.g. "https://addin.example.org/"
 */
function addinHost(env) {
  const raw = String(env.ADDIN_HOST || process.env.ADDIN_HOST || "").trim();
  if (raw === "") return undefined;
  if (!/^https:\/\/[^\s/]+/.test(raw)) throw new Error(`ADDIN_HOST must be an https:// address, got ${JSON.stringify(raw)}`);
  return raw.replace(/\/+$/, "") + "/";
}

/**
 * Tells whether a regular expression literal is valid ES2016 syntax.
 * @param {string} pattern
 * @param {string} flags
 * @returns {boolean}
 */
function isEs2016Regexp(pattern, flags) {
  try {
    acorn.parse(`/${pattern}/${flags}`, { ecmaVersion: 2016 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps launchevent.js parseable by an ES2016 engine.
 * 1. esbuild lowers lookbehind, named groups and the `s` flag to `new RegExp(...)`, but not
 *    Unicode property escapes (`/\p{L}/u`, ES2018), which the core's text rules use. A regex
 *    literal an ES2016 parser rejects makes the whole file fail to load in classic Outlook's
 *    Chakra runtime ("add-in unavailable"), so such literals become `new RegExp("…", "…")`:
 *    modern engines run them unchanged; an old engine fails only inside the rule that uses
 *    it, which the engine reports as that rule's failure instead of breaking every Send.
 * 2. After minification the file is parsed as an ES2016 script; any failure fails the build.
 */
class Es2016GuardPlugin {
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("Es2016GuardPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "Es2016GuardPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY }, (assets) => {
        for (const name of Object.keys(assets).filter((n) => n.endsWith(".js"))) {
          const original = compilation.getAsset(name).source;
          const code = original.source().toString();
          const replaced = new sources.ReplaceSource(original);
          let count = 0;
          for (const token of acorn.tokenizer(code, { ecmaVersion: "latest" })) {
            if (token.type.label !== "regexp" || isEs2016Regexp(token.value.pattern, token.value.flags)) continue;
            replaced.replace(token.start, token.end - 1, `new RegExp(${JSON.stringify(token.value.pattern)}, ${JSON.stringify(token.value.flags)})`);
            count++;
          }
          if (count > 0) compilation.updateAsset(name, replaced);
        }
      });
      compilation.hooks.processAssets.tap({ name: "Es2016GuardPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, (assets) => {
        for (const name of Object.keys(assets).filter((n) => n.endsWith(".js"))) {
          try {
            acorn.parse(compilation.getAsset(name).source.source().toString(), { ecmaVersion: 2016, sourceType: "script" });
          } catch (error) {
            compilation.errors.push(new WebpackError(`${name} is not an ES2016 script: ${error.message}`));
          }
        }
      });
    });
  }
}

/**
 * Whether minified code still spells a property name: as a word that has no space on either side,
 * outside a joined list of the data. A word with a space beside it is a word of text (a phrase of
 * the data, "farm field milk", "stop telling|asking", or a message's sentence), never a key: keys,
 * `"name" in x`, `x["name"]` and a message's `{{name}}` have a quotation mark, bracket, brace, dot or
 * colon there. A JSON string opening with CompactJsonPlugin's marker is a list of the data's phrases
 * or words joined ("`+,…|proceed|start,…"): the code compiles those, it never reads a key by them.
 * @param {string} code - the minified file
 * @param {string} name - a property name
 * @returns {boolean} true when some occurrence of the name could be a key
 */
function spelt(code, name) {
  for (const m of code.matchAll(new RegExp(`\\b${name}\\b`, "g"))) {
    if (code[m.index - 1] === " " || code[m.index + name.length] === " ") continue;
    if (code[code.lastIndexOf('"', m.index) + 1] === COMPACT_JSON_MARKER) continue;
    return true;
  }
  return false;
}

/**
 * Fails the build when a name of RENAMED_PROPERTIES is still spelt in launchevent.js after terser
 * renamed it (`spelt`): then a string or the data spells it (a JSON key, `"name" in x`, a
 * message's `{{name}}`), and the renamed property would no longer match it. A build whose terser
 * renames no property (an analysis build with `mangle: false`) is not checked.
 */
class RenamedPropertiesGuardPlugin {
  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    const renames = (compiler.options.optimization.minimizer || []).some((m) => {
      const mangle = m && m.options && m.options.minimizer && m.options.minimizer.options && m.options.minimizer.options.mangle;
      return !!(mangle && mangle.properties);
    });
    if (!renames) return;
    compiler.hooks.thisCompilation.tap("RenamedPropertiesGuardPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "RenamedPropertiesGuardPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, () => {
        const asset = compilation.getAsset("launchevent.js");
        if (!asset) return;
        const code = asset.source.source().toString();
        const left = RENAMED_PROPERTIES.filter((name) => spelt(code, name));
        if (left.length > 0) compilation.errors.push(new WebpackError(`launchevent.js still spells renamed properties (take them out of RENAMED_PROPERTIES): ${left.join(", ")}`));
      });
    });
  }
}

/**
 * Where the prelude goes in the minified bundle: after the data texts that compact-json.js
 * hoists to the top of webpack's IIFE (`var $jc0="…",…;var $j0=JSON.parse(…),…;`) and the reviver they use
 * (`function $j_…`), before everything else; at the very start when there are none.
 * Parsing the data calls only ES5 built-ins, so it may run before the prelude; the prelude's
 * code then sits among code, not between the file's start and the data, which deflates
 * smaller (zlib level 9: about 40 B on launchevent.js).
 * @param {string} code - the minified bundle
 * @returns {number} the offset to insert the prelude at
 */
function preludeOffset(code) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  const first = ast.body[0];
  const iife = first && first.type === "ExpressionStatement" && first.expression.type === "CallExpression" ? first.expression.callee : undefined;
  if (!iife || iife.type !== "ArrowFunctionExpression" || iife.body.type !== "BlockStatement") return 0;
  const isData = (node) =>
    node.type === "VariableDeclaration" &&
    node.declarations.every(
      (d) =>
        d.id.type === "Identifier" &&
        d.id.name.startsWith("$j") &&
        (isConstantParse(d.init) || (d.id.name.startsWith(CODED_PREFIX) && d.init && d.init.type === "Literal" && typeof d.init.value === "string")),
    );
  const isReviver = (node) => node.type === "FunctionDeclaration" && node.id.name === REVIVER_NAME;
  // compact-json's tailDenseData: `var[$jc0,…]=$jd();` reads the dense texts declared at the end.
  const isTailRead = (node) =>
    node.type === "VariableDeclaration" &&
    node.declarations.length === 1 &&
    node.declarations[0].id.type === "ArrayPattern" &&
    node.declarations[0].id.elements.every((e) => e && e.type === "Identifier" && e.name.startsWith("$j")) &&
    node.declarations[0].init &&
    node.declarations[0].init.type === "CallExpression" &&
    node.declarations[0].init.arguments.length === 0 &&
    node.declarations[0].init.callee.type === "Identifier" &&
    node.declarations[0].init.callee.name === TAIL_NAME;
  let at = 0;
  for (const node of iife.body.body) {
    if (!isData(node) && !isReviver(node) && !isTailRead(node)) break;
    at = node.end;
  }
  return at;
}

/**
 * Puts the ES2016 prelude (src/launchevent/es2016-prelude.ts: polyfills of the ES2017+
 * built-ins the bundle calls) into launchevent.js, as its own IIFE, after minification, before
 * any of the bundle's code but the hoisted data (see `preludeOffset`). It cannot simply be the
 * first module: the minimizer lowers the whole bundle to ES2016 in one pass and puts its
 * helpers (which may capture an ES2017+ built-in when they are defined, as esbuild's second
 * object-spread helper did `Object.getOwnPropertyDescriptors`) at the top of the bundle, before
 * any module runs.
 */
class PreludePlugin {
  constructor(production) {
    this.production = production;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PreludePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PreludePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING }, () => {
        const file = path.join(root, "src/launchevent/es2016-prelude.ts");
        compilation.fileDependencies.add(file);
        const result = esbuild.buildSync({
          entryPoints: [file],
          bundle: true,
          write: false,
          format: "iife",
          target: "es2016",
          minify: this.production,
          legalComments: "none",
        });
        // esbuild marks the file strict; a directive at the start of the script would make the
        // whole bundle's top level strict too, so it is dropped (the IIFE body has its own).
        let prelude = result.outputFiles[0].text.trim().replace(/^(["'])use strict\1;?\s*/, "");
        // In production terser minifies it again, as it does the bundle: about 30 B zlib-9
        // smaller than esbuild's minifier alone (shorter names, the same compressor as the rest).
        if (this.production) prelude = minifySync(prelude, TERSER_OPTIONS).code;
        const asset = compilation.getAsset("launchevent.js");
        if (!asset) return;
        const code = asset.source.source().toString();
        const at = preludeOffset(code);
        const updated = at === 0 ? new sources.ConcatSource(prelude, "\n", asset.source) : new sources.RawSource(code.slice(0, at) + prelude + code.slice(at));
        compilation.updateAsset("launchevent.js", updated);
      });
    });
  }
}

/**
 * @param {{ mode: "production" | "development", env: Record<string, unknown> }} options
 * @returns {import("webpack").Configuration}
 */
module.exports = function launcheventConfig({ mode, env = {} }) {
  const production = mode === "production";
  const host = production ? addinHost(env) : undefined;
  const outDir = env.outDir ? path.resolve(String(env.outDir)) : path.join(root, "dist");

  return {
    name: "launchevent",
    mode,
    context: root,
    // The ES2016 prelude is not part of the entry: PreludePlugin puts it in front of the
    // minified bundle (see there why).
    entry: { launchevent: "./src/launchevent/launchevent.ts" },
    // "es2016" makes webpack's own runtime code ES2016-safe; the environment flags below allow
    // the ES2015 constructs (arrows, const, destructuring, for-of, template literals) that
    // Chakra's ES2016 runtime has, and turn off everything newer.
    target: ["web", "es2016"],
    devtool: production ? false : "source-map",
    output: {
      path: outDir,
      filename: "[name].js",
      publicPath: "",
      iife: true,
      clean: false, // dist/ is shared with the task pane and admin builds
      asyncChunks: false,
      chunkLoading: false,
      wasmLoading: false,
      workerChunkLoading: false,
      environment: {
        arrowFunction: true,
        asyncFunction: false,
        bigIntLiteral: false,
        const: true,
        destructuring: true,
        document: false,
        dynamicImport: false,
        dynamicImportInWorker: false,
        forOf: true,
        globalThis: false,
        module: false,
        optionalChaining: false,
        templateLiteral: true,
      },
    },
    resolve: {
      extensions: [".ts", ".js", ".json"],
      // Never pull Node polyfills into the handler.
      fallback: {},
    },
    node: false,
    module: {
      rules: [
        {
          // Rule modules, the policy clauses and the engine's findings: drop text the handler never shows or reads (see the loader).
          test: /\.ts$/,
          include: [path.join(root, "src", "core", "rules"), path.join(root, "src", "core", "policy", "clauses.ts"), path.join(root, "src", "core", "engine", "run-rules.ts")],
          enforce: "pre",
          loader: path.join(__dirname, "strip-rule-docs-loader.js"),
        },

        {
          // The core's errors, and the published policy's, thrown without their texts, which the handler never reads (see the loader).
          test: /\.ts$/,
          include: [path.join(root, "src", "core"), path.join(root, "src", "office", "published-policy.ts")],
          enforce: "pre",
          loader: path.join(__dirname, "strip-error-texts-loader.js"),
        },

        {
          // The core's JSON data: notes for people ($comment, about) left out (see the loader).
          test: /\.json$/,
          include: [path.join(root, "src", "core")],
          loader: path.join(__dirname, "strip-json-docs-loader.js"),
        },

        {
          // node_modules included on purpose: dependencies must be lowered to ES2016 too.
          // Modules are only lowered to ES2018 here; the minimizer lowers the whole bundle to
          // ES2016 in one pass, so helpers such as esbuild's object-spread helper appear once
          // instead of once per module (several kilobytes against the 150 KB limit).
          test: /\.[cm]?[jt]s$/,
          loader: "esbuild-loader",
          options: { target: "es2018" },
        },
      ],
    },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      concatenateModules: true,
      // Exports (the JSON data's keys that the code reads by name) renamed a, b, c… rather than
      // by hash (webpack's production default, "deterministic"): the same keys renamed, shorter
      // and more alike names; launchevent.js about 110 B smaller (zlib level 9).
      mangleExports: production ? "size" : false,
      // Always run: in development it only lowers syntax to ES2016 (no minification).
      minimize: true,
      // Arrow functions are ES2015 and so within the ES2016 budget of Chakra; allowing them saves
      // several kilobytes against the 150 KB limit.
      // esbuild lowers the bundle to ES2016 (once, for all modules); in production terser then
      // minifies it — about 4 % smaller than esbuild's minifier, which matters at 150 KB.
      minimizer: [
        new EsbuildPlugin({ target: "es2016", legalComments: "none", minifyWhitespace: false, minifyIdentifiers: false, minifySyntax: false }),
        // esbuild's two object-spread helpers as one, so that the prelude need not fill in
        // Object.getOwnPropertyDescriptors: about 110 B (in development too, as the prelude is
        // the same); in production that one then as Object.assign: about 130 B (see the plugin).
        new OneSpreadHelperPlugin({ assets: ["launchevent.js"], assign: production }),
        ...(production
          ? [
              // `const` written as `let` (checked: nothing assigns to them), before terser so that
              // it joins the declarations that follow each other: about 370 B zlib-9 (see the plugin).
              new ConstToLetPlugin({ assets: ["launchevent.js"] }),
              new TerserPlugin({
                extractComments: false,
                terserOptions: BUNDLE_TERSER_OPTIONS,
              }),
            ]
          : []),
      ],
    },
    performance: production
      ? { hints: "error", maxAssetSize: MAX_BUNDLE_BYTES, maxEntrypointSize: MAX_BUNDLE_BYTES, assetFilter: (name) => name === "launchevent.js" }
      : false,
    plugins: [
      new Es2016GuardPlugin(),
      // No name terser renamed (RENAMED_PROPERTIES) may be left in the file.
      ...(production ? [new RenamedPropertiesGuardPlugin()] : []),
      // Lists of strings in the JSON data as joined strings, split again by JSON.parse's reviver.
      ...(production ? [new CompactJsonPlugin({ assets: ["launchevent.js"] })] : []),
      // Function declarations in the order that gzips smallest (webpack/function-order.json).
      ...(production ? [new FunctionOrderPlugin({ assets: ["launchevent.js"] })] : []),
      new PreludePlugin(production),
      new webpack.DefinePlugin({ __ADDIN_ORIGIN__: JSON.stringify(host || DEV_URL) }),
      new HtmlWebpackPlugin({
        template: path.join(root, "src/launchevent/launchevent.html"),
        filename: "launchevent.html",
        chunks: ["launchevent"],
        inject: "head",
        scriptLoading: "blocking",
        // ?hash on the script URL: new Outlook and Mac have served stale handler code after a
        // deploy (office-js#5632, #6436).
        hash: true,
        minify: false,
      }),
      // dist/manifest.xml, manifest.json, the app package and build-info.json, from one definition.
      new ManifestPlugin({ origin: (host || DEV_URL).replace(/\/+$/, "") }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.join(root, "assets"), to: "assets", globOptions: { ignore: ["**/*.svg", "**/.*"] } },
        ],
      }),
    ],
    stats: "errors-warnings",
  };
};
