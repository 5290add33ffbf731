/**
 * Webpack loader for the on-send bundle only: removes text the send handler never shows.
 * - Rule modules: the options' and the rule's own descriptions, documentation for the admin app
 *   and docs/rules: whole `description: "…"` lines, `description: "…"` as the last property
 *   of a one-line object (`threshold: { type: "integer", minimum: 1, description: "…" }`),
 *   and the description given to a schema helper (`listSchema("…")` → `listSchema("")`);
 *   and the rule's category (`category: "…",` right after the meta's title and description):
 *   it sorts rules in the admin app and the rules table, and the handler never reads it.
 * - Rule modules: a finding's evidence written as a string or as a template whose expressions
 *   assign nothing and call only known pure helpers, or as such a helper's call, becomes ""
 *   (see `emptyEvidence`): the handler never reads evidence. About 290 B (zlib) / 390 B (GNU
 *   gzip) in natural order for the strings and templates, 150 B (GNU gzip -6) for the calls,
 *   as terser then also drops what was computed only for the evidence.
 * - src/core/policy/clauses.ts: each clause's words (its section, anchor and the policy's words
 *   it quotes) become "". The Smart Alerts dialog names the rule and gives its message, never
 *   the clause (Outlook's 500 characters would not hold it); nothing else in the handler reads a
 *   finding's clause (the dialog's context data carries finding ids, the events rule ids); the
 *   task pane, which shows the clause, runs the full core. Findings made in the handler keep a
 *   clause object with the same keys, empty. A clause written `{ ...ETIQUETTE, quote: "…" }`
 *   then becomes `{ ...ETIQUETTE }`, the shared part (`const ETIQUETTE = { section: "…",
 *   anchor: "…" } as const;`) getting the `quote: ""`: the same object, keys in the same order,
 *   without esbuild's ES2016 helper for spread plus properties at each use (launchevent.js
 *   about 12 B zlib-9 smaller). Sections and anchors out: about 140 B by every gzip measure.
 * - src/core/engine/run-rules.ts: the finding's evidence (masked and clipped), the clause a
 *   message enforces and the fix it suggests, which nothing in the handler reads (see
 *   `unreadFindingParts`).
 * - Rule modules: the fix a finding suggests (`fix: { kind: "remove-attachment", targets: names }`,
 *   `fix: removeOutsiders`, a shorthand `fix`), and a const made only to be that fix, when
 *   working it out calls nothing but `map` and `new Set` and assigns nothing (see `emptyFix`):
 *   run-rules.ts no longer copies it into the finding in the handler.
 * In the 150 KB handler bundle these cost about 5 KB. Only single-line string properties are
 * touched, so the code is never cut mid-expression; test/office/es2016-runtime.test.ts runs
 * every sample through the built bundle and test/office/bundle.test.ts checks what is gone.
 */
"use strict";

const DESCRIPTION_LINE = /^[ \t]*description:[ \t]*"(?:[^"\\\n]|\\.)*",?[ \t]*$/gm;
/** A clause's words: `section: "…"`, `anchor: "…"` or `quote: "…"` ($1 the key). */
const CLAUSE_WORDS = /\b(section|anchor|quote):[ \t]*"(?:[^"\\\n]|\\.)*"/g;
/** `, description: "…"` closing a one-line object literal: `{ type: "boolean", description: "…" }`. */
const INLINE_DESCRIPTION = /,[ \t]*description:[ \t]*"(?:[^"\\\n]|\\.)*"(?=[ \t]*\})/g;
/** A schema helper's description argument: `wordListSchema("Further words to flag.")`. */
const SCHEMA_HELPER_DESCRIPTION = /\b([A-Za-z]+Schema)\("(?:[^"\\\n]|\\.)*"\)/g;

/** A rule meta's `category: "…",` line, after its `title:` line and (optional) `description:` line (kept: $1). */
const META_CATEGORY = /^([ \t]*title:[ \t]*"(?:[^"\\\n]|\\.)*",[ \t]*\n(?:[ \t]*description:[ \t]*"(?:[^"\\\n]|\\.)*",[ \t]*\n)?)[ \t]*category:[ \t]*"[a-z-]*",[ \t]*\n/gm;

