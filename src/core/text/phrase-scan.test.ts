/**
 * The phrase scan tries the full list only where a first word begins; these tests compare it
 * with the plain search (the full list at every character) on generated text full of the
 * cases where the two could part: case, "ſ" and the Kelvin sign, letters of other scripts and
 * astral letters next to a phrase, dashes, curly apostrophes, digits and the start of the text.
 */
import sensitive from "../data/personal-data/sensitive-terms.json";
import { forEachPhrase, notAfterWordIu, phraseScan, type PhraseScan } from "./phrase-scan";
import { forEachMatch } from "./regex-compat";
import { generator } from "../../../test/random";

const TERMS = [...new Set(Object.values(sensitive.terms).flatMap((byWeight) => Object.values(byWeight).flat()))];

/** What the plain search finds: [index, text] of every match. */
function plain(scan: PhraseScan, text: string): [number, string][] {
  const found: [number, string][] = [];
  forEachMatch(scan.global, text, (m) => void found.push([m.index, m[0]]), notAfterWordIu);
  return found;
}

function scanned(scan: PhraseScan, text: string): [number, string][] {
  const found: [number, string][] = [];
  forEachPhrase(scan, text, (m) => void found.push([m.index, m[0]]));
  return found;
}

const GLUE = [" ", "  ", "-", "\n", ", ", ". ", "(", ")", "’", "'", "é", "x", "9", "𝐀", "Ж", "_", "\u200b", "", "İ", "K"];

/** Writes a term the way mail might: any case, s and k as their look-alikes, dashes for spaces. */
function spell(term: string, random: () => number): string {
  let out = "";
  for (const ch of term) {
    const r = random();
    if (ch === "s" && r < 0.15) out += "\u017f";
    else if (ch === "k" && r < 0.3) out += "\u212a";
    else if (ch === " " && r < 0.3) out += "-";
    else if (ch === "'" && r < 0.5) out += "’";
    else out += r < 0.5 ? ch.toUpperCase() : ch;
  }
  // Sometimes a term runs on into a longer word, which must not match.
  return random() < 0.1 ? `${out}s` : out;
}

function text(random: () => number, terms: readonly string[]): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let out = "";
  const pieces = 5 + Math.floor(random() * 30);
  for (let i = 0; i < pieces; i++) {
    out += random() < 0.5 ? spell(pick(terms), random) : pick(["the", "a", "child", "plan", "care", "sen", "ski", "ask", "42"]);
    out += pick(GLUE);
  }
  return out;
}

describe("phraseScan", () => {
  it("finds exactly what the plain search finds, on 3,000 generated texts", () => {
    const scan = phraseScan(TERMS);
    expect(scan.starts).toBeDefined();
    const random = generator(20261123);
    let matches = 0;
    for (let i = 0; i < 3000; i++) {
      const t = text(random, TERMS);
      const expected = plain(scan, t);
      matches += expected.length;
      expect([t, scanned(scan, t)]).toEqual([t, expected]);
    }
    // The texts exercise the matcher: most have matches.
    expect(matches).toBeGreaterThan(3000);
  });

  it("finds a term spelt with ſ or the Kelvin sign, as the plain search does", () => {
    const scan = phraseScan(["social worker", "speech and language therapy", "kidney"]);
    expect(scanned(scan, "a \u017focial worker came")).toEqual([[2, "\u017focial worker"]]);
    expect(scanned(scan, "\u212aIDNEY")).toEqual([[0, "\u212aIDNEY"]]);
    expect(scanned(scan, "social-worker; Speech and   language therapy")).toEqual([
      [0, "social-worker"],
      [15, "Speech and   language therapy"],
    ]);
  });

  it("does not match after or into a letter of any script", () => {
    const scan = phraseScan(["asthma"]);
    expect(scanned(scan, "éasthma 𝐀asthma asthmaé asthma9 asthma")).toEqual([[33, "asthma"]]);
  });

  it("falls back to the plain search when a phrase does not begin with a letter or digit", () => {
    const scan = phraseScan(["(private)", "asthma"]);
    expect(scan.starts).toBeUndefined();
    expect(scanned(scan, "x (private) asthma")).toEqual([
      [2, "(private)"],
      [12, "asthma"],
    ]);
  });

  it("stops when the visitor says so", () => {
    const scan = phraseScan(["asthma"]);
    const seen: number[] = [];
    forEachPhrase(scan, "asthma asthma asthma", (m) => {
      seen.push(m.index);
      return seen.length < 2;
    });
    expect(seen).toEqual([0, 7]);
  });
});
