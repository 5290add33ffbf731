import {
  AMBIGUOUS_IL,
  UNKNOWN_LETTER,
  collapseRepeats,
  foldChar,
  foldLookalikeLetters,
  foldText,
  isInvisible,
  foldTextSparse,
  normalizeForMatching,
  originalOffset,
  repeatVariants,
  scanWords,
  spellingVariants,
  tokenize,
} from "./normalize";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generator } from "../../../test/random";

describe("isInvisible", () => {
  it.each([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x202e, 0x3164, 0x180e])("drops U+%s", (cp) => {
    expect(isInvisible(cp)).toBe(true);
  });
  it.each([0x41, 0x20, 0xe9, 0x0430])("keeps U+%s", (cp) => {
    expect(isInvisible(cp)).toBe(false);
  });
});

describe("foldChar", () => {
  it.each([
    ["Ａ", "a"], // fullwidth
    ["𝐟", "f"], // mathematical bold
    ["𝓯", "f"], // mathematical script
    ["ⓕ", "f"], // circled
    ["é", "e"], // accent
    ["ü", "u"],
    ["а", "a"], // Cyrillic
    ["С", "c"],
    ["ѕ", "s"],
    ["і", "i"],
    ["ο", "o"], // Greek
    ["Α", "a"],
    ["ʜ", "h"], // small capital
    ["ß", "ss"],
    ["\u{1F1EB}", "f"], // regional indicator F
    ["\u200B", ""],
  ])("%s → %s", (input, expected) => {
    expect(foldChar(input)).toBe(expected);
  });
});

describe("foldText", () => {
  it("keeps a map back to original offsets", () => {
    const text = "ab\u200Bc𝐝é";
    const folded = foldText(text);
    expect(folded.text).toBe("abcde");
    expect(Array.from(folded.offsets)).toEqual([0, 1, 3, 4, 6, 7]);
  });

  it("maps expansions to their one source character", () => {
    const folded = foldText("Straße");
    expect(folded.text).toBe("strasse");
    expect(folded.offsets[4]).toBe(4);
    expect(folded.offsets[5]).toBe(4);
  });

  it("makes texts of several chunks of units, the last one short, and keeps lone surrogates", () => {
    expect(foldText(`é${"Ab".repeat(1300)}`).text).toBe(`e${"ab".repeat(1300)}`);
    expect(foldText(`${"\ud800É".repeat(700)}Z`).text).toBe(`${"\ud800e".repeat(700)}z`);
    expect(foldLookalikeLetters(`${"ѕ\udc00".repeat(1100)}x`)).toBe(`${"s\udc00".repeat(1100)}x`);
  });

  it("keeps every character after expansions that outgrow the text's own length", () => {
    // Twenty "ß" write forty units before the ten letters: more than the text's length and its spare room.
    expect(foldText(`${"ß".repeat(20)}${"X".repeat(10)}`).text).toBe(`${"ss".repeat(20)}${"x".repeat(10)}`);
    expect(foldText(`a${"ß".repeat(40)}é${"b".repeat(30)}`).text).toBe(`a${"ss".repeat(40)}e${"b".repeat(30)}`);
  });
});