/** A shared part of clauses: `const ETIQUETTE = { section: "…", anchor: "…" } as const;` ($1 its name, $2 up to the closing brace). */
const SHARED_PART = /^(?:const ([A-Z_]+) = )(\{ section: "(?:[^"\\\n]|\\.)*", anchor: "(?:[^"\\\n]|\\.)*")( \} as const;)$/gm;

/**
 * clauses.ts with every section, anchor and quote "" (see above), and clauses that only add the
 * quote to a shared part written as that part alone, the part carrying the empty quote.
 * @param {string} source
 * @returns {string}
 */
function emptyQuotes(source) {
  const shared = [];
  const out = source.replace(CLAUSE_WORDS, '$1: ""').replace(SHARED_PART, (_, name, head, tail) => {
    shared.push(name);
    return `const ${name} = ${head}, quote: ""${tail}`;
  });
  if (shared.length === 0) return out;
  const spread = new RegExp(`\\{\\s*\\.\\.\\.(${shared.join("|")}),\\s*quote: ""\\s*,?\\s*\\}`, "g");
  return out.replace(spread, "{ ...$1 }");
}

/**
 * Functions a finding's evidence may call and still be left out: each returns a string (or, for
 * withoutNested, a new list of strings) and changes nothing (rules' own helpers, tone-utils'
 * quoteList, Array.prototype.join).
 */
const PURE_CALLS = new Set(["join", "shown", "count", "megabytes", "quote", "quoteList", "withoutNested", "listFiles", "recipientsText", "maskedAddresses", "fileNames", "displayedAs"]);

/**
 * The end of a string or template literal that starts at `at` (its quote), or -1 when the
 * literal runs past its line.
 * @param {string} text
 * @param {number} at
 * @param {string[]} expressions - collects a template's `${…}` texts
 * @returns {number} the index after the closing quote
 */
function literalEnd(text, at, expressions) {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") i++;
    else if (ch === "\n") return -1;
    else if (ch === quote) return i + 1;
    else if (quote === "`" && ch === "$" && text[i + 1] === "{") {
      // An expression: up to its closing brace, past nested literals.
      let depth = 1;
      const start = i + 2;
      for (i = start; i < text.length && depth > 0; i++) {
        const c = text[i];
        if (c === "\n") return -1;
        if (c === "{") depth++;
        else if (c === "}") depth--;
        else if (c === '"' || c === "'" || c === "`") {
          const end = literalEnd(text, i, expressions);
          if (end < 0) return -1;
          i = end - 1;
        }
      }
      if (depth > 0) return -1;
      expressions.push(text.slice(start, i - 1));
      i--;
    }
  }
  return -1;
}

/**
 * Whether a template's expression can be left unevaluated: it assigns nothing, and it calls
 * only the given pure functions.
 * @param {string} expression
 * @param {Set<string>} [pure] - the names it may call (PURE_CALLS by default)
 * @returns {boolean}
 */
function leavable(expression, pure = PURE_CALLS) {
  const bare = expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  if (/\+\+|--|\bnew\b|\bdelete\b|\bawait\b|\byield\b/.test(bare)) return false;
  if (/(?<![=!<>])=(?![=>])/.test(bare)) return false;
  for (const m of bare.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)) if (!pure.has(m[1])) return false;
  return true;
}

/**
 * The end of a call of a pure helper that starts at `at` (`quoteList(withoutNested([...a, ...b]))`),
 * or -1 when it is not such a call or it runs past its line.
 * @param {string} text
 * @param {number} at
 * @param {Set<string>} [pure] - the helpers (PURE_CALLS by default)
 * @returns {number} the index after the closing parenthesis
 */
