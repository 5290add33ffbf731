/**
 * The compiled phrase lists are written by first word and first letter, with a lookahead over
 * their first words for long texts, so that text is read quickly; these tests check that this
 * changes no result (same hits as the flat alternation of the patterns, on generated text made
 * of the lists' own words), and that prepared text is the same whether or not it was kept from
 * an earlier call.
 */
import chain from "../data/chain-mail/phrases.en.json";
import commitment from "../data/commitment/phrases.en.json";
import complaint from "../data/complaint/phrases.en.json";
import heated from "../data/tone/heated.en.json";
import { capsRuns, compileSignals, findSignals, listReader, prepareText, punctuationBursts, shortWords, type CompiledSignals, type SignalData } from "./tone-utils";
import { generator } from "../../../test/random";

const LISTS: Record<string, SignalData> = {
  "chain-mail": chain.groups as SignalData,
  commitment: commitment.groups,
  complaint: complaint.groups,
  tone: heated.groups,
};

function patternsOf(data: SignalData): string[] {
  return Object.values(data).flatMap((g) => [...g.patterns]);
}

/** The words of the patterns, as text would spell them (`e_mail` → "e mail", `pathetic*` → "pathetically"). */
function wordsOf(data: SignalData): string[] {
  const words = new Set<string>(["the", "a", "and", "7", "twenty", "x"]);
  for (const pattern of patternsOf(data)) {
    for (const slot of pattern.split(" ")) {
      for (const alternative of slot.replace(/\?$/, "").split("|")) {
        if (alternative === "#" || alternative === "*") continue;
        words.add(alternative.replace(/\*$/, "ly").split("_").join(" "));
        if (alternative.endsWith("*")) words.add(alternative.slice(0, -1));
      }
    }
  }
  return [...words];
}

const SEPARATORS = [" ", " ", " ", "  ", "\n", "-", "’", ". ", ", ", "!", "é", "", "*"];

/** Text a pattern matches (or nearly: the separators are random), e.g. `forward this to 7 people`. */
function instance(pattern: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words: string[] = [];
  for (const slot of pattern.split(" ")) {
    if (slot.endsWith("?") && random() < 0.5) continue;
    const alternative = pick(slot.replace(/\?$/, "").split("|"));
    words.push(alternative === "#" ? pick(["7", "ten"]) : alternative === "*" ? "word" : alternative.replace(/\*$/, "ly").split("_").join(" "));
  }
  return words.join(pick([" ", " ", "  ", "-"]));
}

function text(random: () => number, words: readonly string[], patterns: readonly string[]): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let out = random() < 0.3 ? pick(SEPARATORS) : "";
  const count = 10 + Math.floor(random() * 60);
  for (let i = 0; i < count; i++) out += (random() < 0.1 ? instance(pick(patterns), random) : pick(words)) + pick(SEPARATORS);
  return out;
}

/**
 * The list compiled as one flat alternation of its patterns, in the order they are tried
 * (`(?:(p1)|(p2)|…)(?!\w)`, no first-word lookahead, no branches by first word or letter): a
 * pattern starting with a number, which no generated text holds, leaves the list ungrouped.
 */
function flat(data: SignalData): CompiledSignals {
  const compiled = compileSignals(data, [["zz", "# zzqqxx"]]) as CompiledSignals;
  expect(compiled.source.startsWith("(?:(")).toBe(true);
  expect(compiled.long).toBeUndefined();
  return compiled;
}

