/**
 * ES2017+ built-ins the on-send bundle calls, for runtimes that lack them. Classic Outlook on
 * Windows ran the handler in Chakra, limited to ES2016, before Version 2403: there
 * `Object.entries` (ES2017), `Array.prototype.flatMap` and `String.prototype.trimStart`/`trimEnd`
 * (ES2019) are missing, and a call at module level makes the add-in "unavailable" at every Send.
 * (`Object.getOwnPropertyDescriptors`, which esbuild's object-spread helper needs, is not called:
 * webpack/one-spread-helper.js leaves that helper out.)
 *
 * Exactly the methods the built launchevent.js calls are filled in, each only when missing,
 * as a non-enumerable method that follows the specification for ordinary use. Their
 * TypeErrors carry no message: the specification leaves the text to the engine, and none of
 * the bundle's calls can meet them.
 * test/office/es2016-runtime.test.ts scans the built bundle for ES2017+ methods and fails when
 * one is called that the runtime without them does not get from here.
 *
 * This module must run before any other code of the bundle, including the syntax helpers the
 * minifier adds at the top: webpack/launchevent.config.js (PreludePlugin) compiles it on its
 * own and puts it in front of the minified launchevent.js.
 */

type Define = (target: object, name: string, value: (...args: never[]) => unknown) => void;

const define: Define = (target, name, value) => {
  if (typeof (target as Record<string, unknown>)[name] === "function") return;
  Object.defineProperty(target, name, { value, writable: true, enumerable: false, configurable: true });
};

/**
 * The specification's RequireObjectCoercible: the value, or a TypeError for null and undefined.
 * @param value - any value
 * @returns the value
 */
function coercible<T>(value: T): T {
  if (value === null || value === undefined) throw new TypeError();
  return value;
}

define(Object, "entries", function entries(o: object): [string, unknown][] {
  const object = Object(coercible(o)) as Record<string, unknown>;
  const out: [string, unknown][] = [];
  for (const key of Object.keys(object)) out.push([key, object[key]]);
  return out;
});

define(Array.prototype, "flatMap", function flatMap(this: unknown, callback: (value: unknown, index: number, array: unknown) => unknown, thisArg?: unknown): unknown[] {
  if (typeof callback !== "function") throw new TypeError();
  const list = Object(this) as ArrayLike<unknown>;
  const length = list.length >>> 0;
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) {
    if (!(i in list)) continue;
    const mapped = callback.call(thisArg, list[i], i, list);
    if (Array.isArray(mapped)) {
      for (let j = 0; j < mapped.length; j++) if (j in mapped) out.push(mapped[j]);
    } else {
      out.push(mapped);
    }
  }
  return out;
});

// `\s` is exactly ECMAScript's WhiteSpace and LineTerminator, which trimStart/trimEnd remove.
// The end is found by a loop, not `/\s+$/`, which is quadratic on long runs of spaces.
const SPACE = /\s/;

define(String.prototype, "trimStart", function trimStart(this: unknown): string {
  const s = String(coercible(this));
  let i = 0;
  while (i < s.length && SPACE.test(s.charAt(i))) i++;
  return s.slice(i);
});

define(String.prototype, "trimEnd", function trimEnd(this: unknown): string {
  const s = String(coercible(this));
  let end = s.length;
  while (end > 0 && SPACE.test(s.charAt(end - 1))) end--;
  return s.slice(0, end);
});
