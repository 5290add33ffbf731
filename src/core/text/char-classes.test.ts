/**
 * The code-point tables against the running Node's own `\p{…}`, and the lookbehind emulation
 * against real lookbehind (both only in the tests: Node has them, classic Outlook's ES2016
 * runtime does not).
 */
import {
  classBody,
  decodeRanges,
  FORMAT_RANGES,
  inRanges,
  isLetter,
  isLetterOrNumber,
  LETTER,
  LETTER_OR_NUMBER,
  LETTER_OR_NUMBER_RANGES,
  LETTER_OR_NUMBER_U,
  LETTER_RANGES,
  LETTER_U,
  LOWER,
  LOWER_RANGES,
  LOWER_U,
  MARK_RANGES,
  NUMBER_RANGES,
  removeMarks,
  subtractRanges,
  UNICODE_VERSION,
  unionRanges,
  UPPER,
  UPPER_RANGES,
  UPPER_U,
  type Ranges,
} from "./char-classes";
import { generator } from "../../../test/random";
import { charBefore, execFrom, forEachMatch, lazy, notAfter, testFrom } from "./regex-compat";

const sameUnicode = process.versions.unicode === UNICODE_VERSION;

/** Code points compared: all of them when Node has the tables' Unicode version, else the stable blocks. */
function* codePoints(): Generator<number> {
  if (sameUnicode) {
    for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield cp;
  } else {
    for (let cp = 0; cp <= 0x052f; cp++) yield cp; // Latin, Greek, Cyrillic
  }
}

