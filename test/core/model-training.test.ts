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
