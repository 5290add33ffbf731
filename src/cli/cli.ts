/**
 * The `etiquette-guard` command line. `run(argv, io)` returns an exit code and never calls
 * `process.exit` (ESLint's CLI discipline), so it is tested by calling it.
 *
 *   etiquette-guard check [--policy FILE] [--format stylish|json] FILE...   (.eml, .json or - for stdin)
 *   etiquette-guard rules [--format table|json]
 *   etiquette-guard policy --print-default
 *   etiquette-guard admin <command> …                                      (SMT accounts; see docs/server.md)
 *
 * Exit codes: 0 nothing would be blocked; 1 at least one message would be blocked;
 * 2 usage or input error.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DraftError, parseDraft } from "../core/draft/parse-draft";
import { checkDraft } from "../core/engine/run-rules";
import { defaultPolicy, defaultPolicyDocument } from "../core/policy/default-policy";
import { normalizePolicy, PolicyError, type NormalizedPolicy } from "../core/policy/policy";
import { rules } from "../core/rules";
import { fullServices } from "../core/text/public-suffix-full";
import { argumentErrorMessage } from "../server/argument-error";
import { formatJson } from "./formatters/json";
import { formatStylish } from "./formatters/stylish";
import type { FileResult } from "./results";

export type CliIo = Readonly<{
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  /** Colour the stylish output (a TTY without NO_COLOR). */
  color?: boolean;
  /** Runs `etiquette-guard admin …`; injected so the check path does not load the server. */
  runAdmin?(args: string[]): Promise<number>;
}>;

export const USAGE = `Usage:
  etiquette-guard check [--policy FILE] [--format stylish|json] FILE...
      Check messages (.eml as Outlook downloads them, or MessageDraft .json; - reads stdin).
  etiquette-guard rules [--format table|json]
      List every rule, the policy clause it enforces and its default.
  etiquette-guard policy --print-default
      Print the Centre's default policy as JSON, to start your own from.
  etiquette-guard admin add-user|reset-password|remove-user|list-users|backup|restore …
      Manage SMT accounts and back up the policy server's data (see docs/cli.md).
  etiquette-guard <command> --help
      Help for one command.

Exit codes: 0 nothing would be blocked, 1 a message would be blocked, 2 usage or input error.
With --format json, a file that could not be checked has "verdict": "error" and an "error" text.
`;

class UsageError extends Error {}

const decoder = new TextDecoder("utf-8");

function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

/**
 * Parses one input (MessageDraft JSON or an RFC 822 message) into a draft.
 * @param name - the file name, used to choose the parser
 * @param bytes - the file's content
 * @returns the draft
 * @throws DraftError naming what is wrong
 */
export async function readDraft(name: string, bytes: Uint8Array): Promise<ReturnType<typeof parseDraft>> {
  const lower = name.toLowerCase();
  const text = decoder.decode(bytes);
  const isJson = lower.endsWith(".json") || (!lower.endsWith(".eml") && looksLikeJson(text));
  if (isJson) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new DraftError("(file)", `not valid JSON (${(e as Error).message})`);
    }
    checkDraftShape(json);
    // Only an HTML body without a text one needs the converter (and its parser, slow to load).
    const record = json as Record<string, unknown>;
    if (record.body === undefined && record.bodyHtml !== undefined) return parseDraft(json, { htmlToText: (await import("../core/draft/html-to-text")).htmlToText });
    return parseDraft(json);
  }
  // RFC 822 parsing (postal-mime) and the HTML converter are loaded when the first .eml comes.
  const [{ parseEml }, { htmlToText }] = await Promise.all([import("../core/draft/eml"), import("../core/draft/html-to-text")]);
  return parseDraft(await parseEml(bytes), { htmlToText });
}

/** The top-level fields of a MessageDraft (docs/message-draft.md). */
const DRAFT_FIELDS = ["from", "sender", "to", "cc", "bcc", "subject", "body", "bodyHtml", "attachments", "composeType"];
/** Top-level fields of a policy file, which is sometimes passed as a message by mistake. */
const POLICY_FIELDS = ["rules", "onError", "organisation"];

