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

  it("gives a weight only to features seen in at least minGroups different messages (variants count once)", () => {
    expect(weighed(1)).toEqual([1, 2, 3]);
    expect(weighed(2)).toEqual([1, 3]);
    expect(weighed(3)).toEqual([1]);
    expect(weighed(4)).toEqual([]);
  });
});
