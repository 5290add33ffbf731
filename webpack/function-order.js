/**
 * The order of the on-send bundle's function declarations, chosen for gzip (no change in
 * behaviour).
 *
 * After terser (with hoist_funs), the bundle's main scope starts with about 240 function
 * declarations, one after the other. JavaScript creates every function declared in a scope
 * before any of the scope's code runs, so the order in which they are written does not change
 * what the script does (as long as no two have the same name, which is checked). It does change
 * how well gzip compresses them: deflate finds repeats only within the last 32 KB, and codes
 * each block with one table. A local search (see `searchOrder`) over orders of the current
 * bundle found one about 0.6 KB smaller (zlib level 9) than the order webpack writes.
 *
 * The search is too slow for every build (minutes), so its result is kept in
 * webpack/function-order.json and applied by the build: each function is known by a
 * signature of its code in which short (minified) names are blanked, so that renaming by the
 * minifier elsewhere does not make it a stranger. A function the file does not know (new or
 * changed code) keeps its place after the function that precedes it in webpack's order.
 * When code changes, the saving shrinks a little; run the search again
 * (`node webpack/function-order.js dist/launchevent.js 300`) to win it back.
 */
"use strict";

const acorn = require("acorn");
const { createHash } = require("crypto");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const ORDER_FILE = path.join(__dirname, "function-order.json");

/**
 * The main scope's leading run of function declarations: the function body with the most
 * statements (webpack's module scope), from its first statement while they are declarations.
 * @param {string} code
 * @returns {{ start: number, end: number, functions: { name: string, text: string }[] } | undefined}
 */
function leadingFunctions(code) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  let body;
  const visit = (node) => {
    if (/Function/.test(node.type) && node.body && node.body.type === "BlockStatement" && (!body || node.body.body.length > body.length)) body = node.body.body;
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === "string") visit(child);
      } else if (value && typeof value.type === "string") visit(value);
    }
  };
  visit(ast);
  if (!body) return undefined;
  // After a "use strict" directive, if any.
  let first = 0;
  while (first < body.length && body[first].type === "ExpressionStatement" && body[first].directive !== undefined) first++;
  const run = [];
  for (let i = first; i < body.length && body[i].type === "FunctionDeclaration"; i++) run.push(body[i]);
  if (run.length < 2) return undefined;
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const functions = run.map((node) => ({ name: node.id.name, text: code.slice(node.start, node.end) }));
  // Contiguous: nothing but the declarations themselves between start and end.
  if (functions.map((f) => f.text).join("") !== code.slice(start, end)) return undefined;
  return { start, end, functions };
}

/**
 * A function's signature: a hash of its tokens with every name of one or two characters (what
 * the minifier gives locals and module-level functions) blanked.
 * @param {string} text - a function declaration
 * @returns {string} 16 hex digits
 */
function signature(text) {
  const parts = [];
  for (const token of acorn.tokenizer(text, { ecmaVersion: "latest" })) {
    if (token.type.label === "name" && token.value.length <= 2) parts.push("_");
    else parts.push(text.slice(token.start, token.end));
  }
  return createHash("sha256").update(parts.join(" ")).digest("hex").slice(0, 16);
}

/**
 * Writes the functions in a stored order of signatures; the others after their predecessor in
 * the given (webpack's) order.
 * @param {{ text: string }[]} functions - in webpack's order
 * @param {string[]} order - signatures, best order first
 * @returns {number[]} indexes into `functions`
 */
function arrange(functions, order) {
  const sigs = functions.map((f) => signature(f.text));
  const rank = new Map();
  order.forEach((sig, i) => {
    if (!rank.has(sig)) rank.set(sig, i);
  });
  // Unknown functions follow their predecessor in webpack's order (chains of them stay together).
  const followers = new Map();
  const heads = [];
  for (let i = 0; i < functions.length; i++) {
    if (rank.has(sigs[i])) continue;
    if (i === 0) heads.push(i);
    else {
      if (!followers.has(i - 1)) followers.set(i - 1, []);
      followers.get(i - 1).push(i);
    }
  }
  const known = functions.map((_, i) => i).filter((i) => rank.has(sigs[i]));
  known.sort((a, b) => rank.get(sigs[a]) - rank.get(sigs[b]) || a - b);
  const out = [];
  const emit = (i) => {
    out.push(i);
    for (const next of followers.get(i) || []) emit(next);
  };
  heads.forEach(emit);
  known.forEach(emit);
  return out;
}