describe("tokenize", () => {
  const skeletons = (text: string): string[] => tokenize(text).map((t) => t.skeleton);

  it("splits words and drops numbers", () => {
    expect(skeletons("Hello, world! It's 2024.")).toEqual(["hello", "world", "its"]);
  });

  it("reads l33t inside words only", () => {
    expect(skeletons("5h1t $h!t a$$ sh1t! 4ever")).toEqual(["sh1t", "sh1t", "ass", "sh1t", "aever"]);
    expect(skeletons("Call 01234 567890 at 10")).toEqual(["call", "at"]);
  });

  it("trims punctuation at word edges", () => {
    expect(skeletons("*note* wow!!! |pipe| 'quoted'")).toEqual(["note", "wow", "pipe", "quoted"]);
  });

  it("marks unknown letters, but not too many", () => {
    expect(skeletons("f*ck f**k a*****b")).toEqual([`f${UNKNOWN_LETTER}ck`, `f${UNKNOWN_LETTER}${UNKNOWN_LETTER}k`, "a~~~~~b"]);
  });

  it("joins spaced-out letters", () => {
    expect(skeletons("f u c k this")).toEqual(["fuck", "this"]);
    expect(skeletons("f.u.c.k\nf-u-c-k\nf_u_c_k\nf*u*c*k\nf . u . c . k")).toEqual(["fuck", "fuck", "fuck", "fuck", "fuck"]);
    expect(skeletons("s h 1 t")).toEqual([`sh${AMBIGUOUS_IL}t`]);
    const [joined] = tokenize("say f u c k now");
    expect(joined?.joined).toBe(false);
    expect(tokenize("say f u c k now")[1]).toEqual({ skeleton: "fuck", start: 4, end: 11, joined: true });
  });

  it("joins a run of more than 64 spaced-out letters into words of 64, so a word is never a whole page", () => {
    const tokens = tokenize(`${"x ".repeat(64)}y z w`);
    expect(tokens.map((t) => t.skeleton)).toEqual(["x".repeat(64), "yzw"]);
    expect(tokens[0]).toMatchObject({ start: 0, end: 127, joined: true });
    expect(skeletons(`${"a b ".repeat(30)}f u c k`)).toEqual(["ab".repeat(30) + "fuck"]);
  });

  it("places each word read from l33t, short or long, single letters and letters kept from a run not joined", () => {
    const long = "x1".repeat(40);
    expect(tokenize(`"5h1t" ${long} 'a' b 4$$!`).map((t) => [t.skeleton, t.start, t.end])).toEqual([
      [`sh${AMBIGUOUS_IL}t`, 1, 5],
      [`x${AMBIGUOUS_IL}`.repeat(40), 7, 87],
      ["a", 89, 90],
      ["b", 92, 93],
      ["ass", 94, 97],
    ]);
  });

  it("spells a word of thousands of characters as it spells a short one (l33t, apostrophes, ¡ and €)", () => {
    const piece = "c0ach's¡€x";
    const [short] = skeletons(piece);
    expect(short).toBe(`coachs${AMBIGUOUS_IL}ex`);
    expect(skeletons(piece.repeat(1_000))).toEqual([(short as string).repeat(1_000)]);
    expect(skeletons(`f*ck${"a".repeat(100)}`)).toEqual([`f${UNKNOWN_LETTER}ck${"a".repeat(100)}`]);
  });

  it("gives each word its offsets in the original text where folding changed lengths", () => {
    // Zero-width characters (dropped), ß (two letters), styled letters (two units, one letter).
    const pieces = ["f\u200Buck", "straße", "\u{1D41F}\u{1D42E}ck", "s h 1 t", "ok", "ѕһіt", "a\u00ADb", "don’t", "x", "\u200B", "  ", ", "];
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 50; round++) {
      let text = "";
      for (let k = 0; k < 40; k++) text += pieces[Math.floor(random() * pieces.length)] + (random() < 0.7 ? " " : "");
      const folded = foldTextSparse(text);
      const seen: [number, number][] = [];
      const expected: [number, number][] = [];
      scanWords(folded, (_skeleton, from, to, start, end) => {
        seen.push([start, end]);
        expected.push([originalOffset(folded, from), originalOffset(folded, to)]);
      });
      expect({ text, seen }).toEqual({ text, seen: expected });
      expect(folded.jumpCount).toBeGreaterThan(0);
    }
  });

  it("reads a disguised word again where it comes back, with that place's offsets", () => {
    const text = "'5h1t' and 5h1t, jane@example.com; 5h1t";
    expect(tokenize(text).map((t) => [t.skeleton, text.slice(t.start, t.end)])).toEqual([
      [`sh${AMBIGUOUS_IL}t`, "5h1t"],
      ["and", "and"],
      [`sh${AMBIGUOUS_IL}t`, "5h1t"],
      ["janeaexample", "jane@example"],
      ["com", "com"],
      [`sh${AMBIGUOUS_IL}t`, "5h1t"],
    ]);
  });

  it("does not join two single letters, or letters across lines or wide gaps", () => {
    expect(skeletons("Plan A or B")).toEqual(["plan", "a", "or", "b"]);
    expect(skeletons("a\nb\nc")).toEqual(["a", "b", "c"]);
    expect(skeletons("a     b     c")).toEqual(["a", "b", "c"]);
  });

  it("reads through zero-width characters and homoglyphs, with original offsets", () => {
    const text = "x f\u200Bu\u200Dс\uFEFFk y";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.skeleton)).toEqual(["x", "fuck", "y"]);
    expect(text.slice(tokens[1]?.start, tokens[1]?.end)).toBe("f\u200Bu\u200Dс\uFEFFk");
  });

  it("removes apostrophes inside words", () => {
    expect(skeletons("don’t I'll you're")).toEqual(["dont", "ill", "youre"]);
  });
});

