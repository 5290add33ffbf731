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
const loader = require("../../webpack/strip-rule-docs-loader.js") as ((this: { resourcePath: string }, source: string) => string) & { emptyQuotes: (source: string) => string };

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