function pureCallEnd(text, at, pure = PURE_CALLS) {
  const name = /^([A-Za-z_$][\w$]*)\(/.exec(text.slice(at, at + 64));
  if (!name || !pure.has(name[1])) return -1;
  return scanLine(text, at + name[1].length, (c, depth, i) => {
    if (depth === 0 && (c === ")" || c === "]" || c === "}")) return c === ")" ? i + 1 : -1;
    return undefined;
  });
}

/**
 * Reads code from `at` to the end of its line, skipping string and template literals and keeping
 * the depth of brackets and braces, and gives `stop` each other character with the depth after
 * it (a closing one: the depth it closes to); the first result `stop` gives that is not
 * undefined is the answer. -1 when a literal is not closed, or on a line break where `stop`
 * gives undefined.
 * @param {string} text
 * @param {number} at
 * @param {(c: string, depth: number, i: number) => number | undefined} stop
 * @returns {number}
 */
function scanLine(text, at, stop) {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      const end = literalEnd(text, i, []);
      if (end < 0) return -1;
      i = end - 1;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    const answer = stop(c, depth, i);
    if (answer !== undefined) return answer;
    if (c === "\n") return -1;
  }
  return -1;
}

/**
 * A rule's findings with their evidence "" where it is written as a string or a template of
 * leavable expressions (`evidence: \`From ${shown(from)}; signed in as ${shown(sender)}\``), or
 * as a leavable call of a pure helper (`evidence: listFiles(media, false)`): the handler never
 * reads a finding's evidence (the Smart Alerts dialog gives the message; its context data
 * carries finding ids; see send-decision.ts, and `unreadFindingParts`), so it need not carry
 * the words nor work them out.
 * @param {string} source
 * @returns {string}
 */
