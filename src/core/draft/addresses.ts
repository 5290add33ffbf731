/**
 * Parsing of address strings as people and Outlook write them:
 * `x@y.org`, `Name <x@y.org>`, `"Smith, Jane" <x@y.org>`, `<x@y.org>`.
 */

export type ParsedAddress = { email: string; name?: string };

const BARE = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+$/;

/**
 * Parses one address string.
 * @param input - the address as written
 * @returns the e-mail and display name, or null when it is not an address
 */
export function parseAddress(input: string): ParsedAddress | null {
  const text = input.trim();
  if (text === "") return null;
  // `[\s\S]` rather than `.` with the `s` flag (ES2018, not in classic Outlook's ES2016 runtime).
  const angle = /^([\s\S]*?)<\s*([^<>\s]+)\s*>\s*$/.exec(text);
  if (angle) {
    const email = angle[2] as string;
    if (!BARE.test(email)) return null;
    let name = (angle[1] as string).trim();
    if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1).replace(/\\(.)/g, "$1");
    return name ? { email, name } : { email };
  }
  const mailto = text.replace(/^mailto:/i, "");
  return BARE.test(mailto) ? { email: mailto } : null;
}