/**
 * Refuses JSON that is not a MessageDraft at all: not an object, a policy file, or an object
 * with none of a draft's fields (`{"foo":1}` would otherwise be checked as an empty message).
 * Unknown fields beside draft fields are still ignored, as the contract says.
 * @param json - the parsed file
 * @throws DraftError saying what is wrong
 */
export function checkDraftShape(json: unknown): void {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new DraftError("(file)", `expected a MessageDraft object ({ "to": […], "subject": …, "body": … }), got ${json === null ? "null" : Array.isArray(json) ? "an array" : typeof json}`);
  }
  const keys = Object.keys(json);
  if (POLICY_FIELDS.some((k) => keys.includes(k)) && !DRAFT_FIELDS.some((k) => keys.includes(k))) {
    throw new DraftError("(file)", "this is a policy file, not a message; pass it with --policy FILE");
  }
  if (!DRAFT_FIELDS.some((k) => keys.includes(k))) {
    const shown = keys.slice(0, 5).map((k) => JSON.stringify(k)).join(", ");
    throw new DraftError("(file)", `not a MessageDraft: it has none of ${DRAFT_FIELDS.join(", ")}${keys.length ? ` (found ${shown}${keys.length > 5 ? ", …" : ""})` : " (the object is empty)"}`);
  }
}

