/**
 * Runs the built dist/launchevent.js the way classic Outlook on Windows did before Version
 * 2403: Chakra, limited to ES2016. Syntax is checked by bundle.test.ts; this test checks the
 * semantics an ES2016 parser does not see:
 * - every regular expression literal in the file is valid ES2016 (no lookbehind, `\p{…}`, `s`
 *   flag or named groups), checked by a real regular expression parser (regexpp);
 * - at run time, `RegExp` rejects the same ES2018 features, and the ES2017+ built-ins
 *   (Object.entries, Array.prototype.flatMap, String.prototype.trimEnd, …) are removed;
 * - the bundle's prelude fills in exactly the ES2017+ methods the bundle calls;
 * - every message in samples/ is handled: `completed` once, not by the failure path, and no
 *   rule reported as failed (`<rule>#error`).
 * A control shows the checks can fail: a runtime that cannot compile the letter classes makes
 * no-personal-data a failed rule, and the handler still completes.
 */
import { RegExpValidator } from "@eslint-community/regexpp";
import * as acorn from "acorn";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { parseEml } from "../../src/core/draft/eml";
import { parseDraft } from "../../src/core/draft/parse-draft";
import type { MessageDraft } from "../../src/core/model/draft";
import { ROOT, useBuiltLaunchEvent } from "./bundle-harness";
import { FakeOffice, makeEvent, type Details, type FakeOfficeOptions, type ItemData } from "./fake-office";

/** Issue 10: the detection model may take the handler bundle to 256 KiB minified. */
const MAX_BYTES = 256 * 1024;

/**
 * ES2017+ built-ins an ES2016 runtime lacks, by owner, with how a use shows in the minified
 * bundle: statics by any reference (esbuild's helpers keep `Object.getOwnPropertyDescriptors`
 * in a variable), prototype methods by a call.
 */
const ES2017_PLUS: Readonly<Record<string, readonly string[]>> = {
  Object: ["entries", "values", "fromEntries", "getOwnPropertyDescriptors", "hasOwn", "groupBy"],
  Promise: ["allSettled", "any", "withResolvers"],
  "Array.prototype": ["flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced"],
  "String.prototype": ["padStart", "padEnd", "trimStart", "trimEnd", "trimLeft", "trimRight", "matchAll", "replaceAll", "at", "isWellFormed", "toWellFormed"],
  "Promise.prototype": ["finally"],
};

type Method = Readonly<{ owner: string; name: string }>;

function allMethods(): Method[] {
  return Object.keys(ES2017_PLUS).flatMap((owner) => (ES2017_PLUS[owner] as readonly string[]).map((name) => ({ owner, name })));
}

function methodId(m: Method): string {
  return `${m.owner}.${m.name}`;
}

/**
 * The ES2017+ methods the code uses.
 * @param code - the minified bundle
 * @returns ids such as `Object.entries`, `String.prototype.trimEnd`
 */
function methodsUsed(code: string): string[] {
  const used = new Set<string>();
  for (const m of allMethods()) {
    // A method call is `.name(`, but not `...name(`: spreading what a function the minifier
    // happened to name `at` returns (`o.push(...at(n))`) calls no method.
    const pattern = m.owner.endsWith(".prototype") ? new RegExp(`(?<!\\.)\\.${m.name}\\(`) : new RegExp(`\\b${m.owner}\\.${m.name}\\b`);
    if (pattern.test(code)) used.add(methodId(m));
  }
  return [...used].sort();
}

const validator = new RegExpValidator({ ecmaVersion: 2016 });

/**
 * Why a regular expression would not compile in an ES2016 engine.
 * @param source - the pattern
 * @param flags - the flags
 * @returns the reason, or null when it is valid ES2016
 */