/**
 * Reorders the leading function declarations of a script by the stored order.
 * @param {string} code - the minified script
 * @param {string[]} order - signatures
 * @returns {{ code: string, moved: number }}
 */
function applyOrder(code, order) {
  const found = leadingFunctions(code);
  if (!found || order.length === 0) return { code, moved: 0 };
  const { start, end, functions } = found;
  // Two declarations of one name: the later wins, so their order would matter.
  if (new Set(functions.map((f) => f.name)).size !== functions.length) return { code, moved: 0 };
  const arranged = arrange(functions, order);
  if (arranged.length !== functions.length || new Set(arranged).size !== functions.length) throw new Error("function-order: arrangement lost a function");
  const moved = arranged.filter((index, at) => index !== at).length;
  return { code: code.slice(0, start) + arranged.map((i) => functions[i].text).join("") + code.slice(end), moved };
}

/** The stored order (signatures), or none. */
function storedOrder() {
  if (!fs.existsSync(ORDER_FILE)) return [];
  const data = JSON.parse(fs.readFileSync(ORDER_FILE, "utf8"));
  if (!Array.isArray(data.order) || !data.order.every((s) => typeof s === "string")) throw new Error(`${ORDER_FILE}: "order" must be a list of signatures`);
  return data.order;
}

/** Applies the stored order to the named .js assets (production only, after compact-json). */
class FunctionOrderPlugin {
  /** @param {{ assets: string[] }} options */
  constructor(options) {
    this.assets = options.assets;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionOrderPlugin", (compilation) => {
      compilation.fileDependencies.add(ORDER_FILE);
      compilation.hooks.processAssets.tap({ name: "FunctionOrderPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 2 }, () => {
        const order = storedOrder();
        for (const name of this.assets) {
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          const { code } = applyOrder(asset.source.source().toString(), order);
          compilation.updateAsset(name, new sources.RawSource(code));
        }
      });
    });
  }
}

/**
 * Local search for a smaller order: moves a function or a short run of them elsewhere and keeps
 * the move when the whole file deflates smaller (zlib level 9, as the bundle test measures).
 * Deterministic for a given file, seed and number of tries.
 * @param {string} code - launchevent.js as built (its functions in any order)
 * @param {{ tries: number, seed?: number, prefix?: string, log?: (line: string) => void }} options - prefix: text the build puts before the code (the prelude)
 * @returns {{ order: string[], before: number, after: number }}
 */
function searchOrder(code, { tries, seed = 1, prefix = "", log = () => undefined }) {
  const found = leadingFunctions(code);
  if (!found) throw new Error("function-order: no run of function declarations found");
  const { start, end, functions } = found;
  const head = prefix + code.slice(0, start);
  const tail = code.slice(end);
  const size = (o) => zlib.deflateSync(head + o.map((i) => functions[i].text).join("") + tail, { level: 9 }).length;
  let current = functions.map((_, i) => i);
  let best = size(current);
  const before = best;
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let t = 0; t < tries; t++) {
    const next = current.slice();
    const length = 1 + Math.floor(random() * random() * 20);
    const from = Math.floor(random() * (next.length - length + 1));
    const block = next.splice(from, length);
    next.splice(Math.floor(random() * (next.length + 1)), 0, ...block);
    const s = size(next);
    if (s < best) {
      best = s;
      current = next;
      log(`${t + 1}/${tries}: ${best}`);
    }
  }
  return { order: current.map((i) => signature(functions[i].text)), before, after: best };
}

module.exports = { FunctionOrderPlugin, applyOrder, arrange, leadingFunctions, searchOrder, signature, ORDER_FILE };

if (require.main === module) {
  // node webpack/function-order.js BUILT_LAUNCHEVENT_JS [TRIES] : searches from the stored order
  // and writes webpack/function-order.json. Give it a bundle built without the stored order
  // (or with it: functions are then searched from that arrangement).
  const [file, tries = "3000"] = process.argv.slice(2);
  if (!file) throw new Error("usage: node webpack/function-order.js launchevent.js [tries]");
  const code = fs.readFileSync(file, "utf8");
  const result = searchOrder(code, { tries: Number(tries), log: (line) => process.stdout.write(`${line}\n`) });
  fs.writeFileSync(
    ORDER_FILE,
    `${JSON.stringify({ $comment: "Generated by webpack/function-order.js: the on-send bundle's function declarations in the order that deflates smallest. Order only, no change in behaviour.", order: result.order }, null, 0)}\n`,
  );
  process.stdout.write(`${result.before} -> ${result.after} B zlib-9\n`);
}
