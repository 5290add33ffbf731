/**
 * The order of the on-send bundle's function declarations and hoisted data, chosen for gzip
 * (no change in behaviour).
 *
 * After terser (with hoist_funs), the bundle's main scope starts with about 240 function
 * declarations, one after the other. JavaScript creates every function declared in a scope
 * before any of the scope's code runs, so the order in which they are written does not change
 * what the script does (as long as no two have the same name, which is checked). Likewise the
 * data that webpack/compact-json.js hoists to the top (`var $j0=JSON.parse('…',$j_),…`):
 * each parses a constant text with a reviver that keeps no state, so they can be parsed in any
 * order. So are the module scope's `let` declarators that only create values (literals,
 * regular expressions, functions, arrays and objects of them: `letGroups`), within each group
 * of consecutive ones that read none of the group's names: no code runs between them.
 * The order does change how well gzip compresses them: deflate finds repeats only
 * within the last 32 KB, and codes each block with one table. A local search (see
 * `searchLayout`) over orders of the e7a7d3b bundle found one about 0.9 KB smaller (zlib
 * level 9) than the order the build writes.
 *
 * The search is too slow for every build (minutes), so its result is kept in
 * webpack/function-order.json and applied by the build: each function is known by a
 * signature of its code in which short (minified) names are blanked, so that renaming by the
 * minifier elsewhere does not make it a stranger, and each data text by its text. A part the
 * file does not know (new or changed code or data) keeps its place after the part that
 * precedes it in the build's order. When code changes, the saving shrinks a little (an order
 * searched on 8de6bea's bundle kept about two thirds of its saving on e7a7d3b's); build
 * launchevent.js and run the search again to win it back:
 * `node webpack/function-order.js dist/launchevent.js 3000`. It minimises the largest of the
 * file's gzip sizes by Node's zlib (9 and 6) and GNU gzip (-9 and -6; webpack/gzip-sizes.js):
 * about 20-40 ms a try with GNU gzip installed, most of it one gzip process.
 */
"use strict";

const acorn = require("acorn");
const eslintScope = require("eslint-scope");
const { createHash } = require("crypto");
const fs = require("fs");
const path = require("path");
const { isConstantParse, CODED_PREFIX } = require("./compact-json");
const { AssetStepPlugin } = require("./asset-step");
const { MEASURES, gnuAvailable, sizeBy } = require("./gzip-sizes");

const ORDER_FILE = path.join(__dirname, "function-order.json");
/**
 * Whether a declarator is one of the coded strings compact-json.js hoists with the data
 * (`$jc0="…"`): a constant, so it may be written anywhere among the data.
 * @param {acorn.Node} declarator
 * @returns {boolean}
 */
function isCodedString(declarator) {
  return declarator.id.name.startsWith(CODED_PREFIX) && !!declarator.init && declarator.init.type === "Literal" && typeof declarator.init.value === "string";
}

/** Prefix of the hoisted data's variables (compact-json.js). */
const DATA_PREFIX = "$j";

/**
 * A part of a run: its text as written and its signature.
 * @typedef {{ text: string, sig: string, shape: string, name: string }} Part
 * A run of parts that may be written in any order, between `start` and `end`, joined by `join`.
 * @typedef {{ start: number, end: number, join: string, parts: Part[] }} Run
 */

/**
 * A hash of a text's tokens with every name of one or two characters (what the minifier gives
 * locals and module-level functions) blanked: the same when the minifier renames.
 * @param {string} text - a function declaration, or a data text
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
 * A looser key than `signature`, kept beside it in the stored layout so that a part whose text
 * changed a little keeps its place: for code, its tokens with every literal (strings, numbers,
 * regular expressions, template text) blanked too; for a data text, its first 60 characters.
 * @param {string} text
 * @param {"code" | "data"} kind
 * @returns {string} 16 hex digits
 */
function shape(text, kind) {
  if (kind === "data") return createHash("sha256").update(text.slice(0, 60)).digest("hex").slice(0, 16);
  const parts = [];
  try {
    for (const token of acorn.tokenizer(text, { ecmaVersion: "latest" })) {
      const label = token.type.label;
      if (label === "name" && token.value.length <= 2) parts.push("_");
      else if (label === "string" || label === "num" || label === "regexp" || label === "template") parts.push("L");
      else parts.push(text.slice(token.start, token.end));
    }
  } catch {
    return signature(text);
  }
  return createHash("sha256").update(parts.join(" ")).digest("hex").slice(0, 16);
}

