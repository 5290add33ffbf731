/**
 * Which clause of the Centre's policy each finding enforces, by rule and message id: one rule
 * may enforce different clauses (an oversized attachment is about system congestion, a music
 * file about copyright). The engine quotes this clause on every finding; a test checks every
 * (rule, message id) pair against a hand-written expectation.
 */
import { CLAUSES } from "./clauses";

export type ClauseId = keyof typeof CLAUSES;

/** rule id → message id → clause id. Every message of every rule is listed. */
export const CLAUSE_OF_MESSAGE: Readonly<Record<string, Readonly<Record<string, ClauseId>>>> = {
  disclaimer: { missing: "disclaimer", missingAutoInsert: "disclaimer", altered: "disclaimer" },
  "bcc-for-bulk-mail": { visibleAddresses: "dataProtection" },
  "audience-size": { tooManyRecipients: "congestion", shortReplyAll: "congestion" },
  "no-lookalike-domain": {
    similarSpelling: "insecure",
    differentEnding: "insecure",
    lookalikeCharacters: "insecure",
    addedWords: "insecure",
    hiddenInSubdomain: "insecure",
  },
  "no-personal-data": { identifier: "dataProtection", dateOfBirth: "dataProtection", homeAddress: "dataProtection", sensitiveDetails: "dataProtection" },
  "no-staff-only-content": { staffOnlyText: "staffOnly", staffOnlyAttachment: "staffOnly" },
  "no-abusive-language": { abusive: "abusive", threat: "abusive" },
  "no-heated-tone": { heated: "heatOfTheMoment" },
  "no-complaint-by-email": { formalComplaint: "complaints", complaint: "complaints" },
  "no-offensive-forward": { offensiveForward: "doNotForward" },
  "no-chain-mail": { chainLetter: "chainMail", hoax: "chainMail", joke: "chainMail" },
  "no-contractual-commitment": { commitment: "commitments" },
  "no-send-as-other": { sendingAsOther: "assumedName" },
  "no-media-attachment": { mediaFile: "copyright", largeFile: "congestion", largeTotal: "congestion" },
  "photo-consent": { photosOutside: "photoConsent" },
  "attachment-reminder": { missingAttachment: "heatOfTheMoment" },
  "subject-required": { emptySubject: "professional", meaninglessSubject: "professional" },
};

/**
 * The clause a finding quotes.
 * @param ruleId - the rule
 * @param messageId - the finding's message id
 * @returns the clause, or undefined when the pair is not in the table (a rule outside the
 *   Centre's catalogue, e.g. in tests; the engine then quotes the rule's own clause)
 */
export function clauseOfMessage(ruleId: string, messageId: string): (typeof CLAUSES)[ClauseId] | undefined {
  const id = CLAUSE_OF_MESSAGE[ruleId]?.[messageId];
  return id === undefined ? undefined : CLAUSES[id];
}