describe("compileSignals: branches by first word and letter, and the first-word lookahead", () => {
  for (const [name, data] of Object.entries(LISTS)) {
    it(`finds the same hits as the flat alternation (${name}, 1,500 generated texts; 150 longer than 64 KB)`, () => {
      const grouped = compileSignals(data) as CompiledSignals;
      // Long texts read the branches by letter in expressions short enough for V8 to optimise:
      // several for the chain list and for the heated rule's lists all in one (the rule splits them in six).
      expect((grouped.long?.length ?? 0) > 1).toBe(name === "chain-mail" || name === "tone");
      expect(grouped.long?.flatMap((l) => l.captures)).toEqual(expect.arrayContaining([...grouped.captures]));
      const plain = flat(data);
      const words = wordsOf(data);
      const patterns = patternsOf(data);
      const random = generator(name.length * 7919);
      const where = (h: ReturnType<typeof findSignals>[number]): string => `${h.group} ${h.pattern} ${h.text} @${h.start}-${h.end}`;
      let hits = 0;
      for (let i = 0; i < 1500; i++) {
        // One in ten is read by the long texts' expressions (the gaps as a class), past 64 KB by a full
        // stop and a long word, which the flat alternation reads quickly.
        const t = prepareText(text(random, words, patterns)) + (i % 10 === 0 ? `.${"x".repeat(65_600)}` : "");
        const expected = findSignals(t, plain).map(where);
        hits += expected.length;
        expect([t.trim(), findSignals(t, grouped).map(where)]).toEqual([t.trim(), expected]);
      }
      expect(hits).toBeGreaterThan(1500);
    });
  }

  it("is left out when a first slot is not plain words", () => {
    const list = (...patterns: string[]): CompiledSignals => compileSignals({ g: { weight: 1, patterns } }) as CompiledSignals;
    for (const flatList of [list("you are", "very? rude"), list("you are", "# people"), list("you are", "* people")]) {
      expect([flatList.source.startsWith("(?:("), flatList.keys, flatList.long]).toEqual([true, undefined, undefined]);
    }
    expect(list("pathetic* people", "e_mail this").keys).toEqual(["p", "e"]);
  });
});

/**
 * Hits of a compiled list read from the text itself, with every ` +` gap written as the class
 * of characters that may stand between words: what the expressions were before they read a
 * copy of the text with those characters as spaces.
 */
function hitsWithGapClass(prepared: string, compiled: CompiledSignals): ReturnType<typeof findSignals> {
  expect(compiled.source).toContain(" +");
  const re = new RegExp(`(?:^|[^a-z0-9\\u00c0-\\u1fff])${compiled.source.split(" +").join("[^a-z0-9\\u00c0-\\u1fff.,;:!?]+")}`, "g");
  const seen = new Set<string>();
  const hits: ReturnType<typeof findSignals> = [];
  for (let m = re.exec(prepared); m !== null; m = re.exec(prepared)) {
    let k = 1;
    while (m[k] === undefined) k++;
    const matched = (compiled.keys?.[k - 1] ?? "") + (m[k] as string);
    const [group, pattern] = compiled.captures[k - 1] as readonly [string, string];
    const end = m.index + m[0].length;
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    hits.push({ group, pattern, text: matched.match(/[a-z0-9\u00c0-\u1fff]+/g)?.join(" ") ?? "", start: end - matched.length, end });
  }
  return hits;
}

/** Characters that may stand between the words of a phrase, and some that may not. */
const GAPS = ["\t", "(", ")", "\"", "“", "/", "\u00a0", "_", "&", "'", "-", "\r\n", "…", "—", "+", "é", ".", ",", "!", "?", ";", ":"];

describe("findSignals: gaps between words", () => {
  for (const [name, data] of Object.entries(LISTS)) {
    it(`finds what the expression with the full gap class finds in the text itself (${name}, 1,000 generated texts)`, () => {
      const compiled = compileSignals(data) as CompiledSignals;
      const words = wordsOf(data);
      const patterns = patternsOf(data);
      const random = generator(name.length * 104_729);
      let hits = 0;
      for (let i = 0; i < 1000; i++) {
        const spaced = text(random, words, patterns).replace(/ /g, (space) => (random() < 0.15 ? (GAPS[Math.floor(random() * GAPS.length)] as string) : space));
        const t = prepareText(spaced);
        const expected = hitsWithGapClass(t, compiled);
        hits += expected.length;
        const where = (h: (typeof expected)[number]): string => `${h.group} ${h.pattern} @${h.start}-${h.end}`;
        expect([t, findSignals(t, compiled).map(where)]).toEqual([t, expected.map(where)]);
      }
      expect(hits).toBeGreaterThan(1000);
    });

    it(`finds the same in texts too long for the gapped copy (${name})`, () => {
      const compiled = compileSignals(data) as CompiledSignals;
      const words = wordsOf(data);
      const patterns = patternsOf(data);
      const random = generator(name.length * 7);
      let long = "";
      while (long.length < 70_000) long += text(random, words, patterns).replace(/ /g, (space) => (random() < 0.15 ? (GAPS[Math.floor(random() * GAPS.length)] as string) : space));
      const t = prepareText(long);
      const where = (h: ReturnType<typeof findSignals>[number]): string => `${h.group} ${h.pattern} @${h.start}-${h.end}`;
      const expected = hitsWithGapClass(t, compiled).map(where);
      expect(expected.length).toBeGreaterThan(20);
      expect(findSignals(t, compiled).map(where)).toEqual(expected);
      // The same text cut short enough for the copy gives what the long one gives up to there.
      const head = t.slice(0, 60_000);
      expect(findSignals(head, compiled).map(where)).toEqual(hitsWithGapClass(head, compiled).map(where));
    });
  }
});