/**
 * Calls `visit` on every node of an acorn tree, with the node's parent (undefined for `node`).
 * @param {acorn.Node} node
 * @param {(node: acorn.Node, parent: acorn.Node | undefined) => void} visit
 * @param {acorn.Node} [parent]
 */
function walk(node, visit, parent) {
  visit(node, parent);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === "string") walk(child, visit, node);
    } else if (value && typeof value.type === "string") walk(value, visit, node);
  }
}

/**
 * The runs of a script that may be reordered.
 * - functions: the leading function declarations of the function body with the most
 *   statements (webpack's module scope), after its directives;
 * - data: the declaration whose declarators are all `$jN = JSON.parse("constant"[, $j_])`
 *   or coded strings `$jcN = "…"`;
 * - lets: groups of that scope's `let` declarators that create values without running code
 *   (`letGroups`), each its own run.
 * Each only when it has two parts or more, they are contiguous, and no two share a name.
 * @param {string} code
 * @returns {{ functions?: Run, data?: Run, lets?: Run[] }}
 */
function findRuns(code) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script", ranges: true });
  let body;
  let scopeNode;
  let data;
  walk(ast, (node) => {
    if (/Function/.test(node.type) && node.body && node.body.type === "BlockStatement" && (!body || node.body.body.length > body.length)) {
      body = node.body.body;
      scopeNode = node;
    }
    if (
      !data &&
      node.type === "VariableDeclaration" &&
      node.declarations.length >= 2 &&
      node.declarations.every((d) => d.id.type === "Identifier" && d.id.name.startsWith(DATA_PREFIX) && (isConstantParse(d.init) || isCodedString(d)))
    )
      data = node.declarations;
  });
  const run = (nodes, join, sigOf, kind = "code") => {
    if (!nodes || nodes.length < 2) return undefined;
    const start = nodes[0].start;
    const end = nodes[nodes.length - 1].end;
    const parts = nodes.map((node) => {
      const text = code.slice(node.start, node.end);
      const keyed = sigOf(node, text);
      return { text, name: node.id.name, sig: signature(keyed), shape: shape(keyed, kind) };
    });
    if (parts.map((p) => p.text).join(join) !== code.slice(start, end)) return undefined;
    // Two declarations of one name: the later wins, so their order would matter.
    if (new Set(parts.map((p) => p.name)).size !== parts.length) return undefined;
    return { start, end, join, parts };
  };
  const out = {};
  if (body) {
    let first = 0;
    while (first < body.length && body[first].type === "ExpressionStatement" && body[first].directive !== undefined) first++;
    const functions = [];
    for (let i = first; i < body.length && body[i].type === "FunctionDeclaration"; i++) functions.push(body[i]);
    const found = run(functions, "", (_node, text) => text);
    if (found) out.functions = found;
  }
  // Data is known by its text, not by its variable's name (which is its rank by length).
  const found = run(data, ",", (node) => code.slice(node.init.start, node.init.end), "data");
  if (found) out.data = found;
  if (body) {
    const sealed = sealedObjects(eslintScope.analyze(ast, { ecmaVersion: 2022, sourceType: "script" }).acquire(scopeNode), body);
    const lets = letGroups(body, sealed).map((group) => run(group, ",", (_node, text) => text)).filter(Boolean);
    if (lets.length > 0) out.lets = lets;
  }
  return out;
}

/**
 * The scope's objects that nothing but reads of their own data properties ever touches: a
 * binding declared once, by a declarator of the scope's own statements, as an object literal of
 * plain properties (no getter, setter, spread, computed key or __proto__), whose every other
 * reference reads a property, `name.property` (one of its own) or `name[key]` (not written,
 * deleted or called as a method, which would hand the object to code). Such an object keeps its literal's properties forever, and reading
 * one runs no code.
 * @param {any} scope - eslint-scope's scope of `body`
 * @param {any[]} body - the scope's statements
 * @returns {Map<string, Set<string>>} name -> its properties
 */
