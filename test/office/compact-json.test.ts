/**
 * webpack/compact-json.js: lists of strings in the on-send bundle's JSON data become joined
 * strings that JSON.parse's reviver splits again. What the handler reads must be exactly what
 * the data files say, so every JSON file of the core is round-tripped here.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { ROOT } from "./bundle-harness";
import { mulberry32 } from "../random";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
const { compactJsonInCode, hoistJsonData, hoistCodedStrings, tailDenseData, splitStringArrays, encodeJson, revive, frontEncode, huffmanEncode, REVIVER_SOURCE, MARKER } = require("../../webpack/compact-json.js") as {
  frontEncode: (list: string[], sep: string) => string | undefined;
  compactJsonInCode: (code: string) => { code: string; calls: number; lists: number };
  hoistCodedStrings: (code: string) => { code: string; moved: number };
  tailDenseData: (code: string) => { code: string; moved: number };
  splitStringArrays: (code: string) => { code: string; arrays: number };
  huffmanEncode: (text: string) => string | undefined;
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

/** Runs a script and its rewrite, each in a fresh context from `context`, and gives what each left in `result`. */
function results(script: string, rewritten: string, context: () => { result?: unknown } = () => ({})): { before: unknown; after: unknown } {
  const before = context();
  const after = context();
  vm.runInNewContext(script, before);
  vm.runInNewContext(rewritten, after);
  return { before: before.result, after: after.result };
}

/** A context with the `decode` that the coded-string scripts call. */
const withDecode = (): { decode: (t: string) => string; result?: unknown } => ({ decode: (t: string) => `<${t}>` });

/** A coded string of `n` characters from the alphabet of the bundle's coded tables. */
const coded = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_$~"[(i * 7 + seed * 13 + ((i * i) % 11)) % 39]).join("");

/** 6,000 pseudo-random base64 characters: data that compresses like the model's weights. */
function denseText(): string {
  let seed = 1;
  let dense = "";
  for (let i = 0; i < 6000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    dense += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[seed >>> 26];
  }
  return dense;
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

  it("leaves out the leading words an item shares with the item before it", () => {
    const list = ["attached to the wall", "attached to the fence", "x y", "x y z", "x", "x y", "attached to", "attached to the gate"];
    expect(encoded(JSON.stringify({ a: list, b: ["two words", "more words"] }))).toBe(
      JSON.stringify({ a: "`+|attached to the wall|+++fence|x y|++z|x|+y|attached to|++the gate", b: "`|two words|more words" }),
    );
    expect(JSON.parse(encoded(JSON.stringify({ a: list })), revive as (k: string, v: unknown) => unknown)).toEqual({ a: list });
  });

  it("writes plainly the lists where leaving out words does not pay or could not be read back", () => {
    expect(frontEncode(["ab c", "ab d"], "|")).toBe("`+|ab c|+d");
    expect(frontEncode(["a c", "a d"], "|")).toBeUndefined(); // "+d" is no shorter than "a d"
    expect(frontEncode(["a+b c d", "a+b c e"], "|")).toBeUndefined(); // an item holds the "+"
    expect(frontEncode(["one", "one"], " ")).toBeUndefined(); // one-word items
    expect(frontEncode(["a  b c", "a  b d"], "|")).toBe("`+|a  b c|+++d");
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
    const phrases = generatedPhrases(60).map((list) => frontEncode(list, "|") ?? `\`|${list.join("|")}`);
    expect(phrases.filter((p) => p.startsWith("`+")).length).toBeGreaterThan(40);
    for (const value of ["` a b", "`|a b|c", "`+|a b|+c", "`+,a b c,++d,+e f,g", "plain", "", 3, null, ["x"], "``", ...phrases, ...generated(40).map((t) => huffmanEncode(t) ?? t)]) {
      expect(JSON.stringify(bundled("k", value))).toBe(JSON.stringify(revive("k", value)));
    }
  });
});

