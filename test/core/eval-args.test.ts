import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const evalWith = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, "tools/detect/eval.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });

// `npm run eval` reads the test split by default: a mistyped flag or `--help` must stop before any
// row is read, so that whoever works on train or dev never sees the test split's figures by accident.
describe("tools/detect/eval.js arguments", () => {
  it("prints its usage for --help and reads no split", () => {
    const run = evalWith("--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run eval/);
    expect(run.stdout).not.toMatch(/Split "/);
  });

  it.each([
    [["--splt", "dev"], /unknown argument "--splt"/],
    [["--split", "tset"], /--split must be dev, test, train or all, not "tset"/],
    [["--split"], /--split needs a value/],
    [["--source", "--no-fresh"], /--source needs a value/],
  ])("refuses %j before reading any row", (args, why) => {
    const run = evalWith(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(why);
    expect(run.stdout).toBe("");
  });
});
