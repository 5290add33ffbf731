/**
 * tone-utils on long and repetitive input: the same answers as on short text, read in one
 * pass (speed itself is measured in `npm run bench`, not here).
 */
import { compileSignals, countAddresses, findSignals, listReader, prepareText, shortWords, type CompiledSignals } from "./tone-utils";
import { clearTextCaches } from "../text/text-cache";
import { generator } from "../../../test/random";

afterEach(() => clearTextCaches());

describe("prepareText reads a letter written three or more times once", () => {
  it.each([
    ["soooo ridiculousss", "so ridiculous"],
    ["Nooo!!! Whyyyy", "no!!! why"],
    ["aa bb", "aa bb"],
    ["aaa", "a"],
    ["aaab", "ab"],
    ["baaa", "ba"],
    ["aaabbbccc", "abc"],
    ["aabbb", "aab"],
    ["111 222", "111 222"],
    ["zzzzzz zz z", "z zz z"],
  ])("%j → %j", (input, expected) => {
    expect(prepareText(input)).toBe(expected);
  });

  it("collapses as the replace of three or more of a letter does (2,000 generated texts)", () => {
    const random = generator(2026);
    const pool = ["a", "b", "z", "y", "A", "1", " ", "é", "!", "-"];
    for (let i = 0; i < 2000; i++) {
      let text = "";
      const length = Math.floor(random() * 16);
      for (let k = 0; k < length; k++) text += pool[Math.floor(random() * pool.length)] as string;
      expect([text, prepareText(text)]).toEqual([text, text.toLowerCase().normalize("NFKD").replace(/\u0301/g, "").replace(/([a-z])\1\1+/g, "$1")]);
    }
  });

  it("collapses a 1 MB run of one letter to that letter", () => {
    expect(prepareText("a".repeat(1 << 20))).toBe("a");
    expect(prepareText(`x ${"Q".repeat(1 << 20)} y`)).toBe("x q y");
  });
});

describe("findSignals with phrases tried first", () => {
  it("searches with the list's expression once per match of its own, however many of the phrases tried first there are", () => {
    const list = compileSignals({ hostile: { weight: 2, patterns: ["you never listen"] } }) as CompiledSignals;
    const tried = compileSignals({ ignore: { weight: 0, patterns: ["you never know"] } });
    const t = prepareText(`${"You never know. ".repeat(4_000)}But you never listen.`);
    const exec = jest.spyOn(RegExp.prototype, "exec");
    try {
      expect(findSignals(t, list, listReader(t, tried)).map((h) => h.text)).toEqual(["you never listen"]);
      const searches = (word: string): number => exec.mock.contexts.filter((re) => (re as RegExp).source.includes(word)).length;
      // Each expression is compiled by a search of blank text; then the list's finds its match and
      // nothing after it, and the phrases tried first are found once each, and nothing after them.
      expect(searches("listen")).toBeLessThanOrEqual(3);
      expect(searches("know")).toBeLessThanOrEqual(4_002);
    } finally {
      exec.mockRestore();
    }
  });
});

describe("shortWords", () => {
  it("keeps the words of a 1 MB run of capitals up to its length, with an ellipsis", () => {
    const caps = "WHY IS THIS NOT DONE ".repeat(50_000);
    expect(shortWords(caps, 40)).toBe("WHY IS THIS NOT DONE WHY IS THIS NOT DO…");
    expect(shortWords(caps)).toBe("WHY IS THIS NOT DONE WHY IS THIS NOT DONE WHY I…");
  });

  it("joins words single-spaced and keeps a result that fits", () => {
    expect(shortWords("  Stop -- it,\nnow!  ")).toBe("Stop it now");
    expect(shortWords("abcd efgh", 9)).toBe("abcd efgh");
    expect(shortWords("abcd efghi", 9)).toBe("abcd efg…");
    expect(shortWords("!!! ???")).toBe("");
  });
});

describe("countAddresses", () => {
  it("counts distinct addresses whatever their case", () => {
    expect(countAddresses("To: Sue <Sue.Smith@Example.org>; sue.smith@example.org, bob+x@mail.co.uk")).toBe(2);
  });

  it("reads apostrophes, % and + in the local part and stops the domain at other characters", () => {
    expect(countAddresses("o'neil@x.com, neil@x.com, a%b@y.org, c_d@z.net, d@z.net; e@f.g_h")).toBe(5);
  });

  it("needs a dotted domain with a top-level part of letters", () => {
    expect(countAddresses("a@localhost b@1.2.3.4 c@site.c0m @x.com")).toBe(0);
  });

  it("counts one address repeated over 1 MB once", () => {
    expect(countAddresses("a@b.co, ".repeat(131_072))).toBe(1);
  });

  it("counts an address written again, and again in another case, once, and still stops at the limit", () => {
    const list = ["Ann@x.org", "bob@y.co.uk", "ann@X.org", "bob@y.co.uk", "c@z.net", "Ann@x.org"].join("; ");
    expect(countAddresses(list)).toBe(3);
    expect(countAddresses(`${list}; ${list}`, 2)).toBe(2);
    // Spans that are no address ("a@localhost") are remembered too, and never counted.
    expect(countAddresses("a@localhost a@localhost a@x.com a@localhost")).toBe(1);
  });
});

describe("compileSignals: patterns that share a first word are tried after it once", () => {
  const find = (patterns: string[], text: string): { pattern: string; text: string; start: number; end: number }[] =>
    findSignals(prepareText(text), compileSignals({ g: { weight: 1, patterns } })).map(({ pattern, text: t, start, end }) => ({ pattern, text: t, start, end }));

  it("reports the pattern, its words and where it is, as the flat list did", () => {
    expect(find(["complaint from the parent", "complaint", "disgrace"], "A complaint from the parent, a disgrace.")).toEqual([
      { pattern: "complaint from the parent", text: "complaint from the parent", start: 2, end: 27 },
      { pattern: "disgrace", text: "disgrace", start: 31, end: 39 },
    ]);
    expect(find(["complaint from the parent", "complaint"], "complaint: from the parent")).toEqual([{ pattern: "complaint", text: "complaint", start: 0, end: 9 }]);
  });

  it("keeps list order between a pattern with several first words and one with a single first word", () => {
    // Longer patterns come first: "send|forward this" before "send it now".
    expect(find(["send it now", "send|forward this"], "please send this")).toEqual([{ pattern: "send|forward this", text: "send this", start: 7, end: 16 }]);
    expect(find(["send it now", "send|forward this"], "send it now")).toEqual([{ pattern: "send it now", text: "send it now", start: 0, end: 11 }]);
  });

  it("keeps list order between a word* beginning and a word it begins", () => {
    expect(find(["pathetically bad", "pathetic*"], "that was pathetically bad")).toEqual([{ pattern: "pathetically bad", text: "pathetically bad", start: 9, end: 25 }]);
    expect(find(["pathetically bad", "pathetic*"], "how pathetically slow")).toEqual([{ pattern: "pathetic*", text: "pathetically", start: 4, end: 16 }]);
  });

  it("does not read a word as another that it begins", () => {
    expect(find(["i am fed up", "if only"], "iam fed up, if only")).toEqual([{ pattern: "if only", text: "if only", start: 12, end: 19 }]);
  });
});
