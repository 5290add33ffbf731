/**
 * The compiled phrase lists carry a lookahead over their first words so that a long text is
 * read quickly; these tests check that it changes no result (same hits as the expression
 * without it, on generated text made of the lists' own words), and that prepared text is
 * the same whether or not it was kept from an earlier call.
 */
import chain from "../data/chain-mail/phrases.en.json";
import commitment from "../data/commitment/phrases.en.json";
import complaint from "../data/complaint/phrases.en.json";
import heated from "../data/tone/heated.en.json";
import { capsRuns, compileSignals, findSignals, firstWordGate, prepareText, punctuationBursts, shortWords, type CapsRun, type CompiledSignals, type SignalData } from "./tone-utils";
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

/** The expression with its lookahead (the first after the leading boundary) taken out. */
function withoutGate(compiled: CompiledSignals): CompiledSignals {
  const start = compiled.source.indexOf("(?=(?:");
  const endMarker = ")(?![a-z0-9\\u00c0-\\u1fff]))";
  const end = compiled.source.indexOf(endMarker, start) + endMarker.length;
  expect(start).toBe("(?:^|[^a-z0-9\\u00c0-\\u1fff])".length);
  expect(compiled.source.slice(end).startsWith("(?:(")).toBe(true);
  return { ...compiled, source: compiled.source.slice(0, start) + compiled.source.slice(end) };
}

describe("compileSignals: the first-word lookahead", () => {
  for (const [name, data] of Object.entries(LISTS)) {
    it(`finds the same hits as the expression without it (${name}, 1,500 generated texts)`, () => {
      const gated = compileSignals(data) as CompiledSignals;
      const plain = withoutGate(gated);
      const words = wordsOf(data);
      const patterns = patternsOf(data);
      const random = generator(name.length * 7919);
      let hits = 0;
      for (let i = 0; i < 1500; i++) {
        const t = prepareText(text(random, words, patterns));
        const expected = findSignals(t, plain);
        hits += expected.length;
        expect([t, findSignals(t, gated)]).toEqual([t, expected]);
      }
      expect(hits).toBeGreaterThan(1500);
    });
  }

  it("is left out when a first slot is not plain words", () => {
    expect(firstWordGate(["you are", "very? rude"])).toBe("");
    expect(firstWordGate(["pathetic* people", "e_mail this"])).toContain("pathetic");
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

describe("capsRuns and punctuationBursts: jumping ahead changes nothing", () => {
  const isUpper = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
  const isLower = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
  const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

  /** The plain reading: every character in turn. */
  function referenceCaps(text: string, acronyms: ReadonlySet<string>, minShouted: number): CapsRun[] {
    const runs: CapsRun[] = [];
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
    let i = 0;
    while (i < text.length) {
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
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (isUpper(c)) upper++;
        else if (isLower(c)) lower++;
        else if (!isDigit(c)) break;
        j++;
      }
      if (lower > 0) close(false);
      else if (upper > 0) {
        if (runStart < 0) {
          runStart = i;
          runAtLineStart = !wordsOnLine;
        }
        runEnd = j;
        if (upper >= 3 && !acronyms.has(text.slice(i, j))) shouted++;
      }
      wordsOnLine = true;
      i = j;
    }
    close(true);
    return runs;
  }

  function referenceBursts(text: string): { text: string; start: number; end: number }[] {
    const bursts: { text: string; start: number; end: number }[] = [];
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 0x21 && c !== 0x3f) {
        i++;
        continue;
      }
      let j = i;
      let marks = 0;
      let bangs = 0;
      let last = i;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 0x21 || d === 0x3f) {
          marks++;
          if (d === 0x21) bangs++;
          last = j;
        } else if (d !== 0x20) break;
        j++;
      }
      if (marks >= 3 || (bangs > 0 && bangs < marks)) bursts.push({ text: text.slice(i, last + 1).replace(/ /g, "").slice(0, 6), start: i, end: last + 1 });
      i = j;
    }
    return bursts;
  }

  it("finds the same runs and bursts as reading every character, on 3,000 generated texts", () => {
    const acronyms = new Set(["SEN", "NHS", "EYFS"]);
    const pieces = ["I", "A", "NOT", "ACCEPTABLE", "SEN", "EYFS", "NHS", "why", "Why", "McDONALD", "ÉCOLE", "école", "2024", "10AM", "x", "OK"];
    const glue = [" ", " ", "  ", "\n", "\n\n", ", ", ". ", "!", "!!!", "?!", " ! ? ", "-", "×", "é", ""];
    const random = generator(99);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let runs = 0;
    for (let i = 0; i < 3000; i++) {
      let text = random() < 0.2 ? pick(glue) : "";
      for (let w = 0; w < 3 + Math.floor(random() * 40); w++) text += pick(pieces) + pick(glue);
      const min = 1 + Math.floor(random() * 3);
      const expected = referenceCaps(text, acronyms, min);
      runs += expected.length;
      expect([text, capsRuns(text, acronyms, min)]).toEqual([text, expected]);
      expect([text, punctuationBursts(text)]).toEqual([text, referenceBursts(text)]);
    }
    expect(runs).toBeGreaterThan(1000);
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