describe("char-classes tables", () => {
  const cases: [string, Ranges, RegExp][] = [
    ["L", LETTER_RANGES, /^\p{L}$/u],
    ["Lu", UPPER_RANGES, /^\p{Lu}$/u],
    ["Ll", LOWER_RANGES, /^\p{Ll}$/u],
    ["N", NUMBER_RANGES, /^\p{N}$/u],
    ["L or N", LETTER_OR_NUMBER_RANGES, /^[\p{L}\p{N}]$/u],
    ["M", MARK_RANGES, /^\p{M}$/u],
    ["Cf", FORMAT_RANGES, /^\p{Cf}$/u],
  ];
  it.each(cases)("%s equals Node's \\p{…} for every code point", (_name, table, re) => {
    const wrong: string[] = [];
    for (const cp of codePoints()) {
      if (inRanges(cp, table) !== re.test(String.fromCodePoint(cp))) wrong.push(cp.toString(16));
      if (wrong.length > 10) break;
    }
    expect(wrong).toEqual([]);
  });

  it("covers Latin with its extensions, Greek, Cyrillic and other scripts", () => {
    for (const ch of "aZéÉßŁłŐőſǅȘțΩωЖжԱաאعकไ한中ᾼ") expect([ch, isLetter(ch.codePointAt(0) as number)]).toEqual([ch, true]);
    for (const ch of " .,-'’0") expect([ch, isLetter(ch.codePointAt(0) as number)]).toEqual([ch, false]);
    expect(isLetterOrNumber("7".charCodeAt(0))).toBe(true);
    expect(isLetterOrNumber("½".charCodeAt(0))).toBe(true);
    expect(isLetter(0x1d400)).toBe(true); // 𝐀, outside the BMP
  });

  it("class bodies match what \\p{…} matches, with and without the u flag", () => {
    const text = "Zoë Łukasz ΩМир 123 ½ — 𝐀!";
    expect(text.match(new RegExp(`[${LETTER}]+`, "g"))).toEqual(["Zoë", "Łukasz", "ΩМир"]);
    expect(text.match(new RegExp(`[${LETTER_U}]+`, "gu"))).toEqual(text.match(/\p{L}+/gu));
    expect(text.match(new RegExp(`[${LETTER_OR_NUMBER}]+`, "g"))).toEqual(["Zoë", "Łukasz", "ΩМир", "123", "½"]);
    expect(new RegExp(`^[${UPPER}][${LOWER}]+$`).test("Ørjan")).toBe(true);
    expect(new RegExp(`^[${UPPER}][${LOWER}]+$`).test("ørjan")).toBe(false);
    expect(classBody([0x41, 0x5a, 0xe0, 0xe0, 0x1d400, 0x1d419], true)).toBe("A-Zà-à𝐀-𝐙");
    expect(classBody([0x41, 0x5a, 0xe0, 0xe0, 0x1d400, 0x1d419], false)).toBe("A-Zà-à");
  });

  /** The class written with escapes, as a reference: `\\u0041-\\u005a\\u{1d400}-…`. */
  const escapedBody = (table: Ranges, unicode: boolean): string => {
    const escape = (cp: number): string => (cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, "0")}` : `\\u{${cp.toString(16)}}`);
    let out = "";
    for (let i = 0; i + 1 < table.length; i += 2) if (unicode || (table[i] as number) <= 0xffff) out += `${escape(table[i] as number)}-${escape(table[i + 1] as number)}`;
    return out;
  };

  it("each class body matches exactly its table's code points, with and without the u flag and i", () => {
    // The bodies are written with the characters themselves (not escapes): nothing in them may
    // be read as syntax, and the plain form must stop at the Basic Multilingual Plane.
    const cases: Array<[string, string, Ranges, boolean]> = [
      ["L", LETTER, LETTER_RANGES, false],
      ["L u", LETTER_U, LETTER_RANGES, true],
      ["L or N", LETTER_OR_NUMBER, LETTER_OR_NUMBER_RANGES, false],
      ["L or N u", LETTER_OR_NUMBER_U, LETTER_OR_NUMBER_RANGES, true],
      ["Lu", UPPER, UPPER_RANGES, false],
      ["Lu u", UPPER_U, UPPER_RANGES, true],
      ["Ll", LOWER, LOWER_RANGES, false],
      ["Ll u", LOWER_U, LOWER_RANGES, true],
    ];
    for (const [name, body, table, unicode] of cases) {
      const re = new RegExp(`^[${body}]$`, unicode ? "u" : "");
      const wrong: string[] = [];
      for (let cp = 0; cp <= (unicode ? 0x10ffff : 0xffff) && wrong.length <= 10; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        if (re.test(String.fromCodePoint(cp)) !== inRanges(cp, table)) wrong.push(cp.toString(16));
      }
      expect([name, wrong]).toEqual([name, []]);
      // With i, a body matches what the same class written with escapes matches.
      const escaped = new RegExp(`^[${escapedBody(table, unicode)}]$`, unicode ? "iu" : "i");
      const folded = new RegExp(`^[${body}]$`, unicode ? "iu" : "i");
      for (const ch of "aAzZéÉßẞſKkΣσςÅåİıǅǄǆ\\]^-[") expect([name, ch, folded.test(ch)]).toEqual([name, ch, escaped.test(ch)]);
    }
  });

  it("the plain class bodies are the Basic Multilingual Plane part of the u-flag ones, as classBody writes them", () => {
    expect(LETTER).toBe(classBody(LETTER_RANGES, false));
    expect(LETTER_OR_NUMBER).toBe(classBody(LETTER_OR_NUMBER_RANGES, false));
    expect(UPPER).toBe(classBody(UPPER_RANGES, false));
    expect(LOWER).toBe(classBody(LOWER_RANGES, false));
  });

  it("decodes and merges tables", () => {
    expect(decodeRanges("")).toEqual([]);
    expect(decodeRanges("11")).toEqual([1, 2]);
    expect(decodeRanges("00~2")).toEqual([0, 0, 1, 1, 2, 2]);
    expect(decodeRanges("X0011")).toEqual([32, 32, 34, 35]);
    expect(() => decodeRanges("!")).toThrow(/bad character class data/);
    expect(unionRanges([1, 3, 10, 12], [4, 5, 11, 20])).toEqual([1, 5, 10, 20]);
    expect(unionRanges()).toEqual([]);
    expect(unionRanges([5, 6], [], [0, 1, 7, 9])).toEqual([0, 1, 5, 9]);
  });

  it("merges tables as the set of their code points, on 500 generated tables", () => {
    const random = generator(11);
    const table = (): number[] => {
      const out: number[] = [];
      for (let at = Math.floor(random() * 5); out.length < 2 * Math.floor(random() * 6); at += 1 + Math.floor(random() * 5)) {
        const end = at + Math.floor(random() * 4);
        out.push(at, end);
        at = end;
      }
      return out;
    };
    const reference = (tables: number[][]): number[] => {
      const points = new Set<number>();
      for (const t of tables) for (let i = 0; i < t.length; i += 2) for (let cp = t[i] as number; cp <= (t[i + 1] as number); cp++) points.add(cp);
      const out: number[] = [];
      for (const cp of [...points].sort((a, b) => a - b)) {
        if (out.length > 0 && cp === (out[out.length - 1] as number) + 1) out[out.length - 1] = cp;
        else out.push(cp, cp);
      }
      return out;
    };
    for (let n = 0; n < 500; n++) {
      const tables = Array.from({ length: 1 + Math.floor(random() * 3) }, table);
      expect([tables, unionRanges(...tables)]).toEqual([tables, reference(tables)]);
    }
  });

  it("takes a table out of one that contains it, as sets of code points, on 500 generated pairs", () => {
    expect(subtractRanges([1, 10], [1, 1, 4, 5, 10, 10])).toEqual([2, 3, 6, 9]);
    expect(subtractRanges([1, 3, 7, 9], [1, 3, 8, 8])).toEqual([7, 7, 9, 9]);
    expect(subtractRanges([0, 5], [])).toEqual([0, 5]);
    const random = generator(12);
    for (let n = 0; n < 500; n++) {
      const whole: number[] = [];
      const part: number[] = [];
      const kept: number[] = [];
      // Code point by code point: in the whole table or not; if in it, in the part or not.
      let previous = "out";
      for (let cp = 0; cp < 60; cp++) {
        const r = random();
        const where = r < 0.3 ? "out" : r < 0.65 ? "part" : "kept";
        if (where !== "out") {
          if (previous === "out") whole.push(cp, cp);
          else whole[whole.length - 1] = cp;
          const list = where === "part" ? part : kept;
          if (list.length > 0 && list[list.length - 1] === cp - 1) list[list.length - 1] = cp;
          else list.push(cp, cp);
        }
        previous = where;
      }
      expect([whole, part, subtractRanges(whole, part)]).toEqual([whole, part, kept]);
    }
  });

  it("removeMarks removes combining marks, as replace(/\\p{M}/gu) does", () => {
    for (const text of ["café", "Zoë", "e\u0301\u0327", "नमस्ते", "plain", "", "a\u{1d167}b", "\u0300"]) {
      const nfkd = text.normalize("NFKD");
      expect(removeMarks(nfkd)).toBe(nfkd.replace(/\p{M}/gu, ""));
    }
  });
});

describe("regex-compat", () => {
  const word = notAfter(lazy(() => new RegExp(`^[${LETTER_OR_NUMBER_U}]$`, "iu")));

  it("emulates a leading negative lookbehind exactly", () => {
    const native = /(?<![\p{L}\p{N}])(?:ab|b|ba)(?![\p{L}\p{N}])/giu;
    const emulated = new RegExp(`(?:ab|b|ba)(?![${LETTER_OR_NUMBER_U}])`, "giu");
    const alphabet = ["a", "b", "B", " ", "1", "é", "𝐀", "-"];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let n = 0; n < 3000; n++) {
      let text = "";
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const expected = [...text.matchAll(native)].map((m) => `${m.index}:${m[0]}`);
      const actual: string[] = [];
      forEachMatch(emulated, text, (m) => void actual.push(`${m.index}:${m[0]}`), word);
      expect([text, actual]).toEqual([text, expected]);
      expect(testFrom(emulated, text, word)).toBe(expected.length > 0);
    }
  });

  it("execFrom needs a global expression; forEachMatch stops when asked and steps over empty matches", () => {
    expect(() => execFrom(/a/, "a", 0)).toThrow(/global/);
    const seen: number[] = [];
    forEachMatch(/x*/g, "ab", (m) => void seen.push(m.index));
    expect(seen).toEqual([0, 1, 2]);
    const first: string[] = [];
    forEachMatch(/\d/g, "1 2 3", (m) => {
      first.push(m[0]);
      return false;
    });
    expect(first).toEqual(["1"]);
  });

  it("charBefore reads a surrogate pair as one character only with u", () => {
    expect(charBefore("a𝐀b", 3, true)).toBe("𝐀");
    expect(charBefore("a𝐀b", 3, false)).toBe("\udc00");
    expect(charBefore("ab", 0, true)).toBe("");
  });

  it("lazy builds once, on first use", () => {
    let built = 0;
    const get = lazy(() => ++built);
    expect(built).toBe(0);
    expect(get()).toBe(1);
    expect(get()).toBe(1);
  });
});