function emptyEvidence(source) {
  let out = "";
  let from = 0;
  for (const m of source.matchAll(/\bevidence:[ \t]*(?=["`A-Za-z_$])/g)) {
    const at = m.index + m[0].length;
    if (at < from) continue;
    const expressions = [];
    const literal = /["`]/.test(source[at]);
    const end = literal ? literalEnd(source, at, expressions) : pureCallEnd(source, at);
    if (!literal && end >= 0) expressions.push(source.slice(at, end));
    if (end < 0 || !/^[ \t]*(?:[,}\n]|$)/.test(source.slice(end, end + 2)) || !expressions.every((e) => leavable(e))) continue;
    out += `${source.slice(from, at)}""`;
    from = end;
  }
  return out + source.slice(from);
}

/**
 * The engine's parts of a finding the handler never reads, in src/core/engine/run-rules.ts
 * (each text, then what it becomes): the evidence, masked and clipped (the Smart Alerts dialog
 * gives a finding's message; its context data carries finding ids, the events rule ids; nothing
 * else in the handler reads a finding's evidence), and the clause a message enforces (every
 * clause is empty in the handler, see `emptyQuotes`: the rule's own is the same object as far
 * as anyone can read it, keys and values). terser then also drops the masking, the clipping and
 * the table of clauses by message. The task pane, CLI and server keep both.
 */
const UNREAD_FINDING_PARTS = [
  ['evidence: d.evidence ? clip(maskResidualPersonalData(d.evidence, policy.organisation.internalDomains)) : "",', 'evidence: "",'],
  ["clause: clauseOfMessage(meta.id, d.messageId) ?? meta.clause,", "clause: meta.clause,"],
  ["...(d.fix ? { fix: d.fix } : {}),", ""],
];

/**
 * run-rules.ts with UNREAD_FINDING_PARTS left out. Throws (failing the build) when a text is
 * not there exactly once: run-rules.ts changed, and the list must follow it.
 * @param {string} source
 * @returns {string}
 */
function unreadFindingParts(source) {
  let out = source;
  for (const [text, replacement] of UNREAD_FINDING_PARTS) {
    if (out.split(text).length !== 2) throw new Error(`strip-rule-docs-loader: run-rules.ts no longer has exactly one \`${text}\` (update UNREAD_FINDING_PARTS)`);
    out = out.replace(text, () => replacement);
  }
  return out;
}

/** What working out a fix may call and still be left out: Array.prototype.map (of a record's field) and a new Set of its values. */
const FIX_CALLS = new Set(["map", "Set"]);

/**
 * Whether a fix's expression (or a const's) can be left unevaluated: `leavable`, with `new Set(…)`
 * and `map` the only calls.
 * @param {string} expression
 * @returns {boolean}
 */
function leavableFix(expression) {
  return leavable(expression.replace(/\bnew Set\(/g, "Set("), FIX_CALLS);
}

/**
 * The end of the expression that starts at `at` and ends at a comma, a closing bracket or brace
 * of the literal around it, or the end of its line; -1 when it runs past its line.
 * @param {string} text
 * @param {number} at
 * @returns {number}
 */
function expressionEnd(text, at) {
  return scanLine(text, at, (c, depth, i) => {
    if (c === "\n") return depth === 0 ? i : -1;
    if (depth < 0) return i;
    return depth === 0 && (c === "," || c === ";") ? i : undefined;
  });
}

/**
 * A rule module without the fixes its findings suggest (see the file's comment): each
 * `fix: <expression>` property whose expression is leavable (`leavableFix`) and ends on its line,
 * each shorthand `fix` property (`{ …, fix }`, a line `fix,`, `...(fix ? { fix } : {})`), then each
 * `const name = <leavable expression>;` line whose name is no longer read anywhere in the module.
 * A fix written otherwise is kept (and the handler then carries it, unread).
 * @param {string} source
 * @returns {string}
 */
function emptyFix(source) {
  const names = new Set(["fix"]);
  let out = "";
  let from = 0;
  for (const m of source.matchAll(/\bfix:[ \t]*/g)) {
    const at = m.index;
    if (at < from) continue;
    const valueAt = at + m[0].length;
    const end = expressionEnd(source, valueAt);
    if (end < 0) continue;
    const value = source.slice(valueAt, end).trim();
    if (value === "" || !leavableFix(value)) continue;
    if (/^[A-Za-z_$][\w$]*$/.test(value)) names.add(value);
    const lineStart = source.lastIndexOf("\n", at) + 1;
    if (/^[ \t]*$/.test(source.slice(lineStart, at)) && /^,?[ \t]*\n/.test(source.slice(end))) {
      // The property alone on its line: the line goes.
      out += source.slice(from, lineStart);
      from = source.indexOf("\n", end) + 1;
    } else if (source[end] === ",") {
      // `fix: x, next` inside a line: `fix: x, ` goes.
      out += source.slice(from, at);
      from = end + 1;
      while (source[from] === " " || source[from] === "\t") from++;
    } else {
      // The last property on its line: `, fix: x` goes.
      const comma = source.slice(0, at).search(/,[ \t]*$/);
      if (comma < from) continue;
      out += source.slice(from, comma);
      from = end;
      while (source[from - 1] === " " || source[from - 1] === "\t") from--;
    }
  }
  out += source.slice(from);
  out = out
    .replace(/,[ \t]*\.\.\.\(fix \? \{ fix \} : \{\}\)/g, "")
    .replace(/,[ \t]*fix(?=[ \t]*\})/g, "")
    .replace(/^[ \t]*fix,[ \t]*\n/gm, "");
  for (const name of names) {
    const declaration = new RegExp(`^[ \\t]*const ${name} = ([^\\n]*);[ \\t]*\\n`, "m");
    const d = declaration.exec(out);
    if (!d || !leavableFix(d[1])) continue;
    const rest = out.slice(0, d.index) + out.slice(d.index + d[0].length);
    if (new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\b`).test(rest)) continue;
    out = rest;
  }
  return out;
}

module.exports = function stripRuleDocs(source) {
  if (/[\\/]policy[\\/]clauses\.ts$/.test(this.resourcePath)) return emptyQuotes(source);
  if (/[\\/]engine[\\/]run-rules\.ts$/.test(this.resourcePath)) return unreadFindingParts(source);
  return emptyFix(emptyEvidence(source.replace(META_CATEGORY, "$1").replace(DESCRIPTION_LINE, "").replace(INLINE_DESCRIPTION, "").replace(SCHEMA_HELPER_DESCRIPTION, '$1("")')));
};

module.exports.emptyQuotes = emptyQuotes;
module.exports.unreadFindingParts = unreadFindingParts;
module.exports.emptyEvidence = emptyEvidence;
module.exports.emptyFix = emptyFix;
module.exports.literalEnd = literalEnd;
module.exports.pureCallEnd = pureCallEnd;
module.exports.leavable = leavable;