function sealedObjects(scope, body) {
  const out = new Map();
  if (!scope) return out;
  const own = new Set(body.filter((s) => s.type === "VariableDeclaration").flatMap((s) => s.declarations));
  for (const variable of scope.variables) {
    if (variable.defs.length !== 1 || !own.has(variable.defs[0].node)) continue;
    const init = variable.defs[0].node.init;
    if (!init || init.type !== "ObjectExpression" || variable.defs[0].node.id.type !== "Identifier") continue;
    const keys = new Set();
    const plain = init.properties.every((p) => {
      if (p.type !== "Property" || p.computed || p.kind !== "init") return false;
      const key = p.key.type === "Identifier" ? p.key.name : String(p.key.value);
      keys.add(key);
      return key !== "__proto__";
    });
    if (!plain) continue;
    const readsOnly = variable.references.every((ref) => {
      if (ref.init) return true;
      if (ref.isWrite()) return false;
      const id = ref.identifier;
      const parent = parentOf(body, id);
      if (!parent || parent.type !== "MemberExpression" || parent.object !== id) return false;
      if (!parent.computed && !keys.has(parent.property.name)) return false;
      const grand = parentOf(body, parent);
      if (!grand) return true;
      if ((grand.type === "AssignmentExpression" && grand.left === parent) || grand.type === "UpdateExpression") return false;
      if (grand.type === "UnaryExpression" && grand.operator === "delete") return false;
      if ((grand.type === "CallExpression" || grand.type === "NewExpression") && grand.callee === parent) return false;
      if (grand.type === "TaggedTemplateExpression" && grand.tag === parent) return false;
      // Destructuring or for-in/of targets write.
      if (/Pattern$/.test(grand.type) || ((grand.type === "ForInStatement" || grand.type === "ForOfStatement") && grand.left === parent)) return false;
      return true;
    });
    if (readsOnly) out.set(variable.name, keys);
  }
  return out;
}

/**
 * The parent of a node inside some statements (cached per statement list).
 * @param {any[]} body
 * @param {any} node
 * @returns {any}
 */
function parentOf(body, node) {
  let parents = PARENTS.get(body);
  if (!parents) {
    const found = new Map();
    for (const statement of body)
      walk(statement, (n, parent) => {
        if (parent) found.set(n, parent);
      });
    parents = found;
    PARENTS.set(body, parents);
  }
  return parents.get(node);
}
const PARENTS = new WeakMap();

/**
 * Whether evaluating an initialiser runs no code of the script and reads no binding but the
 * names it adds to `reads`: literals (regular expressions too), templates without
 * substitutions, function and arrow expressions (created, not run), `!`/`-`/`void` of a
 * literal, identifiers, a sealed object's property (`sealedObjects`), and arrays and object
 * literals of such values (methods, getters and setters are only created; no spread, computed
 * key or __proto__).
 * @param {any} node
 * @param {Set<string>} reads
 * @param {Map<string, Set<string>>} [sealed] - objects whose properties may be read (`sealedObjects`)
 * @returns {boolean}
 */
function isInert(node, reads, sealed = new Map()) {
  if (!node) return false;
  switch (node.type) {
    case "Literal":
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return true;
    case "TemplateLiteral":
      return node.expressions.length === 0;
    case "Identifier":
      reads.add(node.name);
      return true;
    case "MemberExpression":
      // `name.property` of a sealed object (`sealedObjects`): a plain read.
      if (node.computed || node.object.type !== "Identifier" || node.property.type !== "Identifier") return false;
      if (!sealed.has(node.object.name) || !sealed.get(node.object.name).has(node.property.name)) return false;
      reads.add(node.object.name);
      return true;
    case "UnaryExpression":
      return ["!", "-", "void"].includes(node.operator) && node.argument.type === "Literal";
    case "ArrayExpression":
      return node.elements.every((e) => e !== null && e.type !== "SpreadElement" && isInert(e, reads, sealed));
    case "ObjectExpression":
      return node.properties.every((p) => {
        if (p.type !== "Property" || p.computed) return false;
        const key = p.key.type === "Identifier" ? p.key.name : p.key.value;
        if (key === "__proto__") return false;
        return p.kind !== "init" || p.method || isInert(p.value, reads, sealed);
      });
    default:
      return false;
  }
}

/**
 * Groups of a scope's `let` declarators that may be written in any order: consecutive
 * declarators of one declaration whose initialisers are inert (`isInert`) and read none of the
 * group's names. Between the first and the last of a group no code of the script runs and no
 * value read depends on the order, so any order creates the same bindings with the same values.
 * @param {any[]} body - the scope's statements
 * @param {Map<string, Set<string>>} [sealed] - objects whose properties may be read (`sealedObjects`)
 * @returns {any[][]} declarators, two or more per group
 */
