/**
 * Training is deterministic: retraining from the committed training file and corpus with the
 * fixed seed gives byte-identical weights (`npm run train -- --check` compares their sha256).
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");

describe("the detection model's training", () => {
  it("gives the committed weights again from the same data and seed", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "tools/detect/train.js"), "--check"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect([run.status, run.stderr.trim()]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/Retrained weights match src\/core\/detect\/model\/weights\.json \(sha256 [0-9a-f]{64}\)/);
  }, 180_000);
});

describe("training a head", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { trainHead, CONFIG } = require(path.join(ROOT, "tools/detect/train.js")) as {
    trainHead: (examples: unknown[], label: string, seed: number, cfg: Record<string, unknown>) => { w: Map<number, number> };
    CONFIG: Record<string, unknown>;
  };
  // Bucket 1 is in three messages (groups a, b, c), 3 in two, 2 in one message and its variant.
  const examples = [
    { group: "a", source: "s", x: [1, 2, 3], y: { heated: 1 } },
    { group: "a", source: "s", x: [1, 2], y: { heated: 1 } },
    { group: "b", source: "s", x: [1], y: { heated: 1 } },
    { group: "c", source: "s", x: [1, 3], y: { heated: 0 } },
  ];
  const weighed = (minGroups: number): number[] => [...trainHead(examples, "heated", 1, { ...CONFIG, minGroups }).w.keys()].sort();

  it("trains shuffle k = seedFrom, …, seedFrom + seeds - 1 (seed + 1000·k), so a setting can be judged over other draws", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { fitHeads, encodeHead, headConfig } = require(path.join(ROOT, "tools/detect/train.js")) as {
      fitHeads: (examples: Record<string, unknown[]>, cfg: Record<string, unknown>) => Record<string, unknown>;
      encodeHead: (head: unknown, keep: number, bits: number) => unknown;
      headConfig: (cfg: Record<string, unknown>, label: string) => Record<string, unknown>;
    };
    const perHead = CONFIG.perHead as Record<string, Record<string, unknown>>;
    const withHeated = (own: Record<string, unknown>) => ({ ...CONFIG, perHead: { ...perHead, heated: { ...perHead.heated, ...own } } });
    const heated = (cfg: Record<string, unknown>) => fitHeads({ chain: examples, heated: examples }, cfg).heated;
    const drawn = (cfg: Record<string, unknown>, seed: number) => encodeHead(trainHead(examples, "heated", seed, headConfig(cfg, "heated")), 5800, CONFIG.quantBits as number);
    const SEED = 20260105 + 1 + 1; // the heated head's shuffle 0
    expect(heated(CONFIG)).toEqual(drawn(CONFIG, SEED));
    expect(heated(withHeated({ seedFrom: 2 }))).toEqual(drawn(CONFIG, SEED + 2000));
    expect(heated(withHeated({ seedFrom: 2 }))).not.toEqual(heated(CONFIG));
  });

  it("drops the heated head's zeroed features (CONFIG zero) from the committed weights, and only those", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { decodeHead, zeroBuckets, headConfig } = require(path.join(ROOT, "tools/detect/train.js")) as {
      decodeHead: (stored: unknown) => { w: Map<number, number> };
      zeroBuckets: (headCfg: Record<string, unknown>) => number[];
      headConfig: (cfg: Record<string, unknown>, label: string) => Record<string, unknown>;
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const stored = require(path.join(ROOT, "src/core/detect/model/weights.json")) as { heads: { heated: unknown } };
    const zero = zeroBuckets(headConfig(CONFIG, "heated"));
    expect(zero).toEqual([262027, 19927]); // u:tweet, b:and not
    const w = decodeHead(stored.heads.heated).w;
    expect(zero.filter((b) => w.has(b))).toEqual([]);
    expect(w.size).toBe(5798); // 5,800 kept, less the two
  });

  it("zeroes after pruning and scaling: the other weights and the scale stay the trained head's", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { encodeHead, decodeHead } = require(path.join(ROOT, "tools/detect/train.js")) as {
      encodeHead: (head: unknown, keep: number, bits: number, zero?: number[]) => { scale: number; n: number };
      decodeHead: (stored: unknown) => { w: Map<number, number> };
    };
    const head = { bias: 0.5, w: new Map([[3, 2.0], [7, -1.0], [9, 0.5], [12, 0.01]]) };
    const all = encodeHead(head, 3, 5);
    const cut = encodeHead(head, 3, 5, [3]);
    expect(cut.scale).toBe(all.scale); // 3 held the largest weight: the scale is still set by it
    expect([...decodeHead(cut).w]).toEqual([...decodeHead(all).w].filter(([b]) => b !== 3));
    expect(cut.n).toBe(2); // bucket 12 does not come in in 3's place
  });

  it("gives a weight only to features seen in at least minGroups different messages (variants count once)", () => {
    expect(weighed(1)).toEqual([1, 2, 3]);
    expect(weighed(2)).toEqual([1, 3]);
    expect(weighed(3)).toEqual([1]);
    expect(weighed(4)).toEqual([]);
  });
});