/** Lists of phrases over a few words, many starting with the words of the one before (deterministic). */
function generatedPhrases(count: number): string[][] {
  const random = mulberry32(11);
  const vocabulary = ["i", "am", "so", "attached", "to", "the", "", "wall", "a", "b"];
  const word = (): string => vocabulary[Math.floor(random() * vocabulary.length)] as string;
  return Array.from({ length: count }, () => {
    const list: string[] = [];
    for (let i = 0, n = 2 + Math.floor(random() * 12); i < n; i++) {
      const before = (list[i - 1] ?? "").split(" ");
      const keep = random() < 0.7 ? Math.floor(random() * (before.length + 1)) : 0;
      const words = [...before.slice(0, keep)];
      for (let j = 0, m = Math.floor(random() * 4); j < m || words.length === 0; j++) words.push(word());
      list.push(words.join(" "));
    }
    return list;
  });
}

/** Long strings over small alphabets, skewed like quantised weights (deterministic). */
function generated(count: number): string[] {
  let seed = 7;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    const alphabet = "gfhiejkdclbmanAo+/ |,;~^".slice(0, 2 + (t % 23));
    const skew = 1 + (t % 5);
    let text = "";
    for (let i = 1000 + 97 * t; i > 0; i--) text += alphabet[Math.floor(alphabet.length * Math.pow(next(), skew))];
    out.push(text);
  }
  return out;
}

