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
import { DraftError, parseDraft } from "../core/draft/parse-draft";
import { parseEml } from "../core/draft/eml";
import { htmlToText } from "../core/draft/html-to-text";
import { checkDraft } from "../core/engine/run-rules";
import { defaultPolicy, defaultPolicyDocument } from "../core/policy/default-policy";
import { normalizePolicy, PolicyError, type NormalizedPolicy } from "../core/policy/policy";
import { rules } from "../core/rules";
import { fullServices } from "../core/text/public-suffix-full";
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
  etiquette-guard admin add-user|reset-password|remove-user|list-users …
      Manage SMT accounts of the policy server (see docs/server.md).

Exit codes: 0 nothing would be blocked, 1 a message would be blocked, 2 usage or input error.
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
    return parseDraft(json, { htmlToText });
  }
  return parseDraft(await parseEml(bytes), { htmlToText });
}

function takeValue(args: string[], i: number, flag: string): string {
  const value = args[i + 1];
  if (value === undefined || (value.startsWith("-") && value !== "-")) throw new UsageError(`${flag} needs a value`);
  return value;
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

async function check(args: string[], io: CliIo): Promise<number> {
  let policyFile: string | undefined;
  let format = "stylish";
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--policy") policyFile = takeValue(args, i++, "--policy");
    else if (arg.startsWith("--policy=")) policyFile = arg.slice("--policy=".length);
    else if (arg === "--format" || arg === "-f") format = takeValue(args, i++, "--format");
    else if (arg.startsWith("--format=")) format = arg.slice("--format=".length);
    else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (format !== "stylish" && format !== "json") throw new UsageError(`--format must be stylish or json, not ${format}`);
  if (files.length === 0) throw new UsageError("check needs at least one FILE (or - for standard input)");
  const policy = await loadPolicy(io, policyFile);

  const results: FileResult[] = [];
  for (const file of files) {
    const label = file === "-" ? "<stdin>" : file;
    try {
      const bytes = file === "-" ? await io.readStdin() : await io.readFile(file);
      const draft = await readDraft(file === "-" ? "" : file, bytes);
      results.push({ file: label, report: checkDraft(draft, policy, { services: fullServices }) });
    } catch (e) {
      if (e instanceof DraftError) results.push({ file: label, error: `invalid message: ${e.message}` });
      else if (e && typeof e === "object" && "code" in e) results.push({ file: label, error: `cannot read: ${(e as unknown as Error).message}` });
      else results.push({ file: label, error: `cannot parse: ${(e as Error).message}` });
    }
  }
  io.stdout(format === "json" ? formatJson(results) : formatStylish(results, { color: io.color ?? false }));
  if (results.some((r) => r.error)) return 2;
  return results.some((r) => r.report?.verdict === "block") ? 1 : 0;
}

function listRules(args: string[], io: CliIo): number {
  let format = "table";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--format" || arg === "-f") format = takeValue(args, i++, "--format");
    else if (arg.startsWith("--format=")) format = arg.slice("--format=".length);
    else throw new UsageError(`unknown option ${arg}`);
  }
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
  if (args.length === 1 && args[0] === "--print-default") {
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
    if (e instanceof UsageError) {
      io.stderr(`etiquette-guard: ${e.message}\n\n${command === "check" || command === undefined ? USAGE : ""}`);
      return 2;
    }
    io.stderr(`etiquette-guard: unexpected error: ${(e as Error).message}\n`);
    return 2;
  }
}