describe("findSignals: phrases tried first, read once for several lists", () => {
  // The heated rule's innocent phrases (weight 0) are one expression read before each part's:
  // each part must find what it found with them written first in its own expression.
  const innocent = Object.fromEntries(Object.entries(heated.groups).filter(([, g]) => g.weight === 0)) as SignalData;
  const weighted = Object.entries(heated.groups).filter(([, g]) => g.weight > 0);
  const halves = [weighted.slice(0, 8), weighted.slice(8)].map((groups) => Object.fromEntries(groups) as SignalData);
  const where = (h: ReturnType<typeof findSignals>[number]): string => `${h.group} ${h.pattern} ${h.text} @${h.start}-${h.end}`;
  const ownHits = (t: string, part: SignalData): string[] =>
    findSignals(t, compileSignals({ ...innocent, ...part }))
      .filter((h) => !(h.group in innocent))
      .map(where);

  it("finds in each list what the list with them written first finds, less their own matches (1,000 generated texts; 100 longer than 64 KB)", () => {
    const tried = compileSignals(innocent);
    const lists = halves.map((part) => compileSignals(part));
    const words = wordsOf(heated.groups);
    const patterns = patternsOf(heated.groups);
    const innocentPatterns = patternsOf(innocent);
    const random = generator(2_027);
    let found = 0;
    for (let i = 0; i < 1000; i++) {
      // Innocent phrases are written often, and in front of and inside weighted ones.
      let t = text(random, words, patterns);
      for (let k = 0; k < 3; k++) t = t.replace(/ /, ` ${instance(innocentPatterns[Math.floor(random() * innocentPatterns.length)] as string, random)} `);
      t = prepareText(t + (i % 10 === 0 ? `.${"x".repeat(65_600)} ${t}` : ""));
      const reader = listReader(t, tried);
      const got = lists.map((list) => findSignals(t, list, reader).map(where));
      const expected = halves.map((part) => ownHits(t, part));
      found += expected.flat().length;
      expect([t.slice(0, 300), got]).toEqual([t.slice(0, 300), expected]);
    }
    expect(found).toBeGreaterThan(1000);
  });

  it("reads past a phrase tried first, as the list would have: no listed phrase is found inside it", () => {
    const list = compileSignals({ hostile: { weight: 2, patterns: ["you never"] } });
    const tried = compileSignals({ ignore: { weight: 0, patterns: ["you never know"] } });
    const t = prepareText("You never know, it might rain. But you never listen.");
    expect(findSignals(t, list, listReader(t, tried)).map((h) => h.start)).toEqual([t.indexOf("you never listen")]);
    expect(findSignals(t, list).map((h) => h.start)).toEqual([0]);
  });
});

describe("prepareText", () => {
  it("gives the same text whether or not it was kept from an earlier call", () => {
    const long = `SOOOO Ridiculousss — Café ${"word ".repeat(100)}`;
    const other = `${"other ".repeat(100)}Nooo`;
    const first = prepareText(long);
    prepareText(other);
    prepareText("short Sooo");
    expect(prepareText(long)).toBe(first);
    expect(first.startsWith("so ridiculous — cafe ")).toBe(true);
    expect(prepareText(other).endsWith("no")).toBe(true);
    expect(prepareText("short Sooo")).toBe("short so");
  });
});

