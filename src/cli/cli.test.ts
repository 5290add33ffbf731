import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { run, type CliIo } from "./cli";

const root = join(__dirname, "../..");
const samples = join(root, "samples");

type Captured = { out: string; err: string; io: CliIo };

function capture(stdin = "", files: Record<string, string> = {}): Captured {
  const c: Captured = {
    out: "",
    err: "",
    io: {
      stdout: (s) => void (c.out += s),
      stderr: (s) => void (c.err += s),
      readFile: async (p) => {
        if (p in files) return new TextEncoder().encode(files[p]);
        return readFileSync(p);
      },
      readStdin: async () => new TextEncoder().encode(stdin),
    },
  };
  return c;
}

type JsonResult = { file: string; verdict: string; findings: { ruleId: string; severity: string; messageId: string; message: string; field: string; evidence: string }[] };

describe("etiquette-guard check", () => {
  it("prints the documented JSON for every sample and exits 1 when one would be blocked", async () => {
    // The verdict each sample should get under the default policy (design.md's rule catalogue):
    // block for abusive language, personal data to webmail, staff-only minutes and visible
    // parents' addresses; send for a missing disclaimer, which Send adds by itself.
    const expected: Record<string, string> = {
      "abusive-reply.json": "block",
      "accept-quote.json": "warn",
      "chain-letter.eml": "warn",
      "clean-newsletter-bcc.json": "send",
      "clean-reply-to-parent.eml": "send",
      "clean-rota-internal.json": "send",
      "complaint-about-colleague.json": "warn",
      "date-of-birth-to-webmail.eml": "block",
      "forgot-attachment.json": "warn",
      "forward-offensive-joke.eml": "warn",
      "heated-reply.eml": "warn",
      "hoax-virus-warning.json": "warn",
      "lookalike-domain.json": "warn",
      "missing-disclaimer.json": "send",
      "music-attachment.json": "warn",
      "no-subject.json": "warn",
      "photos-to-parent.json": "warn",
      "reply-all-thanks.json": "warn",
      "send-as-colleague.json": "warn",
      "smt-minutes-to-parent.json": "block",
      "twelve-parents-in-to.json": "block",
    };
    const files = readdirSync(samples).map((f) => join(samples, f));
    const c = capture();
    const code = await run(["check", "--format", "json", ...files], c.io);
    const results = JSON.parse(c.out) as JsonResult[];
    expect(Object.fromEntries(results.map((r) => [r.file.slice(samples.length + 1), r.verdict]))).toEqual(expected);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(["file", "findings", "verdict"]);
      for (const f of r.findings) expect(Object.keys(f).sort()).toEqual(["evidence", "field", "message", "messageId", "ruleId", "severity"]);
    }
    expect(code).toBe(1);
    expect(c.err).toBe("");
  });

  it("exits 0 when nothing would be blocked, and 1 as soon as one message would be", async () => {
    const c = capture();
    expect(await run(["check", "--format", "json", join(samples, "no-subject.json"), join(samples, "missing-disclaimer.json")], c.io)).toBe(0);
    const d = capture();
    expect(await run(["check", "--format", "json", join(samples, "no-subject.json"), join(samples, "twelve-parents-in-to.json")], d.io)).toBe(1);
  });

  it("reports the disclaimer Send adds by itself as 'added at Send', never as blocking", async () => {
    const c = capture();
    expect(await run(["check", join(samples, "missing-disclaimer.json")], c.io)).toBe(0);
    expect(c.out).toContain("missing-disclaimer.json  would send");
    expect(c.out).toContain("  added at Send The Centre's standard disclaimer is missing");
    expect(c.out).toContain("1 problem (0 block, 0 warn, 0 monitor, 1 added at Send) in 1 file");
    expect(c.out).not.toContain("would be blocked");
    const j = capture();
    await run(["check", "--format", "json", join(samples, "missing-disclaimer.json")], j.io);
    const [result] = JSON.parse(j.out) as JsonResult[];
    expect(result?.verdict).toBe("send");
    expect(result?.findings.map((f) => [f.ruleId, f.messageId])).toEqual([["disclaimer", "missingAutoInsert"]]);
  });

  it("finds nothing in the clean samples", async () => {
    const clean = readdirSync(samples).filter((f) => f.startsWith("clean-")).map((f) => join(samples, f));
    expect(clean.length).toBeGreaterThanOrEqual(3);
    const c = capture();
    const code = await run(["check", "--format", "json", ...clean], c.io);
    const results = JSON.parse(c.out) as JsonResult[];
    expect(results.map((r) => [r.file, r.findings.map((f) => f.ruleId)])).toEqual(clean.map((f) => [f, []]));
    expect(code).toBe(0);
  });

  it.each([
    ["abusive-reply.json", "no-abusive-language"],
    ["accept-quote.json", "no-contractual-commitment"],
    ["chain-letter.eml", "no-chain-mail"],
    ["complaint-about-colleague.json", "no-complaint-by-email"],
    ["date-of-birth-to-webmail.eml", "no-personal-data"],
    ["forgot-attachment.json", "attachment-reminder"],
    ["forward-offensive-joke.eml", "no-offensive-forward"],
    ["heated-reply.eml", "no-heated-tone"],
    ["hoax-virus-warning.json", "no-chain-mail"],
    ["lookalike-domain.json", "no-lookalike-domain"],
    ["missing-disclaimer.json", "disclaimer"],
    ["music-attachment.json", "no-media-attachment"],
    ["no-subject.json", "subject-required"],
    ["photos-to-parent.json", "photo-consent"],
    ["reply-all-thanks.json", "audience-size"],
    ["send-as-colleague.json", "no-send-as-other"],
    ["smt-minutes-to-parent.json", "no-staff-only-content"],
    ["twelve-parents-in-to.json", "bcc-for-bulk-mail"],
  ])("samples/%s trips %s", async (file, ruleId) => {
    const c = capture();
    await run(["check", "--format", "json", join(samples, file)], c.io);
    const [result] = JSON.parse(c.out) as JsonResult[];
    expect(result?.findings.map((f) => f.ruleId)).toContain(ruleId);
  });

  it("has a sample for every rule", () => {
    const covered = new Set(readdirSync(samples).filter((f) => !f.startsWith("clean-")));
    expect(covered.size).toBeGreaterThanOrEqual(17);
  });

  it("reads a draft from standard input with -", async () => {
    const c = capture(JSON.stringify({ to: ["x@norcotearlyyearscentre.co.uk"], subject: "", body: "Hi" }));
    const code = await run(["check", "--format", "json", "-"], c.io);
    const [result] = JSON.parse(c.out) as JsonResult[];
    expect(result?.file).toBe("<stdin>");
    expect(result?.findings.map((f) => f.ruleId)).toContain("subject-required");
    // The disclaimer is missing, but Send adds it by itself (autoInsert is on by default), so
    // nothing would be blocked: the subject finding only warns.
    expect(code).toBe(0);
  });

  it("reads .eml through the MIME parser", async () => {
    const c = capture();
    await run(["check", "--format", "json", join(samples, "clean-reply-to-parent.eml")], c.io);
    const [result] = JSON.parse(c.out) as JsonResult[];
    expect(result?.verdict).toBe("send");
  });

  it("uses --policy and names the path of a policy error with exit 2", async () => {
    const c = capture("", { "bad.json": JSON.stringify({ version: 1, rules: { "audience-size": ["warn", { threshold: 0 }] } }) });
    const code = await run(["check", "--policy", "bad.json", join(samples, "no-subject.json")], c.io);
    expect(code).toBe(2);
    expect(c.err).toContain("rules.audience-size[1].threshold: expected a positive integer");
    expect(c.out).toBe("");
  });

  it("applies a policy that turns rules off", async () => {
    const c = capture("", { "p.json": JSON.stringify({ version: 1, rules: { "subject-required": "off", disclaimer: "off" } }) });
    const code = await run(["check", "--format", "json", "--policy", "p.json", "-"], { ...c.io, readStdin: async () => new TextEncoder().encode('{"to":["x@norcotearlyyearscentre.co.uk"],"subject":"","body":"Hi"}') });
    expect(code).toBe(0);
    expect((JSON.parse(c.out) as JsonResult[])[0]?.findings).toEqual([]);
  });

  it("reports a malformed message by field, without a stack trace, and exits 2", async () => {
    const c = capture("", { "bad.json": JSON.stringify({ to: [{ email: "x@y.org", type: "martian" }] }) });
    const code = await run(["check", "bad.json", join(samples, "clean-rota-internal.json")], c.io);
    expect(code).toBe(2);
    expect(c.out).toContain("to[0].type");
    expect(c.out).not.toMatch(/\s+at .*\(.*:\d+:\d+\)/);
    expect(c.out).toContain("clean-rota-internal.json");
  });

  it("reports a file that is not JSON, and a file that does not exist", async () => {
    const c = capture("", { "broken.json": "{ nope" });
    const code = await run(["check", "--format", "json", "broken.json", join(root, "no-such-file.eml")], c.io);
    expect(code).toBe(2);
    const results = JSON.parse(c.out) as (JsonResult & { error: string })[];
    expect(results[0]?.error).toMatch(/not valid JSON/);
    expect(results[1]?.error).toMatch(/cannot read/);
  });

  it("prints stylish output with the policy clause", async () => {
    const c = capture();
    const code = await run(["check", join(samples, "twelve-parents-in-to.json")], c.io);
    expect(code).toBe(1);
    expect(c.out).toContain("would be blocked");
    expect(c.out).toContain("bcc-for-bulk-mail");
    expect(c.out).toContain("policy (Compliance with related policies and agreements)");
    expect(c.out).not.toContain("sophie.patel84@gmail.com");
  });

  it("rejects bad usage with exit 2", async () => {
    for (const argv of [["check"], ["check", "--format", "xml", "a.json"], ["check", "--colour", "a.json"], ["frobnicate"], []]) {
      const c = capture();
      expect(await run(argv, c.io)).toBe(2);
    }
  });
});

