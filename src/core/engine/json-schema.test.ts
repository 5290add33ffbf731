import { validateSchema } from "./json-schema";

/** `[[[…]]]` nested `depth` deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("validateSchema on very deep input", () => {
  it("reports a list nested 10,000 deep as an issue with its path instead of overflowing the stack", () => {
    const schema = { type: "array", uniqueItems: true, items: { type: "string" } } as const;
    const deep = nested(10_000);
    let issues: ReturnType<typeof validateSchema> = [];
    expect(() => {
      issues = validateSchema([deep, deep], schema, "rules.no-chain-mail[1].extraPhrases");
    }).not.toThrow();
    expect(issues.map((i) => i.path)).toContain("rules.no-chain-mail[1].extraPhrases[0]");
  });

  it("names a deep value that is not one of an enum's values without overflowing", () => {
    expect(() => validateSchema(nested(10_000), { enum: ["warn", "block"] }, "rules.x[0]")).not.toThrow();
    expect(validateSchema(nested(10_000), { enum: ["warn", "block"] }, "rules.x[0]")[0]?.path).toBe("rules.x[0]");
  });
});