function es2016Problem(source: string, flags: string): string | null {
  if (/[^gimuy]/.test(flags)) return `flags "${flags}" (ES2016 has g, i, m, u and y)`;
  if (/\\[pP]\{/.test(source)) return "a Unicode property escape \\p{…}";
  if (/\(\?<[=!]/.test(source)) return "a lookbehind";
  if (/\(\?<[^=!]/.test(source) || /\\k</.test(source)) return "a named group";
  try {
    validator.validatePattern(source, 0, source.length, { unicode: flags.includes("u") });
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

type Es2016Runtime = Readonly<{
  context: vm.Context;
  fake: FakeOffice;
  /** Patterns the runtime's RegExp refused, with why. */
  refused: string[];
  /** Patterns compiled by `new RegExp` / `RegExp(…)`. */
  compiled: string[];
}>;

/**
 * A fresh global scope like classic Outlook's pre-2403 runtime: `Office`, timers, an ES2016
 * `RegExp` and no ES2017+ built-ins.
 * @param options - the fake Office's item and behaviour
 * @param alsoRefuse - more patterns to refuse (the control)
 * @returns the runtime
 */
function createEs2016Runtime(options: FakeOfficeOptions, alsoRefuse?: (source: string) => boolean): Es2016Runtime {
  const fake = new FakeOffice(options);
  const context = vm.createContext({ Office: fake.office, setTimeout, clearTimeout });
  const refused: string[] = [];
  const compiled: string[] = [];
  for (const m of allMethods()) vm.runInContext(`delete ${m.owner}.${m.name};`, context);
  vm.runInContext("delete globalThis.globalThis;", context);
  const NativeRegExp = vm.runInContext("RegExp", context) as RegExpConstructor;
  const check = (args: unknown[]): void => {
    const [pattern, flagsArg] = args;
    const isRegExp = pattern instanceof NativeRegExp;
    const source = isRegExp ? (pattern as RegExp).source : pattern === undefined ? "(?:)" : String(pattern);
    const flags = flagsArg !== undefined ? String(flagsArg) : isRegExp ? (pattern as RegExp).flags : "";
    compiled.push(`/${source}/${flags}`);
    const problem = es2016Problem(source, flags) ?? (alsoRefuse?.(source) ? "refused by the test" : null);
    if (problem !== null) {
      refused.push(`/${source.slice(0, 80)}/${flags}: ${problem}`);
      throw new SyntaxError(`Invalid regular expression: ${problem}`);
    }
  };
  context.RegExp = new Proxy(NativeRegExp, {
    construct(target, args, newTarget) {
      check(args);
      return Reflect.construct(target, args, newTarget === context.RegExp ? target : newTarget) as object;
    },
    apply(target, thisArg, args) {
      check(args);
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  return { context, fake, refused, compiled };
}

function details(r: { email: string; name?: string; type?: string }): Details {
  return { emailAddress: r.email, ...(r.name !== undefined ? { displayName: r.name } : {}), ...(r.type !== undefined ? { recipientType: r.type } : {}) };
}

/**
 * The fake Office item for a draft.
 * @param draft - a parsed sample
 * @returns the fake's options
 */
function officeFor(draft: MessageDraft): FakeOfficeOptions {
  const item: Partial<ItemData> = {
    to: draft.to.map(details),
    cc: draft.cc.map(details),
    bcc: draft.bcc.map(details),
    subject: draft.subject,
    attachments: draft.attachments.map((a) => ({ name: a.name, size: a.size ?? 0, isInline: a.isInline ?? false })),
    composeType: draft.composeType === "new" ? "newMail" : draft.composeType,
    ...(draft.bodyHtml !== undefined ? { bodyType: "html" as const, bodyHtml: draft.bodyHtml } : { bodyType: "text" as const, bodyText: draft.body }),
    ...(draft.from ? { from: details(draft.from) } : {}),
  };
  const user = draft.sender ?? draft.from;
  return { item, ...(user ? { userProfile: { emailAddress: user.email, ...(user.name !== undefined ? { displayName: user.name } : {}) } } : {}) };
}

async function readSample(file: string): Promise<MessageDraft> {
  const full = path.join(ROOT, "samples", file);
  const json = file.endsWith(".eml") ? await parseEml(fs.readFileSync(full, "utf8")) : (JSON.parse(fs.readFileSync(full, "utf8")) as unknown);
  return parseDraft(json);
}

type SendResult = Readonly<{ options: Record<string, unknown>; completions: number; findingIds: string[] }>;

/**
 * Loads the bundle in a runtime and presses Send once.
 * @param runtime - the runtime
 * @param code - launchevent.js
 * @returns the completion, how many times `completed` was called, and the finding ids shown
 */
async function send(runtime: Es2016Runtime, code: string): Promise<SendResult> {
  new vm.Script(code, { filename: "launchevent.js" }).runInContext(runtime.context);
  const handler = runtime.fake.associated.onMessageSendHandler;
  if (!handler) throw new Error("onMessageSendHandler was not associated");
  const event = makeEvent();
  handler(event);
  const options = (await event.done) as Record<string, unknown>;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const context = typeof options.contextData === "string" ? (JSON.parse(options.contextData) as { findingIds?: string[] }) : {};
  return { options, completions: event.completions.length, findingIds: context.findingIds ?? [] };
}

const built = useBuiltLaunchEvent("eg-es2016-");

describe("the ES2016 runtime of this test", () => {
  it("refuses lookbehind, \\p{…}, the s flag and named groups, and lacks ES2017+ built-ins", () => {
    const { context, refused } = createEs2016Runtime({});
    for (const [source, flags] of [
      ["(?<!a)b", ""],
      ["(?<=a)b", ""],
      ["\\p{L}", "u"],
      ["a.b", "s"],
      ["(?<year>\\d{4})", ""],
    ]) {
      expect(() => vm.runInContext(`new RegExp(${JSON.stringify(source)}, ${JSON.stringify(flags)})`, context)).toThrow(/Invalid regular expression/);
    }
    expect(refused).toHaveLength(5);
    expect(vm.runInContext('new RegExp("[\\\\u00c0-\\\\u024f]+", "giu").test("Zoë")', context)).toBe(true);
    expect(vm.runInContext("/a/ instanceof RegExp && RegExp('b') instanceof RegExp", context)).toBe(true);
    for (const m of allMethods()) expect([methodId(m), vm.runInContext(`typeof ${m.owner}.${m.name}`, context)]).toEqual([methodId(m), "undefined"]);
  });
});

describe("dist/launchevent.js in an ES2016 runtime", () => {
  it(`stays at most 256 KiB`, () => {
    expect(Buffer.byteLength(built.code())).toBeLessThanOrEqual(MAX_BYTES);
  });

  it("has only ES2016 regular expression literals", () => {
    const problems: string[] = [];
    let literals = 0;
    for (const token of acorn.tokenizer(built.code(), { ecmaVersion: "latest" })) {
      if (token.type.label !== "regexp") continue;
      literals++;
      const { pattern, flags } = (token as unknown as { value: { pattern: string; flags: string } }).value;
      const problem = es2016Problem(pattern, flags);
      if (problem !== null) problems.push(`/${pattern.slice(0, 80)}/${flags}: ${problem}`);
    }
    expect(literals).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it("loads, and its prelude fills in exactly the ES2017+ methods it calls", () => {
    const runtime = createEs2016Runtime({});
    new vm.Script(built.code(), { filename: "launchevent.js" }).runInContext(runtime.context);
    expect(Object.keys(runtime.fake.associated)).toEqual(["onMessageSendHandler"]);
    const provided = allMethods()
      .filter((m) => vm.runInContext(`typeof ${m.owner}.${m.name}`, runtime.context) === "function")
      .map(methodId)
      .sort();
    expect(provided).toEqual(methodsUsed(built.code()));
    expect(runtime.refused).toEqual([]);
  });

  const samples = fs.readdirSync(path.join(ROOT, "samples")).filter((f) => f.endsWith(".json") || f.endsWith(".eml"));

  it("has samples to run", () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(samples)("handles %s: completed once, no rule failed", async (file) => {
    const runtime = createEs2016Runtime(officeFor(await readSample(file)));
    const result = await send(runtime, built.code());
    expect(runtime.refused).toEqual([]);
    expect(result.completions).toBe(1);
    expect(result.options.errorMessage ?? "").not.toMatch(/could not finish/);
    expect(result.findingIds.filter((id) => id.endsWith("#error"))).toEqual([]);
    if (result.options.allowEvent !== true) expect(result.findingIds.length).toBeGreaterThan(0);
  });

  /** The start of the letter class built by char-classes (letters A–Z, a–z, then U+00AA ª). */
  const LETTER_CLASS_MARK = "A-Za-z\u00aa";

  it("finds personal data with the rewritten expressions (no lookbehind, no \\p{…})", async () => {
    const runtime = createEs2016Runtime(officeFor(await readSample("date-of-birth-to-webmail.eml")));
    const result = await send(runtime, built.code());
    expect(result.findingIds.some((id) => id.startsWith("no-personal-data#"))).toBe(true);
    // The letter classes were really compiled in this runtime (they start "A-Za-zª": the
    // characters themselves, not escapes, see src/core/text/char-classes.ts).
    expect(runtime.compiled.some((p) => p.includes(LETTER_CLASS_MARK))).toBe(true);
  });

  it("control: an expression the runtime cannot compile fails its rule only, and Send still completes", async () => {
    const runtime = createEs2016Runtime(officeFor(await readSample("date-of-birth-to-webmail.eml")), (source) => source.includes(LETTER_CLASS_MARK));
    const result = await send(runtime, built.code());
    expect(runtime.refused.length).toBeGreaterThan(0);
    expect(result.completions).toBe(1);
    expect(result.options.errorMessage ?? "").not.toMatch(/could not finish/);
    expect(result.findingIds).toContain("no-personal-data#error");
  });
});