describe("Huffman-coded strings (the model's weights)", () => {
  const weights = JSON.parse(fs.readFileSync(path.join(ROOT, "src", "core", "detect", "model", "weights.json"), "utf8")) as { heads: Record<string, { q: string; idx: string }> };

  it("codes the weights' quantised values smaller, and both revivers give them back exactly", () => {
    const bundled = vm.runInNewContext(`(${REVIVER_SOURCE})`) as (k: string, v: unknown) => unknown;
    const heads = Object.values(weights.heads);
    expect(heads.length).toBeGreaterThan(1);
    for (const head of heads) {
      const coded = huffmanEncode(head.q) as string;
      expect(coded.startsWith(`${MARKER}#`)).toBe(true);
      expect(coded.length).toBeLessThan(head.q.length * 0.6);
      expect(bundled("q", coded)).toBe(head.q);
      expect(revive("q", coded)).toBe(head.q);
      // Base64 of hashed buckets has 64 equally likely characters: nothing to gain, left alone.
      expect(huffmanEncode(head.idx)).toBeUndefined();
    }
  });

  it("round-trips generated strings of 2 to 24 characters, separators among them", () => {
    const bundled = vm.runInNewContext(`(${REVIVER_SOURCE})`) as (k: string, v: unknown) => unknown;
    let coded = 0;
    for (const text of generated(69)) {
      const c = huffmanEncode(text);
      if (c === undefined) continue;
      coded++;
      expect(bundled("k", c)).toBe(text);
      expect(revive("k", c)).toBe(text);
    }
    expect(coded).toBeGreaterThan(50);
  });

  it("leaves alone short strings, one repeated character, wide alphabets, text gzip does better, and characters outside the BMP", () => {
    expect(huffmanEncode("ab".repeat(400))).toBeUndefined();
    expect(huffmanEncode("a".repeat(5000))).toBeUndefined();
    expect(huffmanEncode("abcdefghijklmnopqrstuvwxyz".repeat(100))).toBeUndefined();
    expect(huffmanEncode("the cat sat on the mat and the dog sat on the log ".repeat(40))).toBeUndefined();
    expect(huffmanEncode("ab😀".repeat(600))).toBeUndefined();
  });

  it("encodes weights.json with its values coded and decodes it to exactly its value", () => {
    const text = fs.readFileSync(path.join(ROOT, "src", "core", "detect", "model", "weights.json"), "utf8");
    const json = encoded(text);
    expect((json.match(/"`#/g) ?? []).length).toBe(Object.keys(weights.heads).length);
    expect(JSON.stringify(JSON.parse(json, revive as (k: string, v: unknown) => unknown))).toBe(JSON.stringify(JSON.parse(text)));
  });
});

describe("compactJsonInCode", () => {
  const LIST = JSON.stringify(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]);
  const script = `(()=>{const a=JSON.parse('{"words":["it\\'s","fine","and","dandy","as","ever","was"],"n":[1,2],"s":"x"}'),b=JSON.parse('{"k":1}');result={a,b,c:JSON.parse("[\\"p\\",\\"q\\",\\"r\\",\\"s\\",\\"t\\",\\"u\\",\\"v\\",\\"w\\"]")}})();`;

  it("rewrites JSON.parse calls with lists of strings, declares one reviver, and gives the same values", () => {
    const out = compactJsonInCode(script);
    expect(out.calls).toBe(2);
    expect(out.code.startsWith("(()=>{function $j_(k,v){")).toBe(true);
    expect(out.code).toContain("JSON.parse('{\"k\":1}')");
    const { before, after } = results(script, out.code);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it("leaves a script without such calls as it is, and fails loudly on a bundle it cannot wrap", () => {
    expect(compactJsonInCode("(()=>{x=JSON.parse('{\"k\":1}')})();").code).toBe("(()=>{x=JSON.parse('{\"k\":1}')})();");
    expect(() => compactJsonInCode(`x=JSON.parse('${LIST}');`)).toThrow(/does not start with/);
    expect(() => compactJsonInCode(`(()=>{var $j_;x=JSON.parse('${LIST}')})();`)).toThrow(/already uses/);
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
    const { before, after } = results(script, out.code);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect((after as { same: boolean }).same).toBe(false);
  });

  it("puts dense coded data before all the word lists, whatever its length", () => {
    const dense = denseText();
    const words = Array.from({ length: 1500 }, (_, i) => `word${i % 50}`).join(" ");
    const input = `(()=>{const a=JSON.parse('${JSON.stringify({ dense })}'),b=JSON.parse('${JSON.stringify({ words })}'),c=JSON.parse('{"k":1}');result={a,b,c}})();`;
    const out = hoistJsonData(input);
    expect(out.moved).toBe(3);
    expect(out.code.indexOf('"dense"')).toBeLessThan(out.code.indexOf('"k":1'));
    expect(out.code.indexOf('"k":1')).toBeLessThan(out.code.indexOf('"words"'));
    const { before, after } = results(input, out.code);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it("puts the data first, before the reviver's (hoisted) declaration, and refuses names it would shadow", () => {
    const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"];
    const compacted = compactJsonInCode(`(()=>{const d=JSON.parse('${JSON.stringify({ words })}');result=d})();`).code;
    const out = hoistJsonData(compacted);
    expect(out.code.startsWith(`(()=>{var $j0=JSON.parse('{"words":"\` ${words.join(" ")}"}',$j_);function $j_${REVIVER_SOURCE.slice("function".length)}`)).toBe(true);
    const ctx: { result?: unknown } = {};
    vm.runInNewContext(out.code, ctx);
    expect(ctx.result).toEqual({ words });
    expect(() => hoistJsonData("(()=>{const $j0=1,a=JSON.parse('{}')})();")).toThrow(/already uses the name \$j0/);
  });
});

describe("hoistCodedStrings", () => {
  const a = coded(300, 1);
  const b = coded(400, 2);
  const c = coded(500, 3);
  const words = `${"plain words ".repeat(30)}`;

  it("moves long coded string literals that run once to the top, first, and the script gives the same values", () => {
    const input = `(()=>{var $j0=JSON.parse('[1]');(()=>{"use strict";const x=decode("${a}"),y={k:"${b}"},z="${words}";function later(){return "${c}"}globalThis.result={x,y,z,c:later(),$j0}})()})();`;
    const out = hoistCodedStrings(input);
    expect(out.moved).toBe(2);
    // In the data's declaration, first (webpack/function-order.js may reorder that declaration).
    expect(out.code.startsWith(`(()=>{var $jc0="${a}",$jc1="${b}",$j0=JSON.parse('[1]');`)).toBe(true);
    // Prose (spaces) and a literal inside a function that is not called where it is written stay.
    expect(out.code).toContain(`z="${words}"`);
    expect(out.code).toContain(`return "${c}"`);
    const { before, after } = results(input, out.code, withDecode);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it("leaves short strings, property keys and scripts without such strings alone, and refuses names it would shadow", () => {
    const plain = `(()=>{result={"${a}":1,s:"${a.slice(0, 100)}"}})();`;
    expect(hoistCodedStrings(plain)).toEqual({ code: plain, moved: 0 });
    expect(() => hoistCodedStrings(`(()=>{var $jc0=1;result="${a}"})();`)).toThrow(/already uses the name \$jc0/);
    expect(() => hoistCodedStrings(`result="${a}";`)).toThrow(/does not start with/);
    // Without hoisted data: a declaration of their own.
    expect(hoistCodedStrings(`(()=>{result="${a}"})();`).code).toBe(`(()=>{var $jc0="${a}";result=$jc0})();`);
  });
});

describe("tailDenseData", () => {
  const dense = denseText();
  const a = coded(300, 1);
  const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"];

  it("moves the coded strings and the dense JSON to a function declared last, read first, and the script gives the same values", () => {
    // What the three earlier steps make of a script with a coded string, dense JSON and word lists.
    const input = `(()=>{const d=JSON.parse('${JSON.stringify({ dense })}'),w=JSON.parse('${JSON.stringify({ words })}'),t=decode("${a}");globalThis.result={d,w,t}})();`;
    const hoisted = hoistCodedStrings(hoistJsonData(compactJsonInCode(input).code).code).code;
    const out = tailDenseData(hoisted);
    expect(out.moved).toBe(2);
    expect(out.code.startsWith("(()=>{var[$jc0,$j0]=$jd();var $j1=JSON.parse('{\"words\"")).toBe(true);
    expect(out.code.endsWith(`;function $jd(){return["${a}",JSON.parse('{"dense":"${dense}"}')]}})();`)).toBe(true);
    const { before, after } = results(input, out.code, withDecode);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect(JSON.stringify(after)).toContain(dense);
  });

  it("leaves scripts without dense data alone, adds no semicolon after one, and refuses a name it would shadow", () => {
    const plain = `(()=>{var $j0=JSON.parse('{"k":1}');result=$j0})();`;
    expect(tailDenseData(plain)).toEqual({ code: plain, moved: 0 });
    expect(tailDenseData(`(()=>{var $jc0="${a}";result=$jc0;})();`).code).toBe(`(()=>{var[$jc0]=$jd();result=$jc0;function $jd(){return["${a}"]}})();`);
    expect(tailDenseData(`(()=>{var $jc0="${a}";function f(){}})();`).code).toBe(`(()=>{var[$jc0]=$jd();function f(){}function $jd(){return["${a}"]}})();`);
    expect(() => tailDenseData(`(()=>{var $jc0="${a}";$jd=1})();`)).toThrow(/already uses the name \$jd/);
  });
});

describe("splitStringArrays", () => {
  const words = ["kind regards", "best wishes", "many thanks", "warm regards", "thanks", "cheers", "best", "regards", "yours", "love"];
  const odd = ["it's", 'a "quote"', "back\\slash", "new\nline", "\u2028sep", "tab\there", "x|y,z", "one", "two", "three", "four", "five", "six"];

  it("writes a list of strings that runs once as one string split, and the script gets the same lists", () => {
    const code = `(()=>{var a=${JSON.stringify(words)},b=(()=>${JSON.stringify(odd)})();result=[a,b]})();`;
    const out = splitStringArrays(code);
    expect(out.arrays).toBe(2);
    expect(out.code).toContain(`'${words.join("|")}'.split("|")`);
    expect(out.code.length).toBeLessThan(code.length);
    const { before, after } = results(code, out.code);
    expect(after).toEqual([words, odd]);
    expect(after).toEqual(before);
  });

  it("leaves lists in functions called later, in loops, short lists (where the split is no shorter), mixed lists and lists no separator fits", () => {
    const all = ["a b|c,d;e/f~g^h\ti", "jjjjjjjjjj", "kkkkkkkkkk"];
    const code = [
      "(()=>{",
      `function f(){return ${JSON.stringify(words)}}`,
      `for(let i=0;i<2;i++)g=${JSON.stringify(words)};`,
      'var s=["ab","cd","ef","gh"],m=["long string one",2,"long string two"],n=' + JSON.stringify(all) + ";",
      "})();",
    ].join("");
    expect(splitStringArrays(code)).toEqual({ code, arrays: 0 });
  });
});
