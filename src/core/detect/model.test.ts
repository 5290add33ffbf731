import { clearModelMemo, detect, detectOne, LABELS, unpack } from "./model";
import * as features from "./features";
import { featuresOf, MAX_MODEL_CHARS } from "./features";
import weights from "./model/weights.json";

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

  it("judges one head alone exactly as detect does", () => {
    const text = "FW: Please pray for little Amy and pass it on. Why does nobody ever listen?!";
    const all = detect(text);
    for (const label of LABELS) expect(detectOne(text, label)).toEqual(all[label]);
  });

  it("works out a text's features once for every head asked in the same check", () => {
    const spy = jest.spyOn(features, "forEachFeature");
    try {
      clearModelMemo();
      const text = "Honestly, is it too much to ask that someone empties the dishwasher for once??";
      const heated = detectOne(text, "heated");
      detectOne(text, "chain");
      expect(spy).toHaveBeenCalledTimes(1);
      detectOne(`${text} Thanks.`, "heated");
      expect(spy).toHaveBeenCalledTimes(2);
      clearModelMemo();
      expect(detectOne(text, "heated")).toEqual(heated);
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

  it("are the sum of the weights of the text's distinct features, for every head", () => {
    for (const text of texts) {
      clearModelMemo();
      const d = detect(text);
      for (const label of LABELS) expect(Math.abs(d[label].probability - plain(text, label))).toBeLessThan(1e-9);
    }
    clearModelMemo();
  });
});
