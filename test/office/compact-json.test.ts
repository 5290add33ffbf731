/**
 * webpack/compact-json.js: lists of strings in the on-send bundle's JSON data become joined
 * strings that JSON.parse's reviver splits again. What the handler reads must be exactly what
 * the data files say, so every JSON file of the core is round-tripped here.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { ROOT } from "./bundle-harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
const { compactJsonInCode, hoistJsonData, encodeJson, revive, REVIVER_SOURCE, MARKER } = require("../../webpack/compact-json.js") as {
  compactJsonInCode: (code: string) => { code: string; calls: number; lists: number };
  hoistJsonData: (code: string) => { code: string; moved: number };
  encodeJson: (json: string) => { json: string; lists: number } | { reason: string };
  revive: (key: string, value: unknown) => unknown;
  REVIVER_SOURCE: string;
  MARKER: string;
};

function jsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return jsonFiles(full);
    return e.name.endsWith(".json") ? [full] : [];
  });
}

function encoded(json: string): string {
  const result = encodeJson(json);
  if (!("json" in result)) throw new Error(`not encoded: ${result.reason}`);
  return result.json;
}

describe("encodeJson", () => {
  it("joins lists of strings with a separator none of their items contains", () => {
    expect(encoded('{"a":["x","y"],"b":["two words","more words"],"c":["a|b","c d"]}')).toBe('{"a":"` x y","b":"`|two words|more words","c":"`,a|b,c d"}');
  });

  it("leaves alone lists of one item, lists with other values, and lists whose items hold every separator", () => {
    const every = [" |,;/~^\t", "x"];
    expect(encoded(JSON.stringify({ one: ["x"], mixed: ["x", 1], every, nested: [["p", "q"], ["r", "s"]] }))).toBe(
      JSON.stringify({ one: ["x"], mixed: ["x", 1], every, nested: ["` p q", "` r s"] }),
    );
  });

  it("refuses a text where a string already starts with the marker", () => {
    expect(encodeJson(JSON.stringify({ a: ["x", "y"], b: `${MARKER}quoted` }))).toEqual({ reason: expect.stringContaining("marker") });
    expect(encodeJson(JSON.stringify({ a: 1 }))).toEqual({ reason: "no list of strings" });
  });

  it("decodes every JSON file of the core to exactly its value (same keys, order and items)", () => {
    const files = jsonFiles(path.join(ROOT, "src", "core"));
    expect(files.length).toBeGreaterThan(20);
    let joined = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      const result = encodeJson(text);
      if (!("json" in result)) continue;
      joined += result.lists;
      expect(JSON.stringify(JSON.parse(result.json, revive as (k: string, v: unknown) => unknown))).toBe(JSON.stringify(JSON.parse(text)));
    }
    expect(joined).toBeGreaterThan(50);
  });

  it("writes in the bundle a reviver that does what revive does", () => {
    const bundled = vm.runInNewContext(`(${REVIVER_SOURCE})`) as (k: string, v: unknown) => unknown;
    for (const value of ["` a b", "`|a b|c", "plain", "", 3, null, ["x"], "``"]) {
      expect(JSON.stringify(bundled("k", value))).toBe(JSON.stringify(revive("k", value)));
    }
  });
});

describe("compactJsonInCode", () => {
  const LIST = JSON.stringify(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]);
  const script = `(()=>{const a=JSON.parse('{"words":["it\\'s","fine","and","dandy","as","ever","was"],"n":[1,2],"s":"x"}'),b=JSON.parse('{"k":1}');result={a,b,c:JSON.parse("[\\"p\\",\\"q\\",\\"r\\",\\"s\\",\\"t\\",\\"u\\",\\"v\\",\\"w\\"]")}})();`;

  it("rewrites JSON.parse calls with lists of strings, declares one reviver, and gives the same values", () => {
    const out = compactJsonInCode(script);
    expect(out.calls).toBe(2);
    expect(out.code.startsWith("(()=>{var $jsonLists=")).toBe(true);
    expect(out.code).toContain("JSON.parse('{\"k\":1}')");
    const before: { result?: unknown } = {};
    const after: { result?: unknown } = {};
    vm.runInNewContext(script, before);
    vm.runInNewContext(out.code, after);
    expect(after.result).toEqual(before.result);
    expect(JSON.stringify(after.result)).toBe(JSON.stringify(before.result));
  });

  it("leaves a script without such calls as it is, and fails loudly on a bundle it cannot wrap", () => {
    expect(compactJsonInCode("(()=>{x=JSON.parse('{\"k\":1}')})();").code).toBe("(()=>{x=JSON.parse('{\"k\":1}')})();");
    expect(() => compactJsonInCode(`x=JSON.parse('${LIST}');`)).toThrow(/does not start with/);
    expect(() => compactJsonInCode(`(()=>{var $jsonLists;x=JSON.parse('${LIST}')})();`)).toThrow(/already uses/);
  });
});

describe("hoistJsonData", () => {
  // Module-level data (run once, inside IIFEs) moves; data parsed by a function that may run
  // many times, or inside a loop, must stay where it is (each call gives a fresh object).
  const script = [
    "(()=>{(()=>{",
    "const a=JSON.parse('{\"k\":[1,2,3]}');",
    "const b=(()=>JSON.parse('[\"x\"]'))();",
    "function fresh(){return JSON.parse('{\"f\":1}')}",
    "const list=[];for(let i=0;i<2;i++)list.push(JSON.parse('{\"l\":1}'));",
    "const c=x=>JSON.parse('{\"c\":2}');",
    "result={a,b,f1:fresh(),f2:fresh(),list,c1:c(),c2:c(),same:fresh()===fresh()||list[0]===list[1]||c()===c()}",
    "})()})();",
  ].join("");

  it("moves only the calls that run once to the top, and the script gives the same values", () => {
    const out = hoistJsonData(script);
    expect(out.moved).toBe(2);
    // Shortest text first.
    expect(out.code.startsWith("(()=>{var $j0=JSON.parse('[\"x\"]'),$j1=JSON.parse('{\"k\":[1,2,3]}');")).toBe(true);
    for (const stays of ["return JSON.parse('{\"f\":1}')", "list.push(JSON.parse('{\"l\":1}'))", "x=>JSON.parse('{\"c\":2}')"]) expect(out.code).toContain(stays);
    const before: { result?: unknown } = {};
    const after: { result?: unknown } = {};
    vm.runInNewContext(script, before);
    vm.runInNewContext(out.code, after);
    expect(JSON.stringify(after.result)).toBe(JSON.stringify(before.result));
    expect((after.result as { same: boolean }).same).toBe(false);
  });

  it("puts the data after the reviver, which it uses, and refuses names it would shadow", () => {
    const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"];
    const compacted = compactJsonInCode(`(()=>{const d=JSON.parse('${JSON.stringify({ words })}');result=d})();`).code;
    const out = hoistJsonData(compacted);
    expect(out.code.startsWith(`(()=>{var $jsonLists=${REVIVER_SOURCE};var $j0=JSON.parse('{"words":"\` ${words.join(" ")}"}',$jsonLists);`)).toBe(true);
    const ctx: { result?: unknown } = {};
    vm.runInNewContext(out.code, ctx);
    expect(ctx.result).toEqual({ words });
    expect(() => hoistJsonData("(()=>{const $j0=1,a=JSON.parse('{}')})();")).toThrow(/already uses the name \$j0/);
  });
});
