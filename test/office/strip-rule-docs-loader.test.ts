/**
 * webpack/strip-rule-docs-loader.js on src/core/policy/clauses.ts: the handler's clauses are
 * the same objects as the core's (same keys in the same order), with every section, anchor
 * and quote "".
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { transformSync } from "esbuild";
import { CLAUSES } from "../../src/core/policy/clauses";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is CommonJS
const loader = require("../../webpack/strip-rule-docs-loader.js") as ((this: { resourcePath: string }, source: string) => string) & {
  emptyQuotes: (source: string) => string;
  emptyEvidence: (source: string) => string;
  emptyFix: (source: string) => string;
  unreadFindingParts: (source: string) => string;
};

const FILE = path.join(__dirname, "../../src/core/policy/clauses.ts");

/** Runs a TypeScript module's text and returns its exports. */
function evaluate(source: string): Record<string, unknown> {
  const { code } = transformSync(source, { loader: "ts", format: "cjs", target: "es2016" });
  const module = { exports: {} as Record<string, unknown> };
  vm.runInNewContext(code, { module, exports: module.exports, require: () => ({}) });
  return module.exports;
}

describe("strip-rule-docs-loader on clauses.ts", () => {
  it("gives the same clauses in the same key order, each section, anchor and quote empty", () => {
    const stripped = loader.call({ resourcePath: FILE }, fs.readFileSync(FILE, "utf8"));
    const built = evaluate(stripped).CLAUSES as Record<string, Record<string, unknown>>;
    const expected = Object.fromEntries(Object.entries(CLAUSES).map(([id, clause]) => [id, { ...clause, section: "", anchor: "", quote: "" }]));
    expect(Object.values(CLAUSES).every((clause) => JSON.stringify(Object.keys(clause)) === '["section","anchor","quote"]')).toBe(true);
    expect(JSON.stringify(built)).toBe(JSON.stringify(expected));
    // Separate objects, as in the core.
    expect(new Set(Object.values(built)).size).toBe(Object.keys(built).length);
  });

  it("writes clauses that only add a quote to a shared part as that part alone", () => {
    const stripped = loader.emptyQuotes(fs.readFileSync(FILE, "utf8"));
    expect(stripped).toMatch(/^const ETIQUETTE = \{ section: "", anchor: "", quote: "" \} as const;$/m);
    expect(stripped).toContain("disclaimer: { ...ETIQUETTE },");
    expect(stripped).not.toMatch(/\.\.\.[A-Z]+,\s*quote/);
  });

  it("leaves a spread alone when its shared part is not one it rewrote", () => {
    const source = 'const A = { section: "s", anchor: "a", note: "n" } as const;\nexport const C = { x: { ...A, quote: "q" } };\n';
    const stripped = loader.emptyQuotes(source);
    expect(stripped).toContain('{ ...A, quote: "" }');
    expect(evaluate(stripped).C).toEqual({ x: { section: "", anchor: "", note: "n", quote: "" } });
  });
});

