/**
 * `etiquette-guard admin …`: manages the SMT accounts of the policy server in its data folder.
 *
 *   admin add-user <email> --role editor|viewer [--password-stdin] [--data DIR]
 *   admin reset-password <email> [--password-stdin] [--data DIR]
 *   admin remove-user <email> [--data DIR]
 *   admin list-users [--format table|json] [--data DIR]
 *   admin backup <file> [--data DIR]      (consistent copy, safe while the server runs)
 *   admin restore <file> [--data DIR]     (refuses while the server runs; checks the copy first)
 *   admin <command> --help
 *
 * Without --password-stdin the password is asked for twice on the terminal, without echo.
 * Exit codes: 0 done; 1 the change was refused (unknown or existing account, weak password,
 * server running, damaged backup); 2 usage error. Arguments are parsed with node:util parseArgs.
 */
import path from "path";
import { parseArgs, type ParseArgsConfig } from "util";
import { argumentErrorMessage } from "../server/argument-error";
import { BackupError, backupDatabase, restoreDatabase } from "../server/backup";
import { AccountError, AccountStore, MIN_PASSWORD_LENGTH, ROLES, type Role } from "../server/accounts";
import { AuditLog } from "../server/audit";
import { openDatabase, systemClock } from "../server/db";

export type AdminIo = {
  stdout(s: string): void;
  stderr(s: string): void;
  stdin?: NodeJS.ReadableStream;
};

export const ADMIN_USAGE = `Usage:
  etiquette-guard admin add-user <email> --role editor|viewer [--password-stdin] [--data DIR]
  etiquette-guard admin reset-password <email> [--password-stdin] [--data DIR]
  etiquette-guard admin remove-user <email> [--data DIR]
  etiquette-guard admin list-users [--format table|json] [--data DIR]
  etiquette-guard admin backup <file> [--data DIR]
  etiquette-guard admin restore <file> [--data DIR]
  etiquette-guard admin <command> --help

Roles: viewer reads everything; editor also edits the draft, publishes and rolls back.
The data folder is the server's (default ./data, or EG_DATA_DIR). Passwords need at least
${MIN_PASSWORD_LENGTH} characters. Without --password-stdin you are asked on the terminal.
Exit codes: 0 done; 1 refused (unknown or existing account, weak password, server running,
damaged backup); 2 usage error.
`;

/** Each command: its one-line usage, what it does, and its options (node:util parseArgs). */
const COMMANDS = {
  "add-user": {
    usage: "add-user <email> --role editor|viewer [--password-stdin] [--data DIR]",
    about: "Adds an SMT account. viewer reads everything; editor also edits, publishes and rolls back.",
    options: { role: { type: "string" }, "password-stdin": { type: "boolean" } },
    positionals: 1,
  },
  "reset-password": {
    usage: "reset-password <email> [--password-stdin] [--data DIR]",
    about: "Sets a new password and ends that person's sessions.",
    options: { "password-stdin": { type: "boolean" } },
    positionals: 1,
  },
  "remove-user": { usage: "remove-user <email> [--data DIR]", about: "Removes an account and ends its sessions.", options: {}, positionals: 1 },
  "list-users": { usage: "list-users [--format table|json] [--data DIR]", about: "Lists the accounts.", options: { format: { type: "string" } }, positionals: 0 },
  backup: {
    usage: "backup <file> [--data DIR]",
    about: "Writes a consistent copy of the database to <file> (a new file). Safe while the server is running.",
    options: {},
    positionals: 1,
  },
  restore: {
    usage: "restore <file> [--data DIR]",
    about: "Replaces the database with the backup in <file>, after checking it. Stop the server first; the replaced database is kept beside it.",
    options: {},
    positionals: 1,
  },
} as const satisfies Record<string, { usage: string; about: string; options: ParseArgsConfig["options"]; positionals: number }>;

type Command = keyof typeof COMMANDS;

/**
 * The help of one admin command.
 * @param command - the command
 * @returns its usage, what it does and the data folder note
 */
export function commandHelp(command: Command): string {
  const c = COMMANDS[command];
  return `Usage: etiquette-guard admin ${c.usage}\n\n${c.about}\n--data DIR is the server's data folder (default ./data, or EG_DATA_DIR).\n`;
}

class UsageError extends Error {}
class HelpRequest extends Error {
  constructor(readonly text: string) {
    super("");
  }
}

type Parsed = {
  command: Command;
  /** The e-mail address or the backup file. */
  target?: string;
  role?: Role;
  passwordStdin: boolean;
  data: string;
  format: "table" | "json";
};