describe("spellingVariants", () => {
  it("returns the skeleton when there is no choice", () => {
    expect(spellingVariants("class")).toEqual(["class"]);
    expect(spellingVariants("shiitake")).toEqual(["shiitake"]);
  });

  it("reads long runs as one or two letters, the marker as i or l", () => {
    expect(spellingVariants("shiiiit")).toEqual(["shit", "shiit"]);
    expect(spellingVariants(`k${AMBIGUOUS_IL}ll`)).toEqual(["kill", "klll"]);
    expect(spellingVariants(`${AMBIGUOUS_IL}${AMBIGUOUS_IL}`)).toEqual(["ii", "il", "li", "ll"]);
  });

  it("stays within its limit on long ambiguous words", () => {
    const variants = spellingVariants(`a${AMBIGUOUS_IL}`.repeat(1000), 16);
    expect(variants.length).toBeLessThanOrEqual(16);
    expect(variants[0]).toBe("ai".repeat(1000));
  });
});

describe("repeatVariants", () => {
  it("expands only long runs", () => {
    expect(repeatVariants("fuuuck")).toEqual(["fuck", "fuuck"]);
    expect(repeatVariants(`sh${AMBIGUOUS_IL}t`)).toEqual([`sh${AMBIGUOUS_IL}t`]);
    expect(repeatVariants("aaabbbccc").length).toBeLessThanOrEqual(4);
  });
});

describe("collapseRepeats", () => {
  it("collapses runs of three or more", () => {
    expect(collapseRepeats("fuuuuck shiiit good")).toBe("fuck shit good");
    expect(collapseRepeats("fuuuuck", 2)).toBe("fuuck");
  });
});

describe("normalizeForMatching", () => {
  it.each([
    ["F.U.C.K Y0U!!!", "fuck you"],
    ["ｗａｔｃｈ  ｙｏｕｒ  ｂａｃｋ", "watch your back"],
    ["I’ll m4ke y0u p4y", "ill make you pay"],
    ["Héllo   wörld", "hello world"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeForMatching(input)).toBe(expected);
  });

  // Deterministic: the result on pathological input, not the time (npm run bench measures that).
  it.each([
    ["50 KB of one letter", "a".repeat(50_000), "a"],
    ["50 KB of exclamation marks", "!".repeat(50_000), ""],
    ["50 KB of i-or-l markers", "1l".repeat(25_000), "il".repeat(25_000)],
    // 50,000 letters, read as words of 64 letters (the last one of 16).
    ["100 KB of spaced-out letters", "f u c k ".repeat(12_500), `${`${"fuck".repeat(16)} `.repeat(781)}${"fuck".repeat(4)}`],
    ["50 KB of asterisks", `a${"*".repeat(50_000)}b`, "a~b"],
  ])("normalises %s", (_name, input, expected) => {
    expect(normalizeForMatching(input)).toBe(expected);
  });
});