async function loadPolicy(io: CliIo, file: string | undefined): Promise<NormalizedPolicy> {
  if (file === undefined) return defaultPolicy();
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(await io.readFile(file)));
  } catch (e) {
    throw new UsageError(`${file}: cannot read the policy: ${(e as Error).message}`);
  }
  try {
    return normalizePolicy(raw, rules);
  } catch (e) {
    if (e instanceof PolicyError) {
      throw new UsageError(`${file}: the policy is not valid:\n${e.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
    }
    throw e;
  }
}

/** The subcommands, their usage lines and options (node:util parseArgs). */
const COMMANDS = {
  check: {
    usage: "etiquette-guard check [--policy FILE] [--format stylish|json] FILE...",
    about: `Checks messages: .eml files as Outlook downloads them, or MessageDraft .json files (docs/message-draft.md);
- reads standard input. --policy uses your policy file instead of the Centre's default (docs/policy-json.md).
--format json prints one object per file: { "file", "verdict": "send" | "warn" | "block" | "error", "findings": […] };
"error" means the file could not be checked, and "error" then says why.
Exit codes: 0 nothing would be blocked, 1 a message would be blocked, 2 usage or input error.`,
    options: { policy: { type: "string" }, format: { type: "string", short: "f" } },
  },
  rules: {
    usage: "etiquette-guard rules [--format table|json]",
    about: "Lists every rule, the policy clause it enforces and its default setting.",
    options: { format: { type: "string", short: "f" } },
  },
  policy: {
    usage: "etiquette-guard policy --print-default",
    about: "Prints the Centre's default policy as JSON, to start your own from (docs/policy-json.md).",
    options: { "print-default": { type: "boolean" } },
  },
} as const satisfies Record<string, { usage: string; about: string; options: ParseArgsConfig["options"] }>;

class HelpRequest extends Error {}

/**
 * Parses a subcommand's arguments; `--help` prints its help.
 * @param command - the subcommand
 * @param args - its arguments
 * @returns the option values and the other arguments
 * @throws UsageError naming the option at fault; HelpRequest for --help
 */
function parseCommand(command: keyof typeof COMMANDS, args: readonly string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const spec = COMMANDS[command];
  try {
    const options: ParseArgsConfig["options"] = { ...spec.options, help: { type: "boolean", short: "h" } };
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: command === "check", strict: true });
    if (values.help) throw new HelpRequest(`Usage: ${spec.usage}\n\n${spec.about}\n`);
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    if (error instanceof HelpRequest) throw error;
    throw new UsageError(`${argumentErrorMessage(error)}\nUsage: ${spec.usage}`);
  }
}

/** How many input files are read at once: enough to keep the disk busy, few enough for file handles. */
const READ_CONCURRENCY = 32;

/**
 * Reads every input without waiting on each in turn (a bounded number at a time); the results
 * keep the order of the files.
 * @param files - the arguments (- is standard input)
 * @param io - where to read
 * @returns per file, its bytes or the read error
 */
async function readInputs(files: readonly string[], io: CliIo): Promise<({ bytes: Uint8Array } | { error: unknown })[]> {
  const out: ({ bytes: Uint8Array } | { error: unknown })[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as string;
      try {
        out[i] = { bytes: file === "-" ? await io.readStdin() : await io.readFile(file) };
      } catch (error) {
        out[i] = { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return out;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: files } = parseCommand("check", args);
  const policyFile = values.policy as string | undefined;
  const format = (values.format as string | undefined) ?? "stylish";
  if (format !== "stylish" && format !== "json") throw new UsageError(`--format must be stylish or json, not ${format}`);
  if (files.length === 0) throw new UsageError("check needs at least one FILE (or - for standard input)");
  const policy = await loadPolicy(io, policyFile);

  const inputs = await readInputs(files, io);
  const results: FileResult[] = [];
  for (const [i, file] of files.entries()) {
    const label = file === "-" ? "<stdin>" : file;
    const input = inputs[i] as { bytes: Uint8Array } | { error: unknown };
    if ("error" in input) {
      results.push({ file: label, error: `cannot read: ${(input.error as Error).message}` });
      continue;
    }
    try {
      const draft = await readDraft(file === "-" ? "" : file, input.bytes);
      results.push({ file: label, report: checkDraft(draft, policy, { services: fullServices }) });
    } catch (e) {
      if (e instanceof DraftError) results.push({ file: label, error: `invalid message: ${e.message}` });
      else results.push({ file: label, error: `cannot parse: ${(e as Error).message}` });
    }
  }
  io.stdout(format === "json" ? formatJson(results) : formatStylish(results, { color: io.color ?? false }));
  if (results.some((r) => r.error)) return 2;
  return results.some((r) => r.report?.verdict === "block") ? 1 : 0;
}

function listRules(args: string[], io: CliIo): number {
  const format = (parseCommand("rules", args).values.format as string | undefined) ?? "table";
  const metas = Object.values(rules).map((r) => r.meta);
  if (format === "json") {
    io.stdout(
      `${JSON.stringify(
        metas.map((m) => ({
          id: m.id,
          title: m.title,
          description: m.description,
          category: m.category,
          default: m.defaultSeverity,
          defaultOptions: m.defaultOptions,
          clause: m.clause,
        })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (format !== "table") throw new UsageError(`--format must be table or json, not ${format}`);
  const lines: string[] = [];
  for (const m of metas) {
    lines.push(`${m.id}  [${m.defaultSeverity}]  ${m.category}`);
    lines.push(`  ${m.description}.`);
    lines.push(`  Policy, ${m.clause.section}: "${m.clause.quote}"`);
    lines.push("");
  }
  io.stdout(lines.join("\n"));
  return 0;
}

function policyCommand(args: string[], io: CliIo): number {
  if (parseCommand("policy", args).values["print-default"]) {
    io.stdout(`${JSON.stringify(defaultPolicyDocument(), null, 2)}\n`);
    return 0;
  }
  throw new UsageError("policy takes --print-default");
}

/**
 * Runs the command line.
 * @param argv - the arguments after the program name
 * @param io - where to read and write
 * @returns the exit code
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "check":
        return await check(args, io);
      case "rules":
        return listRules(args, io);
      case "policy":
        return policyCommand(args, io);
      case "admin":
        if (!io.runAdmin) throw new UsageError("admin commands are not available here");
        return await io.runAdmin(args);
      case "--version":
      case "-v":
        io.stdout("etiquette-guard 1.0.0\n");
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof HelpRequest) {
      io.stdout(e.message);
      return 0;
    }
    if (e instanceof UsageError) {
      io.stderr(`etiquette-guard: ${e.message}\n\n${command === "check" || command === undefined ? USAGE : ""}`);
      return 2;
    }
    io.stderr(`etiquette-guard: unexpected error: ${(e as Error).message}\n`);
    return 2;
  }
}
