/**
 * Node entry of the CLI: wires `run` to the real process (files, stdin, stdout).
 */
import { readFile } from "node:fs/promises";
import { run } from "./cli";

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/**
 * Runs the CLI for this process.
 * @param argv - arguments after the program name
 * @returns the exit code
 */
export function main(argv: string[]): Promise<number> {
  return run(argv, {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: (p) => readFile(p),
    readStdin,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    runAdmin: async (args) => {
      // Loaded only for admin commands: it opens the server's database.
      const { runAdmin } = await import("./admin");
      return runAdmin(args, {
        stdout: (s: string) => void process.stdout.write(s),
        stderr: (s: string) => void process.stderr.write(s),
        stdin: process.stdin,
      });
    },
  });
}