function letGroups(body, sealed = new Map()) {
  const groups = [];
  for (const statement of body) {
    if (statement.type !== "VariableDeclaration" || statement.kind !== "let") continue;
    let group = [];
    let names = new Set();
    let reads = new Set();
    const close = () => {
      if (group.length >= 2) groups.push(group);
      group = [];
      names = new Set();
      reads = new Set();
    };
    for (const d of statement.declarations) {
      const own = new Set();
      if (d.id.type !== "Identifier" || !isInert(d.init, own, sealed)) {
        close();
        continue;
      }
      if ([...own].some((name) => names.has(name)) || reads.has(d.id.name) || own.has(d.id.name)) close();
      group.push(d);
      names.add(d.id.name);
      for (const name of own) reads.add(name);
    }
    close();
  }
  return groups;
}

/**
 * The parts in a stored order (entries "signature" or "signature.shape"); a part known by neither keeps its place after its predecessor in the given
 * (the build's) order, so that chains of new parts stay together.
 * @param {{ sig: string }[]} parts - in the build's order
 * @param {string[]} order - signatures, best order first
 * @returns {number[]} indexes into `parts`
 */
function arrange(parts, order) {
  const rank = new Map();
  const entries = order.map((entry) => entry.split("."));
  entries.forEach(([sig], i) => {
    if (!rank.has(sig)) rank.set(sig, i);
  });
  // A part the order does not know by its signature takes the place of the one stored part of
  // the same shape that no part has the signature of (a function or data text that changed a
  // little), when both are the only ones of that shape.
  const present = new Set(parts.map((p) => p.sig));
  const free = new Map();
  entries.forEach(([sig, form], i) => {
    if (!form || present.has(sig)) return;
    free.set(form, free.has(form) ? -1 : i);
  });
  const strangers = new Map();
  for (const p of parts) if (!rank.has(p.sig) && p.shape) strangers.set(p.shape, (strangers.get(p.shape) || 0) + 1);
  const rankOf = new Map();
  for (const p of parts) {
    if (rank.has(p.sig)) rankOf.set(p, rank.get(p.sig));
    else if (p.shape && strangers.get(p.shape) === 1 && free.has(p.shape) && free.get(p.shape) >= 0) rankOf.set(p, free.get(p.shape));
  }
  const followers = new Map();
  const heads = [];
  for (let i = 0; i < parts.length; i++) {
    if (rankOf.has(parts[i])) continue;
    if (i === 0) heads.push(i);
    else {
      if (!followers.has(i - 1)) followers.set(i - 1, []);
      followers.get(i - 1).push(i);
    }
  }
  const known = parts.map((_, i) => i).filter((i) => rankOf.has(parts[i]));
  known.sort((a, b) => rankOf.get(parts[a]) - rankOf.get(parts[b]) || a - b);
  const out = [];
  const emit = (i) => {
    out.push(i);
    for (const next of followers.get(i) || []) emit(next);
  };
  heads.forEach(emit);
  known.forEach(emit);
  if (out.length !== parts.length || new Set(out).size !== parts.length) throw new Error("function-order: an arrangement lost a part");
  return out;
}

/**
 * Writes a run's parts in the given arrangement.
 * @param {string} code
 * @param {Run} run
 * @param {number[]} arranged - indexes into run.parts
 * @returns {string}
 */
function rewrite(code, run, arranged) {
  return code.slice(0, run.start) + arranged.map((i) => run.parts[i].text).join(run.join) + code.slice(run.end);
}

/**
 * Reorders a script's functions, data and let groups by a stored layout (the run last in the
 * file first, so that the others' offsets still hold).
 * @param {string} code - the minified script
 * @param {{ functions?: string[], data?: string[], lets?: string[] }} layout - signatures per kind (lets: of every group)
 * @returns {{ code: string, moved: number }}
 */
function applyLayout(code, layout) {
  // Reordering may change where let groups begin and end (a declarator moved away from one that
  // read an earlier group's name lets two groups join), so one pass is not always a fixed point:
  // pass again until nothing moves, so that the built file is its own layout.
  let out = code;
  let moved = 0;
  for (let pass = 0; pass < 8; pass++) {
    const next = applyOnce(out, layout);
    if (next.code === out) return { code: out, moved };
    out = next.code;
    moved += next.moved;
  }
  // Not settled (groups that keep changing): the last pass, still the same program; the bundle's
  // test says when the built file is not its own layout.
  return { code: out, moved };
}

/**
 * One pass of `applyLayout`.
 * @param {string} code - the minified script
 * @param {{ functions?: string[], data?: string[], lets?: string[] }} layout - signatures per kind
 * @returns {{ code: string, moved: number }}
 */
