/**
 * node:util parseArgs' errors as one plain sentence naming the option, for the server, the CLI
 * and its admin commands.
 */

/**
 * @param error - what parseArgs threw
 * @returns e.g. "unknown option --bogus", "--port needs a value"
 */
export function argumentErrorMessage(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option ?? message}`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /does not take/.test(message)) return `${option} takes no value`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `${option} needs a value`;
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected argument ${/'([^']+)'/.exec(message)?.[1] ?? ""}`.trim();
  return message;
}