describe("capsRuns: runs of words in capitals, with their offsets", () => {
  const none = new Set<string>();
  const acronyms = new Set(["SEN", "NHS", "EYFS"]);

  it("finds a run inside a sentence, ended by a word in lower case", () => {
    expect(capsRuns("This is NOT ACCEPTABLE at all", none, 1)).toEqual([{ shouted: 2, text: "NOT ACCEPTABLE", wholeLine: false, start: 8, end: 22 }]);
  });

  it("marks a run that is a whole line, ended by a line break", () => {
    expect(capsRuns("WHY HAS NOBODY REPLIED\nThanks", none, 2)).toEqual([{ shouted: 4, text: "WHY HAS NOBODY REPLIED", wholeLine: true, start: 0, end: 22 }]);
  });

  it("finds a whole line after lower-case text on the line before (the scan jumps to the capital)", () => {
    expect(capsRuns("hello\nPLEASE STOP\nthanks", none, 1)).toEqual([{ shouted: 2, text: "PLEASE STOP", wholeLine: true, start: 6, end: 17 }]);
  });

  it("does not call a run a whole line when a word stands before it on its line", () => {
    expect(capsRuns("ok so WHY", none, 1)).toEqual([{ shouted: 1, text: "WHY", wholeLine: false, start: 6, end: 9 }]);
    // A number before the run is a word on the line too.
    expect(capsRuns("2 BIG PROBLEMS", none, 1)).toEqual([{ shouted: 2, text: "BIG PROBLEMS", wholeLine: false, start: 2, end: 14 }]);
  });

  it("keeps short words in the run without counting them", () => {
    expect(capsRuns("I AM SO ANGRY about it", none, 1)).toEqual([{ shouted: 1, text: "I AM SO ANGRY", wholeLine: false, start: 0, end: 13 }]);
  });

  it("does not count acronyms as shouting", () => {
    expect(capsRuns("Please read the SEN and EYFS notes", acronyms, 1)).toEqual([]);
    expect(capsRuns("NHS NUMBER MISSING", acronyms, 1)).toEqual([{ shouted: 2, text: "NHS NUMBER MISSING", wholeLine: true, start: 0, end: 18 }]);
  });

  it("starts a run at a word of digits and capitals, and counts only capitals", () => {
    expect(capsRuns("see you 10AM TOMORROW", none, 1)).toEqual([{ shouted: 1, text: "10AM TOMORROW", wholeLine: false, start: 8, end: 21 }]);
    expect(capsRuns("MEETING AT 10AM TOMORROW", none, 1)).toEqual([{ shouted: 2, text: "MEETING AT 10AM TOMORROW", wholeLine: true, start: 0, end: 24 }]);
  });

  it("reads accented capitals as capitals and a mixed-case word as lower case", () => {
    expect(capsRuns("ÉCOLE FERMÉE", none, 2)).toEqual([{ shouted: 2, text: "ÉCOLE FERMÉE", wholeLine: true, start: 0, end: 12 }]);
    expect(capsRuns("McDONALD and McCAIN", none, 1)).toEqual([]);
  });

  it("returns only runs with at least minShouted shouted words, each run apart", () => {
    expect(capsRuns("STOP now", none, 2)).toEqual([]);
    expect(capsRuns("STOP now", none, 1)).toEqual([{ shouted: 1, text: "STOP", wholeLine: false, start: 0, end: 4 }]);
    expect(capsRuns("STOP it. STOP IT NOW", none, 1)).toEqual([
      { shouted: 1, text: "STOP", wholeLine: false, start: 0, end: 4 },
      { shouted: 2, text: "STOP IT NOW", wholeLine: false, start: 9, end: 20 },
    ]);
  });

  it("finds nothing in text without capitals", () => {
    expect(capsRuns("all in lower case, 2024!", none, 1)).toEqual([]);
  });

  it("finds what reading every character finds (the scan passes over words with a lower-case letter)", () => {
    // The reference reads the text character by character, keeping whether a word stood
    // before on the line as it goes; capsRuns jumps between words in capitals.
    const isUpper = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
    const isLower = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
    const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
    const reference = (text: string, known: ReadonlySet<string>, minShouted: number): ReturnType<typeof capsRuns> => {
      const runs: ReturnType<typeof capsRuns> = [];
      let shouted = 0;
      let runStart = -1;
      let runEnd = -1;
      let wordsOnLine = false;
      let runAtLineStart = false;
      const close = (atLineEnd: boolean): void => {
        if (runStart >= 0 && shouted >= minShouted) {
          runs.push({ shouted, text: shortWords(text.slice(runStart, runEnd), 40), wholeLine: runAtLineStart && atLineEnd, start: runStart, end: runEnd });
        }
        shouted = 0;
        runStart = -1;
      };
      for (let i = 0; i < text.length; ) {
        const code = text.charCodeAt(i);
        if (code === 0x0a) {
          close(true);
          wordsOnLine = false;
          i++;
          continue;
        }
        if (!isUpper(code) && !isLower(code) && !isDigit(code)) {
          i++;
          continue;
        }
        let j = i;
        let upper = 0;
        let lower = 0;
        for (; j < text.length; j++) {
          const c = text.charCodeAt(j);
          if (isUpper(c)) upper++;
          else if (isLower(c)) lower++;
          else if (!isDigit(c)) break;
        }
        if (lower > 0) close(false);
        else if (upper > 0) {
          if (runStart < 0) {
            runStart = i;
            runAtLineStart = !wordsOnLine;
          }
          runEnd = j;
          if (upper >= 3 && !known.has(text.slice(i, j))) shouted++;
        }
        wordsOnLine = true;
        i = j;
      }
      close(true);
      return runs;
    };
    const pieces = ["Dear", "DEAR", "I", "A", "NHS", "eBay", "McDONALD", "DEFabc", "ABc", "aBC", "2ND", "10AM", "42", "ÀB", "Àb", "ÉCOLE", "straße", "STRASSE", "ß", "×", "÷", "why", "WHY", "NOT", "ok"];
    const gaps = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "! ", "-", "'", ""];
    const random = generator(17);
    let found = 0;
    for (let n = 0; n < 4000; n++) {
      let text = "";
      for (let k = Math.floor(random() * 14); k > 0; k--) text += (pieces[Math.floor(random() * pieces.length)] as string) + (gaps[Math.floor(random() * gaps.length)] as string);
      const minShouted = 1 + Math.floor(random() * 3);
      const expected = reference(text, acronyms, minShouted);
      expect([text, minShouted, capsRuns(text, acronyms, minShouted)]).toEqual([text, minShouted, expected]);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(1000);
  });
});

