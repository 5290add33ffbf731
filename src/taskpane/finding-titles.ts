/**
 * The title of each card in the pane: what the finding is about, by rule and message id (a
 * rule may report different things: a music file, an oversized one), and never the same title
 * twice in one list.
 */
import { rules, type Finding, type FindingField } from "../core";

/** rule id → message id → title. A pair not listed uses the rule's own title. */
const TITLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  disclaimer: { altered: "Standard disclaimer changed" },
  "audience-size": { tooManyRecipients: "Too many recipients", shortReplyAll: "Short reply to everyone" },
  "no-personal-data": {
    identifier: "Personal data leaving the Centre: an identity number",
    dateOfBirth: "Personal data leaving the Centre: a date of birth",
    homeAddress: "Personal data leaving the Centre: a home address",
    sensitiveDetails: "Personal data leaving the Centre: sensitive details",
  },
  "no-staff-only-content": { staffOnlyAttachment: "Staff-only attachment to outsiders" },
  "no-abusive-language": { threat: "Threatening language" },
  "no-complaint-by-email": { formalComplaint: "Formal complaint by e-mail" },
  "no-chain-mail": { chainLetter: "Chain letter", hoax: "Hoax or false virus warning", joke: "Joke or gossip being passed round" },
  "no-media-attachment": { mediaFile: "Music or video attachment", largeFile: "Attachment too large", largeTotal: "Attachments too large in total" },
  "subject-required": { emptySubject: "No subject", meaninglessSubject: "Subject says nothing" },
};

const WHERE: Readonly<Record<FindingField, string>> = {
  from: "sender",
  to: "To",
  cc: "Cc",
  bcc: "Bcc",
  recipients: "recipients",
  subject: "subject",
  body: "message",
  attachments: "attachments",
};

/**
 * The title of one finding, before telling repeats apart.
 * @param finding - the finding
 * @returns its title
 */
export function findingTitle(finding: Finding): string {
  return TITLES[finding.ruleId]?.[finding.messageId] ?? rules[finding.ruleId]?.meta.title ?? finding.ruleId;
}

/**
 * The titles of a list of cards, all different: a repeated title gets where it was found
 * ("(subject)", "(message)"), and a number if that is not enough.
 * @param findings - the findings in the order shown
 * @returns one title per finding
 */
export function cardTitles(findings: readonly Finding[]): string[] {
  const base = findings.map(findingTitle);
  const count = (list: readonly string[], t: string) => list.filter((x) => x === t).length;
  const withPlace = base.map((t, i) => (count(base, t) > 1 ? `${t} (${WHERE[(findings[i] as Finding).field]})` : t));
  const seen = new Map<string, number>();
  return withPlace.map((t) => {
    if (count(withPlace, t) === 1) return t;
    const n = (seen.get(t) ?? 0) + 1;
    seen.set(t, n);
    return `${t} ${n}`;
  });
}
