/**
 * `etiquette-guard admin …`: manages the SMT accounts of the policy server in its data folder.
 *
 *   admin add-user <email> --role editor|viewer [--password-stdin] [--data DIR]
 *   admin reset-password <email> [--password-stdin] [--data DIR]
 *   admin remove-user <email> [--data DIR]
 *   admin list-users [--format table|json] [--data DIR]
 *
 * Without --password-stdin the password is asked for twice on the terminal, without echo.
 * Exit codes: 0 done; 1 the change was refused (unknown or existing account, weak password);
 * 2 usage error.
 */
import path from "path";
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

Roles: viewer reads everything; editor also edits the draft, publishes and rolls back.
The data folder is the server's (default ./data, or EG_DATA_DIR). Passwords need at least
${MIN_PASSWORD_LENGTH} characters. Without --password-stdin you are asked on the terminal.
`;

class UsageError extends Error {}

type Parsed = {
  command: string;
  email?: string;
  role?: Role;
  passwordStdin: boolean;
  data: string;
  format: "table" | "json";
};

function parse(args: readonly string[]): Parsed {
  const [command, ...rest] = args;
  if (!command || command === "--help" || command === "-h") throw new UsageError("");
  const parsed: Parsed = { command, passwordStdin: false, data: process.env.EG_DATA_DIR || "data", format: "table" };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--role") {
      const role = value();
      if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be editor or viewer, not "${role}"`);
      parsed.role = role as Role;
    } else if (arg === "--password-stdin") parsed.passwordStdin = true;
    else if (arg === "--data") parsed.data = value();
    else if (arg === "--format") {
      const f = value();
      if (f !== "table" && f !== "json") throw new UsageError(`--format must be table or json`);
      parsed.format = f;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const needsEmail = ["add-user", "reset-password", "remove-user"].includes(command);
  if (!needsEmail && command !== "list-users") throw new UsageError(`unknown admin command "${command}"`);
  if (needsEmail) {
    if (positional.length !== 1) throw new UsageError(`${command} needs exactly one e-mail address`);
    parsed.email = positional[0] as string;
  } else if (positional.length > 0) throw new UsageError(`list-users takes no arguments`);
  if (command === "add-user" && !parsed.role) throw new UsageError("add-user needs --role editor or --role viewer");
  if (command !== "add-user" && parsed.role) throw new UsageError(`--role is only for add-user`);
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
    const message = (error as Error).message;
    if (message) io.stderr(`etiquette-guard admin: ${message}\n`);
    (message ? io.stderr : io.stdout)(ADMIN_USAGE);
    return 2;
  }
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    const password = parsed.command === "add-user" || parsed.command === "reset-password" ? await getPassword(parsed, io) : "";
    const dataDir = path.resolve(parsed.data);
    db = openDatabase(dataDir);
    const accounts = new AccountStore(db, new AuditLog(db, systemClock), systemClock);
    const email = parsed.email as string;
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
