import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { rules } from "../../src/core/rules";
import { rulesTableMarkdown } from "../../src/cli/rules-table";

const docs = join(__dirname, "../../docs/rules");

describe("rule docs", () => {
  it("docs/rules/README.md is the table generated from meta (run `npm run docs`)", () => {
    expect(readFileSync(join(docs, "README.md"), "utf8")).toBe(rulesTableMarkdown(rules));
  });

  it.each(Object.keys(rules))("docs/rules/%s.md exists and quotes its clause", (id) => {
    const file = join(docs, `${id}.md`);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, "utf8").replace(/\s+/g, " ");
    const quote = (rules[id]?.meta.clause.quote ?? "").replace(/\s+/g, " ");
    expect(text).toContain(quote.slice(0, 40));
  });
});
