/**
 * The documents a newcomer reads (docs/message-draft.md, docs/policy-json.md, docs/cli.md) say
 * what the code does: their examples are valid, their tables name every setting there is, and
 * the CLI output they quote is what the CLI prints.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { DraftError, normalizePolicy, organisationSchema, parseDraft, PolicyError } from "../../src/core";
import { rules } from "../../src/core/rules";
import { run, type CliIo } from "../../src/cli/cli";

const root = join(__dirname, "../..");
const doc = (name: string): string => readFileSync(join(root, "docs", name), "utf8");

/** The fenced blocks of a document in a language, in order. */
function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1] as string);
}

/** Back-quoted names in the first column of a Markdown table: `| `to`, `cc` | …` → to, cc. */
function tableNames(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...(line.split("|")[1] as string).matchAll(/`([^`]+)`/g)].map((m) => m[1] as string));
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return "no error";
}

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: CliIo = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (out += s),
    readFile: async (p) => readFileSync(p),
    readStdin: async () => new Uint8Array(),
  };
  const code = await run(argv, io);
  return { code, out };
}

describe("docs/message-draft.md", () => {
  const text = doc("message-draft.md");

  it("has an example that is a valid MessageDraft", () => {
    const [example] = blocks(text, "json");
    const draft = parseDraft(JSON.parse(example as string));
    expect(draft.to.map((r) => r.email)).toEqual(["parent.one@example.com"]);
    expect(draft.cc.map((r) => r.email)).toEqual(["office@norcotearlyyearscentre.co.uk"]);
    expect(draft.attachments.map((a) => a.name)).toEqual(["consent-form.pdf"]);
  });

  it("lists every field of the design's MessageDraft in its table", () => {
    expect(tableNames(text).sort()).toEqual(["attachments", "bcc", "bodyHtml", "body", "cc", "composeType", "from", "sender", "subject", "to"].sort());
  });

  it("quotes the error a malformed address really gives", () => {
    expect(text).toContain('`to[2].email: expected an e-mail address, got "parent at example"`');
    const bad = { to: [{ email: "a@b.org" }, { email: "c@d.org" }, { email: "parent at example" }], subject: "x", body: "y" };
    const error = errorOf(() => parseDraft(bad));
    expect(error).toContain('expected an e-mail address, got "parent at example"');
    try {
      parseDraft(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(DraftError);
      expect((e as DraftError).field).toBe("to[2].email");
    }
  });
});

describe("docs/policy-json.md", () => {
  const text = doc("policy-json.md");

  it("has an example that is a valid policy", () => {
    const [example] = blocks(text, "json");
    const policy = normalizePolicy(JSON.parse(example as string), rules);
    expect(policy.onError).toBe("warn");
    expect(policy.rules.find((r) => r.rule.meta.id === "no-heated-tone")?.severity).toBe("monitor");
    expect(policy.rules.some((r) => r.rule.meta.id === "attachment-reminder")).toBe(false);
  });

  it("names every setting of the policy and of the organisation in its table", () => {
    const names = tableNames(text);
    const organisation = Object.keys((organisationSchema as { properties: Record<string, unknown> }).properties).map((k) => `organisation.${k}`);
    expect(names.sort()).toEqual(["version", "onError", "rules", ...organisation].sort());
  });

  it("quotes the error a bad option really gives", () => {
    expect(text).toContain("`rules.audience-size[1].threshold: expected a positive integer`");
    const error = errorOf(() => normalizePolicy({ version: 1, rules: { "audience-size": ["warn", { threshold: 0 }] } }, rules));
    expect(error).toContain("rules.audience-size[1].threshold: expected a positive integer");
    expect(() => normalizePolicy({ version: 1, rules: { "audience-size": ["warn", { threshold: 0 }] } }, rules)).toThrow(PolicyError);
  });
});

describe("docs/cli.md", () => {
  const text = doc("cli.md");

  it("shows exactly what `check` prints for a message missing only the disclaimer, which Send adds", async () => {
    const { code, out } = await cli(["check", "samples/missing-disclaimer.json"]);
    expect(code).toBe(0);
    const shown = blocks(text, "text").find((b) => b.startsWith("samples/missing-disclaimer.json"));
    expect(shown).toBe(out);
    expect(text).toContain('`"verdict": "send"`');
    expect(text).toContain('`"messageId": "missingAutoInsert"`');
  });

  it("documents the JSON fields the CLI prints, and the error verdict", async () => {
    const { out } = await cli(["check", "--format", "json", "samples/twelve-parents-in-to.json"]);
    const [result] = JSON.parse(out) as { findings: Record<string, unknown>[] }[];
    const [example] = blocks(text, "json");
    const documented = (example as string).replace(/…/g, "x");
    const [first, second] = JSON.parse(documented) as Record<string, unknown>[];
    expect(Object.keys(first as object).sort()).toEqual(Object.keys(result as object).sort());
    expect(Object.keys(((first as { findings: object[] }).findings[0]) as object).sort()).toEqual(Object.keys(result?.findings[0] as object).sort());
    expect((second as { verdict: string }).verdict).toBe("error");
  });
});
