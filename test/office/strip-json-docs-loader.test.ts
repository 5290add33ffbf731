/**
 * webpack/strip-json-docs-loader.js: the handler's JSON data without notes for people, and with
 * the lists whose order the code never reads (ORDER_FREE) sorted. The abusive lexicon and the
 * insult frame read from sorted lists find the same words at the same places.
 */
import * as fs from "fs";
import * as path from "path";
import { ABUSIVE_EXPANSIONS, ABUSIVE_WORD_LISTS, entriesOf, surgeEntries, type AbusiveWordList } from "../../src/core/detect/abuse";
import { insultFrame } from "../../src/core/detect/abuse/frames";
import { compileLexicon } from "../../src/core/detect/lexicon";
import surge from "../../src/core/data/abusive/surge.json";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is CommonJS
const loader = require("../../webpack/strip-json-docs-loader.js") as ((this: { resourcePath: string }, source: string) => string) & {
  ORDER_FREE: Record<string, string[]>;
  sortLists: (value: unknown, paths: string[]) => number;
};

const DATA = path.join(__dirname, "../../src/core/data");
const load = (name: string): string => loader.call({ resourcePath: path.join(DATA, name) }, fs.readFileSync(path.join(DATA, name), "utf8"));

describe("strip-json-docs-loader", () => {
  it("sorts the listed lists of the listed files, and nothing else in them", () => {
    const original = JSON.parse(fs.readFileSync(path.join(DATA, "abusive/insult.json"), "utf8"));
    const stripped = JSON.parse(load("abusive/insult.json"));
    expect(original.phrase).not.toEqual([...original.phrase].sort());
    expect(stripped.phrase).toEqual([...original.phrase].sort());
    expect(stripped.word).toEqual(original.word); // words keep their order
    expect(stripped.prefix).toEqual(original.prefix);
    expect(Object.keys(stripped)).toEqual(Object.keys(original));
    for (const term of Object.keys(original.allow)) expect(stripped.allow[term]).toEqual([...original.allow[term]].sort());
  });

  it("finds a list to sort in every listed file, and keeps every item", () => {
    for (const name of Object.keys(loader.ORDER_FREE)) {
      const original = fs.readFileSync(path.join(DATA, name), "utf8");
      const items = (text: string): string[] => JSON.stringify(JSON.parse(text)).match(/"(?:[^"\\]|\\.)*"/g)?.sort() ?? [];
      expect(items(load(name))).toEqual(items(original));
    }
    expect(() => loader.call({ resourcePath: path.join(DATA, "abusive/insult.json") }, '{"category":"insult"}')).toThrow(/ORDER_FREE/);
  });

  it("drops notes for people and leaves other files as they are", () => {
    expect(JSON.parse(load("abusive/masked.json"))).not.toHaveProperty("about");
    const context = fs.readFileSync(path.join(DATA, "abusive/context.json"), "utf8");
    expect(load("abusive/context.json")).toBe(context);
  });

  it("gives the abusive lexicon and the insult frame that find the same words at the same places", () => {
    const sorted = ABUSIVE_WORD_LISTS.map((list) => {
      const copy = JSON.parse(JSON.stringify(list)) as AbusiveWordList;
      loader.sortLists(copy, loader.ORDER_FREE["abusive/insult.json"] as string[]);
      return copy;
    });
    expect(sorted.some((list, i) => JSON.stringify(list.phrase) !== JSON.stringify(ABUSIVE_WORD_LISTS[i]?.phrase))).toBe(true);
    const lexicon = (lists: readonly AbusiveWordList[]) => compileLexicon([...entriesOf(lists), ...surgeEntries(surge)], { expansions: ABUSIVE_EXPANSIONS });
    const [before, after] = [lexicon(ABUSIVE_WORD_LISTS), lexicon(sorted)];
    const [frameBefore, frameAfter] = [new RegExp(insultFrame(ABUSIVE_WORD_LISTS.find((l) => l.category === "insult")?.phrase ?? []), "gi"), new RegExp(insultFrame(sorted.find((l) => l.category === "insult")?.phrase ?? []), "gi")];
    const texts: string[] = [];
    for (const list of ABUSIVE_WORD_LISTS) {
      for (const term of [...list.phrase, ...list.word]) {
        texts.push(`Morning all, ${term}!! See you at pick-up.`, `ur ${term.replace(/^you are /, "")}, honestly`, `${term.toUpperCase()} ${term}s and the ${term} cake`);
        for (const allowed of list.allow[term] ?? []) texts.push(`We had ${allowed} at the farm, ${term}.`);
      }
    }
    texts.push("you absolute stupid fat lazy cow", "Shut up you silly old git, you stupid lazy pig.", "u r a fat ugly cow and so are you");
    const found = (lex: typeof before, text: string) => lex.find(text).map((h) => `${h.entry.term}/${h.entry.category}@${h.start}-${h.end}`);
    const framed = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
    let hits = 0;
    for (const text of texts) {
      const a = found(before, text);
      hits += a.length;
      expect(found(after, text)).toEqual(a);
      expect(framed(frameAfter, text)).toEqual(framed(frameBefore, text));
    }
    expect(hits).toBeGreaterThan(texts.length);
  });
});
