/**
 * The ES2016 prelude's methods, run where the built-ins are missing: the results of the
 * specification for ordinary use, and a TypeError (its text is the engine's choice) where the
 * specification throws one.
 */
import * as path from "path";
import * as vm from "vm";
import { buildSync } from "esbuild";

function runtimeWithPrelude(): vm.Context {
  const context = vm.createContext({});
  vm.runInContext(
    "delete Object.entries; delete Array.prototype.flatMap; delete String.prototype.trimStart; delete String.prototype.trimEnd;",
    context,
  );
  const prelude = buildSync({ entryPoints: [path.join(__dirname, "es2016-prelude.ts")], bundle: true, write: false, format: "iife", target: "es2016" });
  vm.runInContext(prelude.outputFiles[0]?.text ?? "", context);
  return context;
}

describe("ES2016 prelude", () => {
  const context = runtimeWithPrelude();
  const run = (code: string): unknown => vm.runInContext(code, context);
  const throwsTypeError = (code: string): boolean => run(`(() => { try { ${code}; return false; } catch (e) { return e instanceof TypeError; } })()`) as boolean;

  it("fills in the missing methods, not enumerable", () => {
    for (const [owner, name] of [["Object", "entries"], ["Array.prototype", "flatMap"], ["String.prototype", "trimStart"], ["String.prototype", "trimEnd"]]) {
      expect(run(`typeof ${owner}.${name}`)).toBe("function");
      expect(run(`Object.keys(${owner}).includes(${JSON.stringify(name)})`)).toBe(false);
    }
  });

  it("gives the specification's results", () => {
    expect(JSON.parse(run('JSON.stringify(Object.entries({ a: 1, b: "x" }))') as string)).toEqual([["a", 1], ["b", "x"]]);
    expect(JSON.parse(run('JSON.stringify(Object.entries("ab"))') as string)).toEqual([["0", "a"], ["1", "b"]]);
    expect(JSON.parse(run("JSON.stringify([1, [2, 3], [[4]]].flatMap((x) => x))") as string)).toEqual([1, 2, 3, [4]]);
    expect(run('" \\t a b \\n".trimStart()')).toBe("a b \n");
    expect(run('" \\t a b \\n".trimEnd()')).toBe(" \t a b");
    expect(run('String.prototype.trimEnd.call(12)')).toBe("12");
  });

  it("throws a TypeError where the specification does", () => {
    expect(throwsTypeError("Object.entries(null)")).toBe(true);
    expect(throwsTypeError("Object.entries(undefined)")).toBe(true);
    expect(throwsTypeError("[1].flatMap(3)")).toBe(true);
    expect(throwsTypeError("String.prototype.trimStart.call(null)")).toBe(true);
    expect(throwsTypeError("String.prototype.trimEnd.call(undefined)")).toBe(true);
    expect(throwsTypeError("Object.entries({})")).toBe(false);
  });
});