function applyOnce(code, layout) {
  const found = findRuns(code);
  const runs = [];
  for (const kind of ["functions", "data"]) if (found[kind] && layout[kind] && layout[kind].length > 0) runs.push({ run: found[kind], order: layout[kind] });
  if (found.lets && layout.lets && layout.lets.length > 0) for (const run of found.lets) runs.push({ run, order: layout.lets });
  let out = code;
  let moved = 0;
  for (const { run, order } of runs.sort((a, b) => b.run.start - a.run.start)) {
    const arranged = arrange(run.parts, order);
    moved += arranged.filter((index, at) => index !== at).length;
    out = rewrite(out, run, arranged);
  }
  return { code: out, moved };
}

/** The stored layout, or an empty one. */
function storedLayout() {
  if (!fs.existsSync(ORDER_FILE)) return {};
  const data = JSON.parse(fs.readFileSync(ORDER_FILE, "utf8"));
  const layout = {};
  for (const kind of ["functions", "data", "lets"]) {
    if (data[kind] === undefined) continue;
    if (!Array.isArray(data[kind]) || !data[kind].every((s) => typeof s === "string")) throw new Error(`${ORDER_FILE}: "${kind}" must be a list of signatures`);
    layout[kind] = data[kind];
  }
  return layout;
}

/** Applies the stored layout to the named .js assets (production only, after compact-json). */
class FunctionOrderPlugin extends AssetStepPlugin {
  /** @param {{ assets: string[] }} options */
  constructor(options) {
    super({
      name: "FunctionOrderPlugin",
      stage: "OPTIMIZE_SIZE",
      offset: 2,
      assets: options.assets,
      files: [ORDER_FILE],
      rewrite: (code) => applyLayout(code, storedLayout()).code,
    });
  }
}

/**
 * Local search for a smaller layout: moves a function, data text or let declarator, or a short
 * run of them, elsewhere in its run and keeps the move when the whole file's largest gzip size
 * (by `measures`, webpack/gzip-sizes.js: Node's zlib 9 and 6, GNU gzip -9 and -6, as the bundle
 * test measures) is smaller, or the same with a smaller sum of them. Deterministic for a given
 * file, seed, measures and number of tries. A try costs one compression when it loses on the
 * binding measure (most do): with GNU gzip binding, about 15-20 ms (a process each).
 * @param {string} code - launchevent.js as built (its parts in any order)
 * @param {{ tries: number, seed?: number, measures?: string[], log?: (line: string) => void, onBest?: (layout: { functions: string[], data: string[], lets: string[] }) => void }} options - measures: default all four when GNU gzip is installed; onBest: called with each better layout found
 * @returns {{ layout: { functions: string[], data: string[], lets: string[] }, before: Score, after: Score }} Score: { sizes, largest, sum }
 */
