import { checkDraft } from "../engine/run-rules";
import { parseDraft } from "../draft/parse-draft";
import { defaultPolicy } from "../policy/default-policy";
import { clearTextCaches, textCache } from "./text-cache";

describe("textCache", () => {
  it("computes a long text's answer once, and again after the caches are emptied", () => {
    const cache = textCache(2, 10);
    let calls = 0;
    const upper = (t: string): string => {
      calls++;
      return t.toUpperCase();
    };
    const long = "a long enough text";
    expect(cache.get(long, upper)).toBe("A LONG ENOUGH TEXT");
    expect(cache.get(`${long}`, upper)).toBe("A LONG ENOUGH TEXT");
    expect(calls).toBe(1);
    clearTextCaches();
    expect(cache.get(long, upper)).toBe("A LONG ENOUGH TEXT");
    expect(calls).toBe(2);
  });

  it("keeps only the last few long texts, and the last few short ones apart from them", () => {
    const cache = textCache(2, 10);
    let calls = 0;
    const same = (t: string): string => {
      calls++;
      return t;
    };
    for (const t of ["first long text", "second long text", "third long text", "first long text"]) cache.get(t, same);
    expect(calls).toBe(4);
    for (const t of ["short", "tiny", "short", "tiny", "wee"]) cache.get(t, same);
    expect(calls).toBe(7);
    // Short texts did not push the long ones out; "short" was pushed out by "tiny" and "wee".
    for (const t of ["first long text", "third long text", "wee", "tiny"]) cache.get(t, same);
    expect(calls).toBe(7);
    expect(cache.get("short", same)).toBe("short");
    expect(calls).toBe(8);
    clearTextCaches();
    cache.get("wee", same);
    expect(calls).toBe(9);
  });

  it("answers for the further input it is told has the same answer", () => {
    const cache = textCache(4, 10);
    let calls = 0;
    const lower = (t: string): string => {
      calls++;
      return t.toLowerCase();
    };
    cache.get("MIXED Case Text", lower, (output) => output);
    expect(cache.get("mixed case text", lower)).toBe("mixed case text");
    expect(calls).toBe(1);
  });

  it("reads the newest kept answers first: a repeat, and an answer worked out from a kept one", () => {
    const cache = textCache(3, 1);
    const calls: string[] = [];
    const tag =
      (n: string) =>
      (t: string): string => {
        calls.push(t);
        return `${t}/${n}`;
      };
    // Two kept inputs an answer for "abc" can be worked out from: the newer one is used.
    cache.get("ab", tag("old"));
    cache.get("abx", tag("new"));
    const fromPrefix = (keptInput: string, keptOutput: string, input: string): string | undefined =>
      input.startsWith(keptInput.slice(0, 2)) ? `${input} from ${keptOutput}` : undefined;
    expect(cache.get("abc", tag("none"), undefined, fromPrefix)).toBe("abc from abx/new");
    expect(calls).toEqual(["ab", "abx"]);
    // Kept now, and the oldest ("ab") is dropped when a fourth comes.
    expect(cache.get("abc", tag("none"))).toBe("abc from abx/new");
    cache.get("zz", tag("z"));
    expect(cache.get("ab", tag("again"))).toBe("ab/again");
    expect(cache.get("zz", tag("none"))).toBe("zz/z");
    expect(cache.get("abc", tag("none"))).toBe("abc from abx/new");
    expect(calls).toEqual(["ab", "abx", "zz", "ab"]);
  });

  it("does not change what a check finds when the same message is checked twice", () => {
    const policy = defaultPolicy();
    const draft = parseDraft({
      from: "a.jones@norcotearlyyearscentre.co.uk",
      to: ["parent@gmail.com"],
      subject: "Trip",
      body: `THIS IS COMPLETELY UNACCEPTABLE!!! ${"Please find attached the letter. ".repeat(100)}`,
    });
    const first = checkDraft(draft, policy);
    expect(first.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["no-heated-tone", "attachment-reminder"]));
    expect(checkDraft(draft, policy)).toEqual(first);
  });
});