function parse(args: readonly string[]): Parsed {
  const [command, ...rest] = args;
  if (!command) throw new UsageError("which command? See the list below");
  if (command === "--help" || command === "-h" || command === "help") throw new HelpRequest(ADMIN_USAGE);
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, command)) throw new UsageError(`unknown admin command "${command}"`);
  const name = command as Command;
  const spec = COMMANDS[name];
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const options: ParseArgsConfig["options"] = { ...spec.options, data: { type: "string" }, help: { type: "boolean", short: "h" } };
    const result = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
    values = result.values as Record<string, string | boolean | undefined>;
    positionals = result.positionals;
  } catch (error) {
    throw new UsageError(`${argumentErrorMessage(error)}\nUsage: etiquette-guard admin ${spec.usage}`);
  }
  if (values.help) throw new HelpRequest(commandHelp(name));
  const parsed: Parsed = { command: name, passwordStdin: values["password-stdin"] === true, data: (values.data as string | undefined) ?? (process.env.EG_DATA_DIR || "data"), format: "table" };
  if (values.role !== undefined) {
    if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be editor or viewer, not "${String(values.role)}"`);
    parsed.role = values.role as Role;
  }
  if (values.format !== undefined) {
    if (values.format !== "table" && values.format !== "json") throw new UsageError("--format must be table or json");
    parsed.format = values.format;
  }
  if (spec.positionals === 1) {
    const what = name === "backup" || name === "restore" ? "file" : "e-mail address";
    if (positionals.length !== 1) throw new UsageError(`${name} needs exactly one ${what}\nUsage: etiquette-guard admin ${spec.usage}`);
    parsed.target = positionals[0] as string;
    // A mistyped address is an input error (exit 2), not a refused change.
    if (what === "e-mail address" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(parsed.target.trim())) throw new UsageError(`"${parsed.target}" is not an e-mail address`);
  } else if (positionals.length > 0) throw new UsageError(`${name} takes no arguments`);
  if (name === "add-user" && !parsed.role) throw new UsageError("add-user needs --role editor or --role viewer");
  return parsed;
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer | string) => chunks.push(typeof c === "string" ? Buffer.from(c) : c));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    stream.on("error", reject);
  });
}

/**
 * Reads one line from a terminal without echoing it.
 * @param stdin - the terminal
 * @param prompt - shown first (on stderr)
 * @param io - for the prompt
 * @returns the line
 */
function askHidden(stdin: NodeJS.ReadStream, prompt: string, io: AdminIo): Promise<string> {
  return new Promise((resolve, reject) => {
    io.stderr(prompt);
    let line = "";
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (error?: Error): void => {
      stdin.removeListener("data", onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      io.stderr("\n");
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new UsageError("cancelled"));
        if (ch === "\u007f" || ch === "\b") line = line.slice(0, -1);
        else line += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function getPassword(parsed: Parsed, io: AdminIo): Promise<string> {
  const stdin = io.stdin ?? process.stdin;
  if (parsed.passwordStdin) {
    // One password, with its final line break removed.
    return (await readAll(stdin)).replace(/\r?\n$/, "");
  }
  const tty = stdin as NodeJS.ReadStream;
  if (!tty.isTTY || typeof tty.setRawMode !== "function") throw new UsageError("no terminal to ask for the password: use --password-stdin");
  const first = await askHidden(tty, "Password: ", io);
  const second = await askHidden(tty, "Again: ", io);
  if (first !== second) throw new AccountError("the two passwords differ");
  return first;
}

/**
 * Runs `etiquette-guard admin …`.
 * @param args - the arguments after `admin`
 * @param io - output streams and the input for passwords
 * @returns the exit code
 */
export async function runAdmin(args: string[], io: AdminIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(args);
  } catch (error) {
    if (error instanceof HelpRequest) {
      io.stdout(error.text);
      return 0;
    }
    io.stderr(`etiquette-guard admin: ${(error as Error).message}\n`);
    if (!(error as Error).message.includes("Usage:")) io.stderr(ADMIN_USAGE);
    return 2;
  }
  if (parsed.command === "backup" || parsed.command === "restore") return runBackup(parsed, io);
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    const password = parsed.command === "add-user" || parsed.command === "reset-password" ? await getPassword(parsed, io) : "";
    const dataDir = path.resolve(parsed.data);
    db = openDatabase(dataDir);
    const accounts = new AccountStore(db, new AuditLog(db, systemClock), systemClock);
    const email = parsed.target as string;
    switch (parsed.command) {
      case "add-user": {
        const user = await accounts.addUser(email, parsed.role as Role, password);
        io.stdout(`Added ${user.email} as ${user.role} (data folder ${dataDir}).\n`);
        break;
      }
      case "reset-password":
        await accounts.resetPassword(email, password);
        io.stdout(`Password of ${email.trim().toLowerCase()} changed; their sessions were ended.\n`);
        break;
      case "remove-user":
        accounts.removeUser(email);
        io.stdout(`Removed ${email.trim().toLowerCase()}.\n`);
        break;
      default: {
        const users = accounts.listUsers();
        if (parsed.format === "json") {
          io.stdout(`${JSON.stringify(users.map((u) => ({ email: u.email, role: u.role, createdAt: u.createdAt, lastLoginAt: u.lastLoginAt })), null, 2)}\n`);
        } else if (users.length === 0) {
          io.stdout(`No accounts in ${dataDir}. Add one with: etiquette-guard admin add-user <email> --role editor\n`);
        } else {
          const rows = [["email", "role", "created", "last sign-in"], ...users.map((u) => [u.email, u.role, u.createdAt.slice(0, 16), u.lastLoginAt ? u.lastLoginAt.slice(0, 16) : "never"])];
          const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
          io.stdout(rows.map((r) => r.map((c, i) => c.padEnd(widths[i] as number)).join("  ").trimEnd()).join("\n") + "\n");
        }
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`etiquette-guard admin: ${error.message}\n`);
      return 2;
    }
    if (error instanceof AccountError) {
      io.stderr(`etiquette-guard admin: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    db?.close();
  }
}

/**
 * `admin backup` and `admin restore`.
 * @param parsed - the command and its file
 * @param io - output
 * @returns the exit code
 */
async function runBackup(parsed: Parsed, io: AdminIo): Promise<number> {
  const dataDir = path.resolve(parsed.data);
  const file = path.resolve(parsed.target as string);
  try {
    if (parsed.command === "backup") {
      const { pages } = await backupDatabase(dataDir, file);
      io.stdout(`Backed up ${dataDir} to ${file} (${pages} pages, checked).\n`);
    } else {
      const { kept, version } = restoreDatabase(dataDir, file);
      io.stdout(`Restored ${file} into ${dataDir} (database schema ${version}).${kept ? ` The replaced database is kept as ${kept}.` : ""} Start the server again.\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      io.stderr(`etiquette-guard admin ${parsed.command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