describe("strip-rule-docs-loader on rule modules: evidence", () => {
  it("empties evidence written as a string or a template of reads and pure helpers", () => {
    const source = [
      'report({ messageId: "a", evidence: "standard disclaimer not found" });',
      'report({ field, evidence: `“${inBody}” in the message`, fix });',
      "report({ evidence: `${visible.length} outside: ${shown.join(\", \")}${more > 0 ? ` and ${more} more` : \"\"}`,",
      "  data: {} });",
      "report({ evidence: `From ${shown(from)}; ${count(n, \"a\", \"b\")} ${x === 1 ? \"\" : \"s\"}` });",
    ].join("\n");
    expect(loader.emptyEvidence(source)).toBe(
      ['report({ messageId: "a", evidence: "" });', 'report({ field, evidence: "", fix });', 'report({ evidence: "",', "  data: {} });", 'report({ evidence: "" });'].join("\n"),
    );
  });

  it("leaves evidence alone when leaving it out could change what runs, or when it is not a literal", () => {
    const kept = [
      "report({ evidence: `${next()} found` });", // a call that is not known to be pure
      "report({ evidence: `${(n = 2)} found` });", // an assignment
      "report({ evidence: `${i++} found` });",
      "report({ evidence: signs });", // not a literal
      'report({ evidence: prefixed ? `only ${q}` : "no subject" });',
      'report({ evidence: "a" + b });', // the literal is only part of the value
      "report({ evidence: `two\nlines` });",
    ];
    for (const line of kept) expect(loader.emptyEvidence(line)).toBe(line);
  });

  it("empties evidence given as a call of a pure helper whose arguments are reads and pure helpers", () => {
    const source = [
      "report({ evidence: quoteList(withoutNested([...body.evidence, ...subject.evidence])),",
      "  fix });",
      "report({ field, evidence: listFiles(media, false) });",
      "report({ evidence: recipientsText(count, lists, weight), fix: { kind: `x${count(n, \"(\", \")\")}` } });",
    ].join("\n");
    expect(loader.emptyEvidence(source)).toBe(
      ['report({ evidence: "",', "  fix });", 'report({ field, evidence: "" });', 'report({ evidence: "", fix: { kind: `x${count(n, "(", ")")}` } });'].join("\n"),
    );
  });

  it("leaves a helper's call alone when it is not known pure, calls or assigns something, or does not end the value on its line", () => {
    const kept = [
      "report({ evidence: sorted(list) });", // not a known pure helper
      "report({ evidence: listFiles(next(), false) });", // an argument calls what is not known pure
      "report({ evidence: listFiles((n = media), false) });", // an assignment
      "report({ evidence: listFiles(media.splice(0), false) });", // a method that is not known pure
      "report({ evidence: listFiles(media, false) + more });", // the call is only part of the value
      "report({ evidence: quoteList(list.map((x) => x.text)) });", // map is not known pure
      "report({ evidence: quoteList(\n  list) });", // runs past its line
      "const tally = { points: 0, evidence: [] };", // not a finding's evidence
    ];
    for (const line of kept) expect(loader.emptyEvidence(line)).toBe(line);
  });

  it("is applied to rule modules by the loader", () => {
    const file = path.join(__dirname, "../../src/core/rules/no-send-as-other.ts");
    const stripped = loader.call({ resourcePath: file }, fs.readFileSync(file, "utf8"));
    expect(fs.readFileSync(file, "utf8")).toContain("signed in as");
    expect(stripped).not.toContain("signed in as");
    expect(stripped).toContain('evidence: ""');
  });

  it("empties templates of the rules' evidence helpers", () => {
    for (const [name, helper] of [
      ["bcc-for-bulk-mail", "maskedAddresses(visible)"],
      ["no-lookalike-domain", "displayedAs(domain)"],
    ]) {
      const file = path.join(__dirname, `../../src/core/rules/${name}.ts`);
      const source = fs.readFileSync(file, "utf8");
      expect(source).toContain(`\${${helper}}`);
      expect(loader.call({ resourcePath: file }, source)).not.toContain(`\${${helper}}`);
    }
  });

  it("empties the helpers' evidence in the rules that have it", () => {
    for (const [name, helper] of [
      ["no-heated-tone", "quoteList(withoutNested("],
      ["no-media-attachment", "listFiles("],
      ["audience-size", "recipientsText("],
      ["photo-consent", "fileNames("],
    ]) {
      const file = path.join(__dirname, `../../src/core/rules/${name}.ts`);
      const source = fs.readFileSync(file, "utf8");
      expect(source).toContain(`evidence: ${helper}`);
      expect(loader.call({ resourcePath: file }, source)).not.toContain(`evidence: ${helper}`);
    }
  });
});

