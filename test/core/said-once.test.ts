/**
 * Issue 11 item 22, "say each thing once": the record check and the severity ranks live in one
 * place each (core/util/is-record.ts, core/model/severity.ts); this finds copies in src/.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

const root = join(__dirname, "../..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(relative(root, path));
  }
  return out;
}

function filesMatching(pattern: RegExp): string[] {
  return sources(join(root, "src"))
    .filter((file) => pattern.test(readFileSync(join(root, file), "utf8")))
    .sort();
}

describe("said once", () => {
  it("checks for a plain object only in core/util/is-record.ts", () => {
    const copies = filesMatching(/typeof (\w+) === "object" && \1 !== null && !Array\.isArray\(\1\)/);
    expect(copies).toEqual(["src/core/util/is-record.ts"]);
  });

  it("ranks severities only in core/model/severity.ts", () => {
    // A map from severities to numbers, in any order: { block: 0, warn: 1, … } or { off: 0, monitor: 1, … }.
    const ranks = filesMatching(/\{\s*(?:off|monitor|warn|block):\s*\d+,\s*(?:off|monitor|warn|block):\s*\d+/);
    expect(ranks).toEqual(["src/core/model/severity.ts"]);
  });

  it("writes the severity list out only in core (the type in model/finding.ts, the order in model/severity.ts)", () => {
    const lists = filesMatching(/"off",\s*"monitor"|"off"\s*\|\s*"monitor"/);
    expect(lists).toEqual(["src/core/model/finding.ts", "src/core/model/severity.ts"]);
  });
});
