import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const probeWith = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, "tools/detect/probe.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });

const ROWS = [
  { id: "t-1", family: "nursery", label: "calm", text: "The rota for next week is attached. Thanks, Amy" },
  { id: "t-2", family: "nursery", label: "abusive", text: "Tell that fat cow in the office to mind her own business, the stupid bitch." },
  { id: "t-3", family: "chainmail", label: "chain", subject: "FW: FW: luck", text: "Send this to 10 friends within an hour or you will have bad luck for seven years!!! This really works, forward it now." },
];

/** A probe folder with `rows` and the sha256 of its mails.jsonl (or `sha` in its place). */
function probeDir(rows: readonly object[], sha?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probe-"));
  const body = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
  fs.writeFileSync(path.join(dir, "mails.jsonl"), body);
  fs.writeFileSync(path.join(dir, "LABELS.sha256"), `${sha ?? createHash("sha256").update(body).digest("hex")}  mails.jsonl\n`);
  return dir;
}

// A blind probe measures out of sample only if its labels were fixed before it was first run:
// the runner refuses a file that no longer matches the sha256 written then.
describe("tools/detect/probe.js", () => {
  it("counts what the engine got wrong per label and family, and writes one result a text", () => {
    const dir = probeDir(ROWS);
    const out = path.join(dir, "results.jsonl");
    const run = probeWith(dir, "--out", out, "--misses");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\| calm \| \*\*all\*\* \| 0 \| 1 \|/);
    expect(run.stdout).toMatch(/\| abusive \| \*\*all\*\* \| 0 \| 1 \|/);
    const results = fs.readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(results.map((r) => [r.id, r.right])).toEqual([["t-1", true], ["t-2", true], ["t-3", true]]);
    expect(results[1].rules).toContain("no-abusive-language:block");
  });

  it("reports a calm text that was flagged as wrong", () => {
    const dir = probeDir([{ id: "t-9", family: "nursery", label: "calm", text: "You stupid bitch, do the rota." }]);
    const run = probeWith(dir, "--misses");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\| calm \| \*\*all\*\* \| 1 \| 1 \|/);
    expect(run.stdout).toMatch(/t-9 \(calm, nursery\): .*no-abusive-language/);
  });

  it.each([
    [probeDir(ROWS, "0".repeat(64)), /mails\.jsonl has changed since its labels were fixed/],
    [probeDir([{ id: "t-1", family: "nursery", label: "rude", text: "x" }]), /label "rude" is not calm, heated, abusive or chain/],
    [probeDir([{ id: "t-1", family: "nursery", label: "calm" }]), /line 1 has no string "text"/],
  ])("refuses a probe it cannot trust (%#)", (dir, why) => {
    const run = probeWith(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(why);
    expect(run.stdout).toBe("");
  });

  it("refuses an unknown flag and a missing folder", () => {
    expect(probeWith("--sha").stderr).toMatch(/unknown argument "--sha"/);
    expect(probeWith().stderr).toMatch(/which probe folder\?/);
    expect(probeWith(path.join(os.tmpdir(), "no-such-probe-dir")).stderr).toMatch(/mails\.jsonl not found/);
  });
});
