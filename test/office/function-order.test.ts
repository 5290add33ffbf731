/**
 * webpack/function-order.js: the on-send bundle's function declarations are written in a stored
 * order that gzips smaller. Function declarations are all created before their scope's code
 * runs, so the order must never change what a script does: checked here on scripts run before
 * and after, and on the built bundle (the stored order is applied, every function kept).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";
import { ROOT, useBuiltLaunchEvent } from "./bundle-harness";

type Found = { start: number; end: number; functions: { name: string; text: string }[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
const { applyOrder, arrange, leadingFunctions, searchOrder, signature, ORDER_FILE } = require("../../webpack/function-order.js") as {
  applyOrder: (code: string, order: string[]) => { code: string; moved: number };
  arrange: (functions: { text: string }[], order: string[]) => number[];
  leadingFunctions: (code: string) => Found | undefined;
  searchOrder: (code: string, options: { tries: number; seed?: number }) => { order: string[]; before: number; after: number };
  signature: (text: string) => string;
  ORDER_FILE: string;
};

/** A script shaped like the bundle: an arrow IIFE, "use strict", function declarations, then code. */
const SCRIPT = [
  '(()=>{"use strict";',
  "function a(e){return b(e)+1}",
  "function b(e){return e*2}",
  "function c(e){return`c:${a(e)}`}",
  "function d(){return typeof a}",
  "var n=c(3),m=d();result=[n,m,b.name,a.length].join(\"|\")",
  "})();",
].join("");

function run(code: string): unknown {
  const context = vm.createContext({ result: undefined });
  new vm.Script(code).runInContext(context);
  return context.result;
}

const sig = (name: string): string => {
  const found = leadingFunctions(SCRIPT) as Found;
  return signature((found.functions.find((f) => f.name === name) as { text: string }).text);
};

describe("leadingFunctions", () => {
  it("finds the run of declarations at the start of the scope with the most statements", () => {
    const found = leadingFunctions(SCRIPT) as Found;
    expect(found.functions.map((f) => f.name)).toEqual(["a", "b", "c", "d"]);
    expect(SCRIPT.slice(found.start, found.end)).toBe(found.functions.map((f) => f.text).join(""));
  });
});

describe("signature", () => {
  it("is the same when the minifier gives the function and its locals other short names", () => {
    expect(signature("function a(e){return b(e)+1}")).toBe(signature("function Xq(t){return Yz(t)+1}"));
  });

  it("differs when the code differs, or a long name (a property) differs", () => {
    expect(signature("function a(e){return b(e)+1}")).not.toBe(signature("function a(e){return b(e)+2}"));
    expect(signature("function a(e){return e.length}")).not.toBe(signature("function a(e){return e.size}"));
  });
});

describe("applyOrder", () => {
  it("writes the functions in the stored order, and the script gives the same result", () => {
    const order = ["d", "c", "b", "a"].map(sig);
    const { code, moved } = applyOrder(SCRIPT, order);
    expect(moved).toBe(4);
    expect((leadingFunctions(code) as Found).functions.map((f) => f.name)).toEqual(["d", "c", "b", "a"]);
    expect(run(code)).toBe(run(SCRIPT));
    expect(run(SCRIPT)).toBe("c:7|function|b|1");
  });

  it("keeps a function the order does not know right after the one before it in the script", () => {
    // b unknown: it follows a wherever a goes.
    const order = ["c", "a", "d"].map(sig);
    const { code } = applyOrder(SCRIPT, order);
    expect((leadingFunctions(code) as Found).functions.map((f) => f.name)).toEqual(["c", "a", "b", "d"]);
    // Nothing known: webpack's order.
    expect(applyOrder(SCRIPT, ["0000000000000000"]).code).toBe(SCRIPT);
  });

  it("leaves a script alone when two declarations share a name (the later one wins, so order matters)", () => {
    const twice = '(()=>{"use strict";function a(){return 1}function b(){return 0}function a(){return 2}result=a()})();';
    const found = leadingFunctions(twice) as Found;
    const reversed = [...found.functions].reverse().map((f) => signature(f.text));
    expect(applyOrder(twice, reversed).code).toBe(twice);
    expect(run(twice)).toBe(2);
  });

  it("never loses or repeats a function, whatever the order lists", () => {
    const functions = ["function a(){}", "function b(){1}", "function c(){2}", "function d(){3}", "function e(){4}"].map((text) => ({ text }));
    const sigs = functions.map((f) => signature(f.text));
    for (const order of [[], [sigs[3]], [sigs[4], sigs[0]], [...sigs].reverse(), [sigs[2], sigs[2], "x"]] as string[][]) {
      const arranged = arrange(functions, order);
      expect([...arranged].sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });
});

describe("searchOrder", () => {
  it("finds an order that deflates no larger, the same one each time", () => {
    const body = Array.from({ length: 12 }, (_, i) => `function f${String.fromCharCode(97 + i)}(e){return e.${i % 2 ? "startsWith" : "endsWith"}("${"xyz".repeat(i)}")+${i}}`).join("");
    const code = `(()=>{"use strict";${body}result=1})();`;
    const first = searchOrder(code, { tries: 60, seed: 3 });
    expect(first.after).toBeLessThanOrEqual(first.before);
    expect(first.before).toBe(zlib.deflateSync(code, { level: 9 }).length);
    expect(searchOrder(code, { tries: 60, seed: 3 }).order).toEqual(first.order);
    const reordered = applyOrder(code, first.order).code;
    expect(zlib.deflateSync(reordered, { level: 9 }).length).toBe(first.after);
  });
});

describe("webpack/function-order.json and the built bundle", () => {
  const built = useBuiltLaunchEvent("eg-function-order-");

  it("stores signatures only", () => {
    const data = JSON.parse(fs.readFileSync(ORDER_FILE, "utf8")) as { order: unknown };
    expect(path.dirname(ORDER_FILE)).toBe(path.join(ROOT, "webpack"));
    expect(Array.isArray(data.order)).toBe(true);
    for (const s of data.order as unknown[]) expect(s).toMatch(/^[0-9a-f]{16}$/);
  });

  it("has the bundle's functions in the stored order where it knows them", () => {
    const order = (JSON.parse(fs.readFileSync(ORDER_FILE, "utf8")) as { order: string[] }).order;
    const found = leadingFunctions(built.code()) as Found;
    expect(found.functions.length).toBeGreaterThan(100);
    const rank = new Map(order.map((s, i) => [s, i] as const));
    const ranks = found.functions.map((f) => rank.get(signature(f.text))).filter((r): r is number => r !== undefined);
    expect(ranks.length).toBeGreaterThan(10);
    // Increasing (a signature listed twice may keep either place).
    const outOfOrder = ranks.filter((r, i) => i > 0 && r < (ranks[i - 1] as number));
    expect(outOfOrder.length).toBeLessThanOrEqual(order.length - new Set(order).size);
    // Applying the order again changes nothing.
    expect(applyOrder(built.code(), order).code).toBe(built.code());
  });
});
