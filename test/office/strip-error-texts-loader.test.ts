/**
 * webpack/strip-error-texts-loader.js: in the on-send bundle the core's errors are thrown at the
 * same places without their texts (nothing in the handler reads them); a message whose
 * evaluation could do something is left as written.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is CommonJS
const loader = require("../../webpack/strip-error-texts-loader.js") as ((source: string) => string) & {
  emptyErrorTexts: (source: string) => string;
};

const CORE = path.join(__dirname, "../../src/core");

/** The core's modules (tests left out), as paths. */
function coreModules(dir: string = CORE): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return coreModules(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("strip-error-texts-loader", () => {
  it("throws the same errors without texts written as strings or templates of reads and pure calls", () => {
    const source = [
      'if (!re.global) throw new Error("execFrom needs a global regular expression");',
      "if (d < 0) throw new Error(`${what}: \"${String.fromCharCode(code)}\" is not a base64 digit`);",
      "if (w > max) throw new RangeError('overflow');",
      "throw new TypeError(`rule ${meta.id} reported unknown messageId \"${d.messageId}\"`);",
    ].join("\n");
    expect(loader.emptyErrorTexts(source)).toBe(
      ["if (!re.global) throw new Error();", "if (d < 0) throw new Error();", "if (w > max) throw new RangeError();", "throw new TypeError();"].join("\n"),
    );
  });

  it("leaves a message alone when evaluating it could do something, when it runs past its line, or when more follows it", () => {
    const source = [
      "throw new Error(`bad ${next()} item`);",
      "throw new Error(`count ${i++}`);",
      'throw new Error("a" + describe(x));',
      "throw new Error(`two",
      "lines`);",
      "throw new Error(message);",
      "throw new PolicyError(`issues ${n}`);",
    ].join("\n");
    expect(loader.emptyErrorTexts(source)).toBe(source);
  });

  it("leaves out the text of every error the core and the published policy throw", () => {
    let texts = 0;
    for (const file of [...coreModules(), path.join(__dirname, "../../src/office/published-policy.ts")]) {
      const source = fs.readFileSync(file, "utf8");
      texts += (source.match(/\bthrow new (?:Error|RangeError|TypeError)\(["'`]/g) ?? []).length;
      const stripped = loader(source);
      expect(stripped).not.toMatch(/\bthrow new (?:Error|RangeError|TypeError)\(["'`]/);
      // Nothing else changes.
      expect(stripped.replace(/\bthrow new (\w+)\(\)/g, "")).toBe(source.replace(/\bthrow new (\w+)\((?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\\n]|\\.)*`)\)/g, ""));
    }
    expect(texts).toBeGreaterThan(20);
  });
});
