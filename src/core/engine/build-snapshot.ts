/**
 * Prepares a MessageDraft for the rules: classifies each recipient against the organisation
 * and splits the body into its parts. Done once per check, before any rule runs.
 */
import type { MessageDraft, Recipient } from "../model/draft";
import type { EmailSnapshot, RecipientField, RecipientInfo } from "../model/snapshot";
import type { Organisation } from "../policy/organisation";
import { segmentBody } from "../detect/segment";

/**
 * Tells whether a domain is one of `domains` or a sub-domain of one.
 * @param domain - lower-case domain
 * @param domains - lower-case domains
 * @returns true when it matches
 */
export function domainMatches(domain: string, domains: readonly string[]): boolean {
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

function classify(recipient: Recipient, field: RecipientField, organisation: Organisation): RecipientInfo {
  const email = recipient.email.trim().toLowerCase();
  const at = email.lastIndexOf("@");
  const domain = at >= 0 ? email.slice(at + 1) : "";
  const internal = domain !== "" && domainMatches(domain, organisation.internalDomains);
  const trusted = !internal && domain !== "" && domainMatches(domain, organisation.trustedDomains);
  // Written out rather than spread: object spreads cost more than the rest of the check of a recipient.
  const info: { -readonly [K in keyof RecipientInfo]: RecipientInfo[K] } = { email, field, domain, internal, trusted, external: !internal && !trusted };
  if (recipient.name !== undefined) info.name = recipient.name;
  if (recipient.type !== undefined) info.type = recipient.type;
  return info;
}

/**
 * Builds the snapshot the rules read.
 * @param draft - a validated draft
 * @param organisation - the policy's organisation settings
 * @returns the snapshot (not yet frozen)
 */
export function buildSnapshot(draft: MessageDraft, organisation: Organisation): EmailSnapshot {
  // Pushed in one loop: three mapped arrays spread into a fourth cost more than classifying a recipient.
  const recipients: RecipientInfo[] = [];
  for (const field of ["to", "cc", "bcc"] as const) for (const r of draft[field]) recipients.push(classify(r, field, organisation));
  return {
    draft,
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.sender ? { sender: draft.sender } : {}),
    recipients,
    subject: draft.subject,
    body: segmentBody(draft.body, { disclaimerText: organisation.disclaimer.text, composeType: draft.composeType, subject: draft.subject }),
    attachments: draft.attachments,
    composeType: draft.composeType,
  };
}
