/**
 * webpack/one-spread-helper.js: esbuild's `__spreadProps(x, { … })` written as
 * `__spreadValues(x, { … })`, and `__spreadProps` gone. The objects built must be the same:
 * same keys in the same order, same values, same descriptors, same prototype.
 */
import * as vm from "vm";
import { transformSync } from "esbuild";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
const { oneSpreadHelper, checkAssignable, assignMinified, SPREAD_PROPS, SPREAD_VALUES } = require("../../webpack/one-spread-helper.js") as {
  oneSpreadHelper: (code: string) => { code: string; calls: number };
  checkAssignable: (code: string) => number;
  assignMinified: (code: string) => string;
  SPREAD_PROPS: string;
  SPREAD_VALUES: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- terser is CommonJS
const { minify_sync: minifySync } = require("terser") as { minify_sync: (code: string, options: object) => { code: string } };

/** Object spreads as the core writes them, with keys that overlap, symbols, methods, numbers and an inherited name. */
const SOURCE = `
const sym = Symbol.for("s");
const base = { a: 1, b: "x", [sym]: 2, 10: "ten" };
const out = [];
out.push({ ...base, b: "y", c: 3 });
out.push({ ...base, toString: "own", 2: "two" });
out.push({ first: 0, ...base, m() { return 1; }, [sym]: 5 });
out.push({ ...base, ...{ d: 4 }, e: 5 });
out.push({ ...JSON.parse('{"__proto__": {"p": 1}, "k": 2}'), k: 3 });
globalThis.result = out;
`;

/** What an object is made of: its prototype and every own key with its descriptor. */
function shape(value: unknown): unknown {
  const o = value as object;
  return {
    // Object.prototype (of the script's own realm), whose prototype is null.
    proto: Object.getPrototypeOf(Object.getPrototypeOf(o)) === null,
    keys: Reflect.ownKeys(o).map((k) => {
      const d = Object.getOwnPropertyDescriptor(o, k) as PropertyDescriptor;
      return [String(k), typeof d.value === "function" ? "function" : d.value, d.writable, d.enumerable, d.configurable];
    }),
  };
}

function run(code: string): unknown[] {
  const context = vm.createContext({});
  vm.runInContext(code, context);
  return (context as { result: unknown[] }).result.map(shape);
}

describe("one-spread-helper", () => {
  const lowered = transformSync(SOURCE, { target: "es2016", format: "iife" }).code;

  it("is given esbuild's helper as the plugin expects it", () => {
    expect(lowered).toContain(SPREAD_PROPS);
  });

  it("rewrites every call of __spreadProps, which is then gone, and the objects are the same", () => {
    const { code, calls } = oneSpreadHelper(lowered);
    expect(calls).toBe(5);
    expect(code).not.toContain("__spreadProps");
    expect(run(code)).toEqual(run(lowered));
  });

  it("refuses a getter in the literal, a __proto__ key, a target that is not new, or another use", () => {
    const helper = `${SPREAD_PROPS}\n`;
    expect(() => oneSpreadHelper(`${helper}f(__spreadProps(__spreadValues({}, a), { get x() { return 1; } }));`)).toThrow(/plain properties/);
    expect(() => oneSpreadHelper(`${helper}f(__spreadProps(__spreadValues({}, a), { __proto__: null }));`)).toThrow(/plain properties/);
    expect(() => oneSpreadHelper(`${helper}f(__spreadProps(a, { x: 1 }));`)).toThrow(/new object/);
    expect(() => oneSpreadHelper(`${helper}let g = __spreadProps;`)).toThrow(/other than by calls/);
    expect(() => oneSpreadHelper("var __spreadProps = (a, b) => Object.assign(a, b);")).toThrow(/esbuild's helper/);
  });

  it("leaves a script without the helper alone", () => {
    expect(oneSpreadHelper("let a = { ...b };")).toEqual({ code: "let a = { ...b };", calls: 0 });
  });
});

describe("one-spread-helper: Object.assign for __spreadValues", () => {
  const lowered = transformSync(SOURCE, { target: "es2016", format: "iife" }).code;
  const one = oneSpreadHelper(lowered).code;
  // As the bundle's terser options give it (webpack/launchevent.config.js).
  const minified = minifySync(one, { ecma: 2016, compress: { passes: 2, hoist_funs: true, lhs_constants: false, unsafe: true, pure_getters: true, unsafe_proto: true }, mangle: true }).code;

  it("is given esbuild's helper as the plugin expects it", () => {
    expect(lowered).toContain(SPREAD_VALUES);
    expect(checkAssignable(one)).toBe(11);
  });

  it("declares the minified helper as Object.assign, and the objects are the same but where a source has an own __proto__ key", () => {
    const code = assignMinified(minified);
    expect(code).toMatch(/var \w+=Object\.assign;/);
    expect(code).not.toContain("getOwnPropertySymbols");
    const before = run(one);
    const after = run(code);
    expect(after.slice(0, 4)).toEqual(before.slice(0, 4));
    // The one difference, which the on-send bundle never meets (see checkAssignable): the helper
    // makes an own "__proto__" property, Object.assign a new prototype.
    expect(after[4]).not.toEqual(before[4]);
    expect(() => assignMinified(one)).toThrow(/0 times/);
  });

  it("refuses a target that is not a new object of plain properties, another use, or a helper used elsewhere", () => {
    // esbuild's helpers as it declares them, up to __spreadValues.
    const helper = `${lowered.slice(lowered.indexOf("var __defProp = "), lowered.indexOf(SPREAD_VALUES) + SPREAD_VALUES.length)}\n`;
    expect(() => checkAssignable(`${helper}f(__spreadValues(a, b));`)).toThrow(/new object/);
    expect(() => checkAssignable(`${helper}f(__spreadValues({ get x() { return 1; } }, b));`)).toThrow(/new object/);
    expect(() => checkAssignable(`${helper}f(__spreadValues({ __proto__: p }, b));`)).toThrow(/new object/);
    expect(() => checkAssignable(`${helper}f(__spreadValues(__spreadValues(a, c), b));`)).toThrow(/new object/);
    expect(() => checkAssignable(`${helper}let g = __spreadValues;`)).toThrow(/other than by calls/);
    expect(() => checkAssignable(`${helper}f(__hasOwnProp.call(a, "b"));`)).toThrow(/outside the spread helpers/);
    expect(() => checkAssignable("var __spreadValues = (a, b) => Object.assign(a, b);")).toThrow(/esbuild's helper/);
  });
});