function searchLayout(code, { tries, seed = 1, measures = gnuAvailable() ? MEASURES.slice() : ["zlib9", "zlib6"], log = () => undefined, onBest = () => undefined }) {
  measures = measures.slice();
  const found = findRuns(code);
  // Every run that may be reordered, in file order: { kind, run }.
  const slots = [];
  for (const kind of ["data", "functions"]) if (found[kind]) slots.push({ kind, run: found[kind] });
  for (const run of found.lets || []) slots.push({ kind: "lets", run });
  if (slots.length === 0) throw new Error("function-order: nothing to reorder");
  slots.sort((a, b) => a.run.start - b.run.start);
  // The file as pieces: text, run, text, run, text.
  const between = [];
  let at = 0;
  for (const { run } of slots) {
    between.push(code.slice(at, run.start));
    at = run.end;
  }
  between.push(code.slice(at));
  const current = slots.map(({ run }) => run.parts.map((_, i) => i));
  const text = (arrangement) => between.map((piece, i) => piece + (i < slots.length ? arrangement[i].map((j) => slots[i].run.parts[j].text).join(slots[i].run.join) : "")).join("");
  // The file's size by each measure (gzip-sizes.js), the binding one first: a try stops at the
  // first measure over the best's largest (most tries, one compression).
  const score = (arrangement, bound) => {
    const buffer = Buffer.from(text(arrangement));
    const sizes = {};
    for (const m of measures) {
      sizes[m] = sizeBy(m, buffer);
      if (bound && sizes[m] > bound.largest) return undefined;
    }
    const values = measures.map((m) => sizes[m]);
    return { sizes, largest: Math.max(...values), sum: values.reduce((a, b) => a + b, 0) };
  };
  let best = score(current);
  const before = best;
  // The binding measure first, then the in-process ones (zlib, about 7 ms), then GNU gzip's (a
  // process each, about 15 ms).
  const cost = (m) => (m.startsWith("gzip") ? 1 : 0);
  const rank = () => {
    const binding = measures.reduce((a, b) => (best.sizes[b] > best.sizes[a] ? b : a));
    measures.sort((a, b) => Number(b === binding) - Number(a === binding) || cost(a) - cost(b) || best.sizes[b] - best.sizes[a]);
  };
  rank();
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const layoutOf = (arrangement) => {
    const layout = { functions: [], data: [], lets: [] };
    slots.forEach(({ kind, run }, i) => layout[kind].push(...arrangement[i].map((j) => `${run.parts[j].sig}.${run.parts[j].shape}`)));
    return layout;
  };
  const index = (kind) => slots.findIndex((slot) => slot.kind === kind);
  const lets = slots.map((slot, i) => i).filter((i) => slots[i].kind === "lets");
  const letParts = lets.reduce((sum, i) => sum + slots[i].run.parts.length, 0);
  const pickLets = () => {
    let x = random() * letParts;
    for (const i of lets) {
      x -= slots[i].run.parts.length;
      if (x < 0) return i;
    }
    return lets[lets.length - 1];
  };
  const main = slots.filter((slot) => slot.kind !== "lets").map((slot) => slot.kind);
  for (let t = 0; t < tries; t++) {
    // The data (about 30 texts) gets a quarter of the tries, the functions (about 240) the rest,
    // of which a third goes to the let groups (about 190 declarators) when there are any.
    let kind = main.length === 1 ? main[0] : main.length === 0 ? "lets" : random() < 0.25 ? "data" : "functions";
    if (kind === "functions" && lets.length > 0 && random() < 1 / 3) kind = "lets";
    const slot = kind === "lets" ? pickLets() : index(kind);
    const next = current[slot].slice();
    const length = Math.min(next.length, 1 + Math.floor(random() * random() * (kind === "data" || kind === "lets" ? 4 : 20)));
    const from = Math.floor(random() * (next.length - length + 1));
    const block = next.splice(from, length);
    next.splice(Math.floor(random() * (next.length + 1)), 0, ...block);
    const trial = current.slice();
    trial[slot] = next;
    const s = score(trial, best);
    if (s && (s.largest < best.largest || (s.largest === best.largest && s.sum < best.sum))) {
      best = s;
      rank();
      current[slot] = next;
      log(`${t + 1}/${tries}: ${describe(best)}`);
      onBest(layoutOf(current));
    }
  }
  return { layout: layoutOf(current), before, after: best };
}

/**
 * A score as one line: "largest 98,301 (zlib9 98,100 zlib6 …)".
 * @param {{ sizes: Record<string, number>, largest: number }} score
 * @returns {string}
 */
function describe(score) {
  return `largest ${score.largest} (${Object.keys(score.sizes)
    .sort()
    .map((m) => `${m} ${score.sizes[m]}`)
    .join(" ")})`;
}

module.exports = { FunctionOrderPlugin, applyLayout, arrange, findRuns, searchLayout, signature, storedLayout, ORDER_FILE };

if (require.main === module) {
  // node webpack/function-order.js BUILT_LAUNCHEVENT_JS [TRIES] [SEED]: searches from the
  // arrangement in that file (built with the stored layout or without it) and writes
  // webpack/function-order.json.
  // The file is written at each better layout, so a search stopped early keeps what it found.
  const [file, tries = "3000", seed = "1"] = process.argv.slice(2);
  if (!file) throw new Error("usage: node webpack/function-order.js launchevent.js [tries] [seed]");
  const note =
    "Generated by webpack/function-order.js: signatures of the on-send bundle's function declarations, hoisted data texts and let declarators without effects, in the order that deflates smallest. Order only, no change in behaviour.";
  const write = (layout) => fs.writeFileSync(ORDER_FILE, `${JSON.stringify({ $comment: note, functions: layout.functions, data: layout.data, lets: layout.lets })}\n`);
  const started = Date.now();
  const result = searchLayout(fs.readFileSync(file, "utf8"), { tries: Number(tries), seed: Number(seed), log: (line) => process.stdout.write(`${line}\n`), onBest: write });
  const ms = (Date.now() - started) / Number(tries);
  process.stdout.write(`${describe(result.before)} -> ${describe(result.after)} B (${ms.toFixed(1)} ms a try)\n`);
}
