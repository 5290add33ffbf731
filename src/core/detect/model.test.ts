import { clearModelMemo, detect, detectMax, detectOne, LABELS, unpack, type HeadResult } from "./model";
import * as features from "./features";
import { featuresOf, forEachFeature, lengthBucket, MAX_MODEL_CHARS } from "./features";
import { generator } from "../../../test/random";
import weights from "./model/weights.json";

/** What a rule reads of a judgement (its evidence is worked out when read). */
const asRead = (judged: HeadResult) => ({ probability: judged.probability, evidence: judged.evidence, telling: judged.telling });

describe("detection model", () => {
  it("gives a probability between 0 and 1 for each head", () => {
    const d = detect("Please find the rota for next week attached.");
    for (const label of LABELS) {
      expect(d[label].probability).toBeGreaterThanOrEqual(0);
      expect(d[label].probability).toBeLessThanOrEqual(1);
    }
  });

  it("quotes evidence exactly as written, never lower-cased", () => {
    const text = "This is STUPID and you are an IDIOT, I am sick and tired of it!!!";
    const d = detect(text);
    for (const label of LABELS) for (const e of d[label].evidence) expect(text).toContain(e);
    expect(d.heated.evidence.length).toBeGreaterThan(0);
  });

  it("rates a hostile note above an ordinary one on the heated head", () => {
    const calm = detect("Thanks for sending the menu, I will print it for the kitchen.").heated.probability;
    const hot = detect("This is ridiculous. Stop wasting my time with this crap, fix it now!!!").heated.probability;
    expect(hot).toBeGreaterThan(calm);
  });

  it("reads at most MAX_MODEL_CHARS of a long text", () => {
    const long = "word ".repeat(MAX_MODEL_CHARS);
    const last = Math.max(...featuresOf(long).map((f) => f.end));
    expect(last).toBeLessThanOrEqual(MAX_MODEL_CHARS);
  });

  it("judges a joined text as the join of its parts cut to MAX_MODEL_CHARS each (what a rule may pass instead)", () => {
    // The chain rule may cut each part before joining them, so that a 1 MB body is not copied:
    // the judgement and the evidence must be the same.
    const random = generator(23);
    const sentences = ["Please pass this on to everyone you know.", "The kitchen is closed on Friday.", "Why does nobody ever listen?!", "FW: pray for Amy", "Send this to 10 people or bad luck will follow.", "Thanks, Amy"];
    const part = (): string => {
      let text = "";
      const length = [0, 50, 5_000, MAX_MODEL_CHARS - 3, MAX_MODEL_CHARS + 7, 20_000][Math.floor(random() * 6)] as number;
      while (text.length < length) text += `${sentences[Math.floor(random() * sentences.length)] as string}${random() < 0.2 ? "\n" : " "}`;
      return text;
    };
    for (let n = 0; n < 30; n++) {
      const parts = [part(), part(), part()].filter((t) => t.trim() !== "");
      const whole = parts.join("\n");
      const cut = parts.map((t) => t.slice(0, MAX_MODEL_CHARS)).join("\n");
      for (const label of LABELS) {
        clearModelMemo();
        const a = detectOne(whole, label);
        clearModelMemo();
        const b = detectOne(cut, label);
        expect([n, label, b.probability, b.evidence]).toEqual([n, label, a.probability, a.evidence]);
      }
    }
  });

  it("judges one head alone exactly as detect does", () => {
    const text = "FW: Please pray for little Amy and pass it on. Why does nobody ever listen?!";
    const all = detect(text);
    for (const label of LABELS) expect(asRead(detectOne(text, label))).toEqual(asRead(all[label]));
  });

  it("gives each judgement's evidence from its own text and window, whenever it is read", () => {
    // The strongest window is the last sentence: its "nobody", not the whole text's first "Nobody".
    const first = "Trip\nThanks so much for your help with the trip. Nobody answered. Why does nobody ever listen?!";
    const second = "FW: Please pray for little Amy and pass it on to everyone you know.";
    const early = [detectOne(first, "heated"), detectMax(first, "heated"), detectOne(first, "chain")].map(asRead);
    clearModelMemo();
    const late = [detectOne(first, "heated"), detectMax(first, "heated"), detectOne(first, "chain")];
    // Other texts and windows judged (and their evidence read) before these are read.
    for (const label of LABELS) void [detectOne(second, label).evidence, detectMax(second, label).telling];
    expect(late.map(asRead)).toEqual(early);
    expect(early[1]?.evidence).not.toEqual(early[0]?.evidence);
  });

  it("works out a text's features once for every head asked in the same check", () => {
    const spy = jest.spyOn(features, "listFeatures");
    try {
      clearModelMemo();
      const text = "Honestly, is it too much to ask that someone empties the dishwasher for once??";
      const heated = detectOne(text, "heated");
      detectOne(text, "chain");
      expect(spy).toHaveBeenCalledTimes(1);
      detectOne(`${text} Thanks.`, "heated");
      expect(spy).toHaveBeenCalledTimes(2);
      clearModelMemo();
      expect(asRead(detectOne(text, "heated"))).toEqual(asRead(heated));
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
      clearModelMemo();
    }
  });
});