describe("foldLookalikeLetters", () => {
  const LOOKALIKES = /[\u0250-\u02af\u0370-\u03ff\u0400-\u04ff\u1d00-\u1d7f]/g;
  // eslint-disable-next-line no-misleading-character-class -- the reference removes combining marks one by one
  const MARKS = /[\u0300-\u036f\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u3164\ufe0f\ufeff\uffa0]/g;
  /** What preparing text did before the one pass: marks and invisibles dropped, then look-alikes folded by replace. */
  const byReplace = (text: string): string => text.replace(MARKS, "").replace(LOOKALIKES, foldChar);
  // Every character just inside and just outside each range, and each range in full.
  const edges = [0x24f, 0x250, 0x2af, 0x2b0, 0x36f, 0x370, 0x3ff, 0x400, 0x4ff, 0x500, 0x1cff, 0x1d00, 0x1d7f, 0x1d80];
  const ranges: [number, number][] = [
    [0x250, 0x2af],
    [0x370, 0x4ff],
    [0x1d00, 0x1d7f],
  ];

  it("folds as the replace by foldChar does, character by character", () => {
    const codes = [...edges];
    for (const [from, to] of ranges) for (let c = from; c <= to; c++) codes.push(c);
    for (const c of codes) {
      const text = `x${String.fromCharCode(c)}y`;
      expect([c, foldLookalikeLetters(text)]).toEqual([c, byReplace(text)]);
    }
  });

  it("folds mixed text as the replace does (look-alikes, accents, invisibles, astral letters, lone surrogates)", () => {
    const text = "5h1t ѕһіt f\u200Buck ΡΑΣΣ Ꭺ 𝐟𝐮𝐜𝐤 é \ud800 ɑ ᴀ Привет ".repeat(50);
    expect(foldLookalikeLetters(text)).toBe(byReplace(text));
    expect(foldLookalikeLetters(text)).toContain("shit");
  });

  it("drops in the same pass what the replace of marks and invisibles before it dropped (generated texts)", () => {
    // Every character just inside and outside the dropped ranges, look-alikes, astral letters, ASCII.
    const drop = [0x2ff, 0x300, 0x34f, 0x36f, 0xac, 0xad, 0xae, 0x115e, 0x115f, 0x1160, 0x1161, 0x180d, 0x180e, 0x180f, 0x200a, 0x200b, 0x200f, 0x2010, 0x2029, 0x202a, 0x202e, 0x202f, 0x205f, 0x2060, 0x2064, 0x2065, 0x3163, 0x3164, 0x3165, 0xfe0e, 0xfe0f, 0xfe10, 0xfefe, 0xfeff, 0xff00, 0xff9f, 0xffa0, 0xffa1];
    const pool = [...drop.map((c) => String.fromCharCode(c)), ..."aé ѕһіɑᴀΡΣ5$\ud800𝐟\n"];
    const random = generator(4711);
    for (let i = 0; i < 2000; i++) {
      let text = "";
      const length = Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += pool[Math.floor(random() * pool.length)] as string;
      expect([text, foldLookalikeLetters(text)]).toEqual([text, byReplace(text)]);
    }
  });

  it("keeps every character after folds of two letters that outgrow the text's own length", () => {
    // U+1D2D (modifier capital AE) folds to "ae": twenty write forty units before the ten letters.
    expect(foldLookalikeLetters(`${"\u1d2d".repeat(20)}${"x".repeat(10)}`)).toBe(`${"ae".repeat(20)}${"x".repeat(10)}`);
    expect(foldLookalikeLetters(`y${"\u1d2d".repeat(40)}\u200b${"z".repeat(30)}`)).toBe(`y${"ae".repeat(40)}${"z".repeat(30)}`);
  });

  it("gives the text back as it is when it has no such letter", () => {
    const text = "Plain text, café, “quotes” – dash";
    expect(foldLookalikeLetters(text)).toBe(text);
    expect(foldLookalikeLetters("")).toBe("");
  });
});

describe("the long texts' copies of the loops", () => {
  // Texts over 64 KB are folded and read by copies of foldTextSparse's and scanWords' loops, so
  // that V8 compiles them from long texts (see LONG_TEXT in normalize.ts): the copies must stay
  // the same source as the loops short texts use.
  const source = readFileSync(join(__dirname, "normalize.ts"), "utf8");
  const body = (name: string): string => {
    const start = source.indexOf(`\nfunction ${name}(`);
    expect(start).toBeGreaterThan(0);
    const end = source.indexOf("\n}\n", start);
    return source.slice(source.indexOf("{\n", start), end);
  };
  it.each([
    ["foldShortText", "foldLongText"],
    ["scanShortText", "scanLongText"],
  ])("%s and %s are the same source", (short, long) => {
    expect(body(long)).toBe(body(short));
    expect(body(short).length).toBeGreaterThan(1000);
  });

  it("reads a text over 64 KB as its pieces are read", () => {
    const piece = "a b c 5h1t 4$$ f*ck ѕһіt f\u200Buck café 🙂 don’t f u c k\n";
    const long = piece.repeat(Math.ceil(70_000 / piece.length));
    expect(long.length).toBeGreaterThan(65_536);
    const one = tokenize(piece).map((t) => t.skeleton);
    const all = tokenize(long);
    expect(all.map((t) => t.skeleton)).toEqual(Array.from({ length: long.length / piece.length }, () => one).flat());
    expect(all[all.length - 1]?.end).toBe(long.length - 1);
    expect(foldTextSparse(long).text).toBe(foldTextSparse(piece).text.repeat(long.length / piece.length));
  });
});