describe("punctuationBursts: runs of ! and ?, with their offsets", () => {
  it("finds a mix of ? and !", () => {
    expect(punctuationBursts("Why?!")).toEqual([{ text: "?!", start: 3, end: 5 }]);
  });

  it("leaves two of the same mark alone", () => {
    expect(punctuationBursts("Really!! Why??")).toEqual([]);
  });

  it("finds three or more, with spaces between the marks", () => {
    expect(punctuationBursts("What??? No! ! !")).toEqual([
      { text: "???", start: 4, end: 7 },
      { text: "!!!", start: 10, end: 15 },
    ]);
    expect(punctuationBursts("Ok ? !")).toEqual([{ text: "?!", start: 3, end: 6 }]);
  });

  it("shows at most six marks of a long burst but keeps its whole span", () => {
    expect(punctuationBursts("no!!!!!!!!!!")).toEqual([{ text: "!!!!!!", start: 2, end: 12 }]);
  });

  it("finds a burst after a lone mark of the other kind (the scan jumps between marks)", () => {
    expect(punctuationBursts("Is it? Yes!!!")).toEqual([{ text: "!!!", start: 10, end: 13 }]);
  });

  it("finds nothing without ! or ?", () => {
    expect(punctuationBursts("Thank you.")).toEqual([]);
  });
});

describe("prepareText: letters written three times or more", () => {
  it("reads them once, as the plain replace does, on 5,000 generated texts", () => {
    const random = generator(7);
    for (let i = 0; i < 5000; i++) {
      let text = "";
      for (let k = 0; k < Math.floor(random() * 12); k++) text += ["a", "b", "A", " ", "1", "é"][Math.floor(random() * 6)] as string;
      expect([text, prepareText(text)]).toEqual([text, prepareText(text.toLowerCase()).replace(/([a-z])\1\1+/g, "$1")]);
      expect([text, prepareText(text)]).toEqual([text, text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/([a-z])\1\1+/g, "$1")]);
    }
  });
});