describe("etiquette-guard rules and policy", () => {
  it("lists every rule with its clause and default", async () => {
    const c = capture();
    expect(await run(["rules", "--format", "json"], c.io)).toBe(0);
    const list = JSON.parse(c.out) as { id: string; default: string; clause: { quote: string } }[];
    expect(list).toHaveLength(17);
    expect(list.find((r) => r.id === "disclaimer")?.default).toBe("block");
    const table = capture();
    await run(["rules"], table.io);
    expect(table.out).toContain("The Centre standard disclaimer should always be used on every e-mail.");
  });

  it("prints the default policy, which is a valid policy", async () => {
    const c = capture();
    expect(await run(["policy", "--print-default"], c.io)).toBe(0);
    const doc = JSON.parse(c.out) as { version: number; organisation: { internalDomains: string[] }; rules: Record<string, unknown> };
    expect(doc.version).toBe(1);
    expect(doc.organisation.internalDomains).toEqual(["norcotearlyyearscentre.co.uk"]);
    expect(Object.keys(doc.rules)).toHaveLength(17);
    const check = capture("", { "default.json": c.out });
    expect(await run(["check", "--policy", "default.json", join(samples, "clean-rota-internal.json")], check.io)).toBe(0);
  });
});

describe("JSON of the wrong shape (issue 11 item 20)", () => {
  const policyFile = JSON.stringify({ version: 1, onError: "warn", rules: { "no-chain-mail": "block" } });
  it.each([
    ["foo.json", '{"foo":1}', /foo\.json[\s\S]*not a MessageDraft: it has none of from, sender, to[\s\S]*"foo"/],
    ["policy.json", policyFile, /policy\.json[\s\S]*this is a policy file, not a message; pass it with --policy FILE/],
    ["list.json", '[{"to":["a@example.org"]}]', /list\.json[\s\S]*expected a MessageDraft object .* got an array/],
    ["empty.json", "{}", /empty\.json[\s\S]*the object is empty/],
    ["text.json", '"hello"', /text\.json[\s\S]*got string/],
  ])("%s is rejected with exit 2, naming the file and what is wrong", async (name, content, message) => {
    const c = capture("", { [name]: content });
    expect(await run(["check", name], c.io)).toBe(2);
    expect(c.out).toMatch(message);
  });

  it("reports the file as \"verdict\": \"error\" with its reason in --format json", async () => {
    const c = capture("", { "foo.json": '{"foo":1}' });
    expect(await run(["check", "--format", "json", "foo.json"], c.io)).toBe(2);
    const [result] = JSON.parse(c.out) as (JsonResult & { error: string })[];
    expect(result?.verdict).toBe("error");
    expect(result?.error).toContain("not a MessageDraft");
  });

  it("still ignores unknown fields beside a draft's own", async () => {
    const draft = { to: ["a.jones@norcotearlyyearscentre.co.uk"], subject: "Rota", body: "Thank you for covering Tuesday." };
    const c = capture("", { "ok.json": JSON.stringify({ ...draft, x: 1 }), "plain.json": JSON.stringify(draft) });
    const code = await run(["check", "--format", "json", "ok.json", "plain.json"], c.io);
    const [withExtra, plain] = JSON.parse(c.out) as JsonResult[];
    expect(withExtra?.verdict).not.toBe("error");
    expect(withExtra?.findings).toEqual(plain?.findings);
    expect(code).not.toBe(2);
  });
});

