/**
 * webpack/const-to-let.js: the on-send bundle's `const` declarations are written as `let`,
 * which behaves the same as long as nothing assigns to them (checked: the build fails if
 * something does). Scripts run before and after must give the same result (the built bundle:
 * bundle-bytes.test.ts).
 */
import * as vm from "vm";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
const { constToLet } = require("../../webpack/const-to-let.js") as { constToLet: (code: string) => { code: string; declarations: number } };

/** Runs a script that sets `result` and returns it. */
function run(code: string): unknown {
  const context = vm.createContext({ result: undefined });
  new vm.Script(code).runInContext(context);
  return context.result;
}

/** Block scope, a binding per loop iteration, the temporal dead zone, shadowing, destructuring. */
const SCRIPT = [
  "(()=>{const a=1,b=[2];const fs=[];",
  "for(const i of [1,2,3])fs.push(()=>i);",
  "for(const k in {x:1,y:2})fs.push(()=>k);",
  "for(let j=0;j<2;j++){const j2=j*10;fs.push(()=>j2)}",
  "let tdz;try{tdz=typeof later;const later=1}catch(e){tdz=e.name}",
  "{const a=5;b.push(a)}",
  "const{p,q:[r]}={p:7,q:[8]};",
  "result=[a,b.join(),fs.map(f=>f()).join(),tdz,p,r].join('|')})();",
].join("");

describe("constToLet", () => {
  it("writes every const declaration as let, and the script gives the same result", () => {
    const { code, declarations } = constToLet(SCRIPT);
    expect(declarations).toBe(8);
    expect(code).not.toMatch(/\bconst\b/);
    expect(run(code)).toBe(run(SCRIPT));
    expect(run(SCRIPT)).toBe("1|2,5|1,2,3,x,y,0,10|ReferenceError|7|8");
  });

  it("refuses a script that assigns to a const (there, let would not throw where const does)", () => {
    expect(() => constToLet("(()=>{const a=1;try{a=2}catch(e){}result=a})();")).toThrow(/"a" is declared const and assigned/);
    expect(() => constToLet("(()=>{const a={n:1};for(;;){a.n++;break}result=a.n})();")).not.toThrow();
    expect(() => constToLet("(()=>{for(const i of [1]){i++}})();")).toThrow(/"i"/);
  });

  it("writes a function's leading var as let only when nothing else declares or uses its names first", () => {
    const script = [
      "(()=>{function f(e){var t;return null!=(t=e.a)?t:1}",
      "function g(e){var e;return e}",
      "function h(){var x=1;function x(){}return typeof x}",
      "function k(){var y;{var y=2}return y}",
      "function m(){n=1;var n;return n}",
      "function o(){var p=1,q=2;return p+q}",
      "function s(){u();var v=3;function u(){v=4}return v}",
      "result=[f({}),f({a:2}),g(3),h(),k(),m(),o(),s()].join()})();",
    ].join("");
    const { code } = constToLet(script);
    expect(code).toContain("function f(e){let t;");
    expect(code).toContain("function o(){let p=1,q=2;");
    for (const kept of ["function g(e){var e;", "function h(){var x=1;", "function k(){var y;", "function m(){n=1;var n;", "function s(){u();var v=3;"]) expect(code).toContain(kept);
    expect(run(code)).toBe(run(script));
    expect(run(script)).toBe("1,2,3,number,2,1,3,3");
  });

  it("leaves a script without const as it was", () => {
    const code = "(()=>{let a=1;var b=2;result=a+b})();";
    expect(constToLet(code)).toEqual({ code, declarations: 0 });
  });
});