describe("strip-rule-docs-loader on rule modules: fixes", () => {
  it("leaves out a fix worked out by reads, map and new Set, alone on its line, inside a line or shorthand, and a const made only for it", () => {
    const source = [
      "const removeOutsiders = { kind: \"remove-recipients\", targets: outsiders.map((r) => r.email) } as const;",
      "const fix = n > 0 ? ({ kind: \"remove-recipients\", targets: outsiders } as const) : undefined;",
      "report({ field, evidence: \"\", fix: removeOutsiders });",
      "report({ fix: { kind: \"delay-send\" }, field });",
      "report({",
      "  field,",
      "  fix: { kind: \"remove-recipients\", targets: [...new Set(others.map((r) => r.email))] },",
      "  fixedAtSend: true,",
      "});",
      "report({ field, fix });",
      "report({",
      "  fix,",
      "});",
      "const base = { field: place.field, ...(fix ? { fix } : {}) };",
    ].join("\n");
    expect(loader.emptyFix(source)).toBe(
      [
        'report({ field, evidence: "" });',
        "report({ field });",
        "report({",
        "  field,",
        "  fixedAtSend: true,",
        "});",
        "report({ field });",
        "report({",
        "});",
        "const base = { field: place.field };",
      ].join("\n"),
    );
  });

  it("keeps a fix that calls or assigns anything else, runs past its line, or a const still read elsewhere", () => {
    const kept = [
      "report({ field, fix: makeFix(outsiders) });",
      "report({ field, fix: { kind: \"a\", targets: names.splice(0) } });",
      "report({ field, fix: { kind: \"a\", targets: (n = names) } });",
      "report({\n  fix: {\n    kind: \"a\",\n  },\n});",
    ];
    for (const text of kept) expect(loader.emptyFix(text)).toBe(text);
    const stillRead = "const removeOutsiders = { kind: \"a\", targets: [] } as const;\nreport({ field, fix: removeOutsiders });\nlog(removeOutsiders);";
    expect(loader.emptyFix(stillRead)).toBe("const removeOutsiders = { kind: \"a\", targets: [] } as const;\nreport({ field });\nlog(removeOutsiders);");
  });

  it("leaves no fix in any rule module, and the modules still parse", () => {
    const dir = path.join(__dirname, "../../src/core/rules");
    let had = 0;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))) {
      const file = path.join(dir, name);
      const source = fs.readFileSync(file, "utf8");
      const stripped = loader.call({ resourcePath: file }, source);
      // esbuild leaves out the comments ("a quick fix").
      const code = (text: string): string => transformSync(text, { loader: "ts", format: "esm", target: "es2018" }).code;
      if (/\bfix\b/.test(code(source))) had++;
      expect([name, /\bfix\b/.test(code(stripped))]).toEqual([name, false]);
    }
    expect(had).toBeGreaterThanOrEqual(8);
  });
});

describe("strip-rule-docs-loader on run-rules.ts: the finding parts the handler never reads", () => {
  const file = path.join(__dirname, "../../src/core/engine/run-rules.ts");

  it("gives findings an empty evidence and their rule's clause, so the masking and the clause table drop out", () => {
    const source = fs.readFileSync(file, "utf8");
    const stripped = loader.call({ resourcePath: file }, source);
    expect(source).toContain("maskResidualPersonalData(d.evidence");
    expect(stripped).toContain('evidence: "",');
    expect(stripped).toContain("clause: meta.clause,");
    expect(stripped).not.toMatch(/maskResidualPersonalData\(|clauseOfMessage\(/);
    // Nothing else changes: the same text once the parts are put back.
    expect(source).toContain("...(d.fix ? { fix: d.fix } : {}),\n");
    expect(stripped).not.toContain("d.fix ?");
    expect(stripped.replace('evidence: "",', "E").replace("clause: meta.clause,", "C")).toBe(
      source.replace(/evidence: d\.evidence \? .*,\n/, "E\n").replace(/clause: clauseOfMessage\(.*,\n/, "C\n").replace("...(d.fix ? { fix: d.fix } : {}),", ""),
    );
  });

  it("fails the build when run-rules.ts no longer has a part's text", () => {
    expect(() => loader.call({ resourcePath: file }, 'evidence: "",\nclause: meta.clause,\n')).toThrow(/UNREAD_FINDING_PARTS/);
    expect(() => loader.unreadFindingParts(fs.readFileSync(file, "utf8").replace("clauseOfMessage(meta.id", "clauseOf(meta.id"))).toThrow(/clauseOfMessage/);
  });
});