describe("--help for every subcommand (node:util parseArgs)", () => {
  it.each([
    ["check", "etiquette-guard check [--policy FILE]"],
    ["rules", "etiquette-guard rules [--format table|json]"],
    ["policy", "etiquette-guard policy --print-default"],
  ])("%s --help prints its usage and exits 0", async (command, usage) => {
    const c = capture();
    expect(await run([command, "--help"], c.io)).toBe(0);
    expect(c.out).toContain(`Usage: ${usage}`);
    expect(c.err).toBe("");
  });

  it("check --help documents the \"error\" verdict", async () => {
    const c = capture();
    await run(["check", "-h"], c.io);
    expect(c.out).toContain('"error"');
  });

  it("names the option at fault with exit 2", async () => {
    const c = capture();
    expect(await run(["check", "--polcy", "x.json", "a.json"], c.io)).toBe(2);
    expect(c.err).toContain("unknown option --polcy");
    const d = capture();
    expect(await run(["check", "a.json", "--policy"], d.io)).toBe(2);
    expect(d.err).toContain("--policy needs a value");
    const e = capture();
    expect(await run(["rules", "extra"], e.io)).toBe(2);
  });
});

describe("reading many files", () => {
  it("starts reading the next files before the first has arrived, and keeps the order", async () => {
    const started: string[] = [];
    const release: (() => void)[] = [];
    const c = capture();
    const body = (n: number): string => JSON.stringify({ to: ["a.jones@norcotearlyyearscentre.co.uk"], subject: `Rota ${n}`, body: "Thank you." });
    const io: CliIo = {
      ...c.io,
      readFile: (p) =>
        new Promise((resolve) => {
          started.push(p);
          release.push(() => resolve(new TextEncoder().encode(body(Number(p.replace(/\D/g, ""))))));
        }),
    };
    const files = Array.from({ length: 5 }, (_, i) => `m${i}.json`);
    const done = run(["check", "--format", "json", ...files], io);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(files); // all five asked for before any answered
    release.reverse().forEach((f) => f());
    expect(await done).not.toBe(2);
    expect((JSON.parse(c.out) as JsonResult[]).map((r) => r.file)).toEqual(files);
  });
});
