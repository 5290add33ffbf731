/**
 * Masking of personal data in evidence, so that findings, the send dialog, the CLI output
 * and logs never repeat a child's date of birth, an NHS number or a parent's address.
 * Letters and digits are told by code-point tables, not `\p{…}` (ES2018, which classic
 * Outlook's pre-2403 runtime cannot compile).
 */
import { isLetterOrNumber } from "../text/char-classes";

/**
 * Masks an e-mail address, keeping the first character of the local part and the domain:
 * `jane.smith@gmail.com` → `j•••@gmail.com`.
 * @param email - the address
 * @returns the masked address
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/**
 * Masks an identifier, keeping only its last `keep` letters or digits:
 * `943 476 5919` → `••• ••• •919`.
 * @param value - the identifier as written
 * @param keep - how many trailing letters or digits stay visible
 * @returns the masked identifier, same length and spacing
 */
export function maskIdentifier(value: string, keep = 3): string {
  let seen = 0;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i] as string;
    if (isLetterOrNumber(ch.codePointAt(0) as number)) {
      seen++;
      if (seen > keep) chars[i] = "•";
    }
  }
  return chars.join("");
}

/**
 * Masks every letter and digit of a value (dates, addresses, phone numbers) but keeps its shape.
 * @param value - the text to hide
 * @returns the masked text
 */
export function maskAll(value: string): string {
  let out = "";
  for (const ch of value) out += isLetterOrNumber(ch.codePointAt(0) as number) ? "•" : ch;
  return out;
}

/**
 * Safety net run by the engine on all evidence: masks e-mail addresses outside the Centre that
 * a rule left unmasked (the sender's own address and colleagues' stay as written) and any run
 * of six or more digits (phone, NHS and account numbers). Everything else is left exactly as
 * the rule quoted it: case, apostrophes, hyphens and file names included.
 * @param evidence - evidence text from a rule
 * @param internalDomains - the Centre's own domains (and their subdomains), shown in full
 * @returns the evidence with remaining personal data masked
 */
export function maskResidualPersonalData(evidence: string, internalDomains: readonly string[] = []): string {
  // Most evidence holds no address: its search (and the Centre's domains) only when it has an "@".
  const masked = evidence.includes("@")
    ? evidence.replace(/[\w.+'-]{2,}@[\w-]+(?:\.[\w-]+)+/g, (m) => {
        const domain = m.slice(m.lastIndexOf("@") + 1).toLowerCase();
        return internalDomains.some((raw) => {
          const d = raw.trim().toLowerCase();
          return d !== "" && (domain === d || domain.endsWith(`.${d}`));
        })
          ? m
          : maskEmail(m);
      })
    : evidence;
  return masked.replace(/\d(?:[\s-]?\d){5,}/g, (m) => maskIdentifier(m, 2));
}