describe("the stored weights", () => {
  // The trainer's encoder (tools/detect/train.js) and this decoder must agree bucket for bucket.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { encodeHead } = require("../../../tools/detect/train.js") as { encodeHead: (head: { bias: number; w: Map<number, number> }, keep: number, bits: number) => Parameters<typeof unpack>[0] };

  it("reads back every bucket and weight the trainer stored, at any spacing of buckets", () => {
    const w = new Map<number, number>([[0, 0.5], [1, -0.25], [2, 1], [70, -1], [71, 0.75], [5000, 0.125], [262_143, -0.5]]);
    for (const bits of [4, 6]) {
      const head = unpack(encodeHead({ bias: -0.5, w }, 100, bits));
      expect(head.bias).toBe(-0.5);
      expect([...head.w.keys()]).toEqual([...w.keys()].filter((b) => Math.abs(w.get(b) as number) * (2 ** (bits - 1) - 1) >= 0.5));
      for (const [b, v] of head.w) expect(Math.abs(v - (w.get(b) as number))).toBeLessThanOrEqual(1 / (2 ** (bits - 1) - 1) / 2 + 1e-9);
    }
  });

  it("keeps only the strongest weights when pruned", () => {
    const w = new Map<number, number>([[3, 0.1], [9, -0.9], [12, 0.5], [40, 0.05]]);
    expect([...unpack(encodeHead({ bias: 0, w }, 2, 6)).w.keys()]).toEqual([9, 12]);
  });

  it("says what is wrong with a damaged bucket list", () => {
    expect(() => unpack({ bias: 0, scale: 1, n: 3, k: 2, idx: "*", q: "ABC" })).toThrow(/not a base64 digit/);
    expect(() => unpack({ bias: 0, scale: 1, n: 40, k: 2, idx: "A", q: "A".repeat(40) })).toThrow(/ends early/);
  });
});

describe("the model's scores", () => {
  // A plain reading of the model, kept simple on purpose: the sum of the weights of the text's
  // distinct features (featuresOf), through the logistic function. The fast path (features
  // hashed as they are read, weights looked up once per text) must give the same numbers.
  const stored = (weights as unknown as { heads: Record<(typeof LABELS)[number], Parameters<typeof unpack>[0]> }).heads;
  const plain = (text: string, label: (typeof LABELS)[number]): number => {
    const head = unpack(stored[label]);
    let z = head.bias;
    for (const b of new Set(featuresOf(text).map((f) => f.bucket))) z += head.w.get(b) ?? 0;
    return 1 / (1 + Math.exp(-z));
  };
  const texts = [
    "Please find the rota for next week attached.",
    "Honestly, is it too much to ask that someone empties the dishwasher for once??",
    "Great, thanks for the last-minute notice, as usual.",
    "I should not have to explain this again. Just do it.",
    "FW: Fwd: Top 10 signs you are an early years practitioner… share with all your EY friends!",
    "Dear parents, the forecast says rain all week. Please send wellies!",
    "YOU ARE USELESS. Nobody in this office ever listens and I am sick and tired of it!!!",
    "Ça va? Größe straße — déjà vu. Zażółć gęślą jaźń. 😀 ½",
    "",
  ];

  it("quote back the strongest piece of evidence and, after it, only the pieces that weigh enough (telling)", () => {
    for (const text of texts) {
      clearModelMemo();
      for (const label of LABELS) {
        for (const judged of [detectOne(text, label), detectMax(text, label)]) {
          const { evidence, telling } = judged;
          if (evidence.length === 0) expect(telling).toEqual([]);
          else expect(telling[0]).toBe(evidence[0]);
          // In the same order, each once: a subsequence of the evidence.
          let at = 0;
          for (const piece of telling) {
            at = evidence.indexOf(piece, at) + 1;
            expect(at).toBeGreaterThan(0);
          }
        }
      }
    }
    // Words learnt from how the training mail was written weigh little: the model counts them
    // as evidence but they are not worth quoting (checked so that a retrained model says so).
    const judged = detectMax("Rota\nNobody answered. Cc Finance and the Centre manager.", "heated");
    expect(judged.evidence).toEqual(expect.arrayContaining(["Cc", "Finance"]));
    expect(judged.telling).toEqual(["Nobody"]);
    clearModelMemo();
  });

  it("are the sum of the weights of the text's distinct features, for every head", () => {
    for (const text of texts) {
      clearModelMemo();
      const d = detect(text);
      for (const label of LABELS) expect(Math.abs(d[label].probability - plain(text, label))).toBeLessThan(1e-9);
    }
    clearModelMemo();
  });
});

describe("the heated head over windows of sentences (detectMax)", () => {
  const stored = (weights as unknown as { heads: Record<(typeof LABELS)[number], Parameters<typeof unpack>[0]> }).heads;
  /**
   * A plain reading of the windows, independent of the fast path's sentence bookkeeping: the
   * sentences are found here by a regular expression over the text; a window's features are
   * those of the whole text whose first word starts inside it, and its length feature is its
   * own number of words. The strongest of the whole text, each sentence (two or more) and each
   * two sentences in a row (three or more).
   */
  const plainMax = (text: string, label: (typeof LABELS)[number]): number => {
    const head = unpack(stored[label]);
    const feats = featuresOf(text);
    const sentences: { start: number; end: number; words: number }[] = [];
    const sentence = /[^\n.!?]*[^\n.!?\s][^\n.!?]*[.!?]*/g;
    for (let m = sentence.exec(text); m !== null; m = sentence.exec(text)) {
      sentences.push({ start: m.index, end: m.index + m[0].length, words: (m[0].match(/[\p{L}\p{N}]+(?:['’]\p{L}+)*|[!?]+/gu) ?? []).length });
    }
    const logit = (buckets: Iterable<number>): number => {
      let z = head.bias;
      for (const b of new Set(buckets)) z += head.w.get(b) ?? 0;
      return z;
    };
    let best = logit(feats.map((f) => f.bucket));
    const m = sentences.length;
    for (const size of [1, 2]) {
      if (m <= size) continue;
      for (let i = 0; i + size <= m; i++) {
        const from = (sentences[i] as { start: number }).start;
        const to = (sentences[i + size - 1] as { end: number }).end;
        let words = 0;
        for (let j = i; j < i + size; j++) words += (sentences[j] as { words: number }).words;
        const inside = feats.filter((f) => f.start >= from && f.start < to).map((f) => f.bucket);
        best = Math.max(best, logit([lengthBucket(words), ...inside]));
      }
    }
    return 1 / (1 + Math.exp(-best));
  };
  const texts = [
    "Please find the rota for next week attached.",
    "Hi Sarah,\nThanks for the update on the boiler. I have told the cook. Frankly this is the third time I have had to chase it and I am sick of it! See you on Monday.",
    "Dear all. The fire drill is on Tuesday at 10. Please make sure the register is up to date. Thanks!",
    "Why is it STILL broken?! Nobody listens. Fix it.\nRegards, Ben",
    "One sentence only, calm and short",
    "Thanks for the menu. I hate hate hate hate it, honestly I hate it. See you soon.",
    "",
  ];

  it("scores the strongest of the whole text and its windows of one and two sentences", () => {
    for (const text of texts) {
      clearModelMemo();
      for (const label of LABELS) expect(Math.abs(detectMax(text, label).probability - plainMax(text, label))).toBeLessThan(1e-9);
    }
    clearModelMemo();
  });

  it("is never below the whole text's score, and equals it for a text of one sentence", () => {
    for (const text of texts) {
      clearModelMemo();
      expect(detectMax(text, "heated").probability).toBeGreaterThanOrEqual(detectOne(text, "heated").probability);
    }
    expect(asRead(detectMax("One sentence only, calm and short", "heated"))).toEqual(asRead(detectOne("One sentence only, calm and short", "heated")));
    clearModelMemo();
  });

  it("quotes the words of its strongest window as a plain reading of that window's features does (2,000 generated texts)", () => {
    const head = unpack(stored.heated);
    const w = (b: number): number => head.w.get(b) ?? 0;
    /** Evidence of features (first occurrence of each bucket): positive weights summed per span, strongest first, at most three, none overlapping or over 60 characters. */
    const plainEvidence = (text: string, feats: readonly { bucket: number; start: number; end: number }[]): string[] => {
      const seen = new Set<number>();
      const bySpan = new Map<string, { start: number; end: number; weight: number }>();
      for (const f of feats) {
        if (seen.has(f.bucket)) continue;
        seen.add(f.bucket);
        if (f.start < 0 || w(f.bucket) <= 0) continue;
        const key = `${f.start}-${f.end}`;
        const span = bySpan.get(key) ?? { start: f.start, end: f.end, weight: 0 };
        span.weight += w(f.bucket);
        bySpan.set(key, span);
      }
      const chosen: { start: number; end: number }[] = [];
      for (const s of [...bySpan.values()].sort((a, b) => b.weight - a.weight || a.start - b.start)) {
        if (chosen.length < 3 && s.end - s.start <= 60 && !chosen.some((c) => s.start < c.end && c.start < s.end)) chosen.push(s);
      }
      return chosen.map((c) => text.slice(c.start, c.end));
    };
    const logit = (buckets: readonly number[]): number => [...new Set(buckets)].reduce((z, b) => z + w(b), head.bias);
    const words = ["I", "am", "sick", "and", "tired", "of", "this", "STUPID", "rota", "thanks", "hate", "it", "nobody", "listens", "why", "waste", "time", "the", "kitchen", "Fix", "now", "joke", "Dear", "all", "please"];
    const marks = [" ", " ", " ", ". ", "!! ", "? ", "\n", ", ", "... "];
    const random = generator(2024);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let windowed = 0;
    for (let t = 0; t < 2000; t++) {
      let text = "";
      for (let k = 3 + Math.floor(random() * 40); k > 0; k--) text += pick(words) + pick(marks);
      const all: { bucket: number; start: number; end: number; sentence: number }[] = [];
      const sentenceWords: number[] = [];
      forEachFeature(text, (bucket, start, end, sentence) => all.push({ bucket, start, end, sentence }), sentenceWords);
      // The whole text, then each window; the strongest wins (the first of equals; the whole
      // text when a window is no stronger). Sums made in another order can differ in the last
      // bits, so a text whose two strongest readings are that close is left out.
      const readings: { z: number; evidence: string[] }[] = [{ z: logit(all.map((f) => f.bucket)), evidence: plainEvidence(text, all) }];
      const m = sentenceWords.length;
      for (let size = 1; size <= 2; size++) {
        for (let first = 0; first + size <= m && m > size; first++) {
          const inside = all.filter((f) => f.sentence >= first && f.sentence < first + size);
          const count = sentenceWords.slice(first, first + size).reduce((a, b) => a + b, 0);
          readings.push({ z: logit([lengthBucket(count), ...inside.map((f) => f.bucket)]), evidence: plainEvidence(text, inside) });
        }
      }
      const best = readings.reduce((a, b) => (b.z > a.z ? b : a));
      if (readings.some((r) => r !== best && Math.abs(r.z - best.z) < 1e-9 && r.evidence.join("|") !== best.evidence.join("|"))) continue;
      if (best !== readings[0]) windowed++;
      clearModelMemo();
      expect([text, detectMax(text, "heated").evidence]).toEqual([text, best.evidence]);
    }
    clearModelMemo();
    expect(windowed).toBeGreaterThan(200);
  });

  it("finds one heated sentence that a long calm e-mail dilutes, and quotes its words", () => {
    const calm = "Thank you for sending the invoice for the October sessions and the updated rota for the kitchen team. ".repeat(6);
    const heated = "Frankly I am sick and tired of chasing you for this, it is a joke!";
    const text = `${calm}${heated} ${calm}`;
    clearModelMemo();
    const whole = detectOne(text, "heated").probability;
    const max = detectMax(text, "heated");
    expect(max.probability).toBeGreaterThan(whole);
    expect(max.evidence.length).toBeGreaterThan(0);
    for (const e of max.evidence) expect(heated).toContain(e);
    clearModelMemo();
  });
});

