/**
 * The rule catalogue: id → rule, in the order of design.md's catalogue (which is also the
 * order findings of equal severity are listed in).
 */
import type { AnyRuleModule } from "./rule";
import disclaimer from "./disclaimer";
import bccForBulkMail from "./bcc-for-bulk-mail";
import audienceSize from "./audience-size";
import noLookalikeDomain from "./no-lookalike-domain";
import noPersonalData from "./no-personal-data";
import noStaffOnlyContent from "./no-staff-only-content";
import noAbusiveLanguage from "./no-abusive-language";
import noHeatedTone from "./no-heated-tone";
import noComplaintByEmail from "./no-complaint-by-email";
import noOffensiveForward from "./no-offensive-forward";
import noChainMail from "./no-chain-mail";
import noContractualCommitment from "./no-contractual-commitment";
import noSendAsOther from "./no-send-as-other";
import noMediaAttachment from "./no-media-attachment";
import photoConsent from "./photo-consent";
import attachmentReminder from "./attachment-reminder";
import subjectRequired from "./subject-required";

/** The catalogue keyed by each rule's own `meta.id` (not written out a second time). */
const catalogue: Record<string, AnyRuleModule> = {};
for (const rule of [
  disclaimer,
  bccForBulkMail,
  audienceSize,
  noLookalikeDomain,
  noPersonalData,
  noStaffOnlyContent,
  noAbusiveLanguage,
  noHeatedTone,
  noComplaintByEmail,
  noOffensiveForward,
  noChainMail,
  noContractualCommitment,
  noSendAsOther,
  noMediaAttachment,
  photoConsent,
  attachmentReminder,
  subjectRequired,
] as readonly AnyRuleModule[]) {
  catalogue[rule.meta.id] = rule;
}

export const rules: Readonly<Record<string, AnyRuleModule>> = catalogue;

export const ruleIds: readonly string[] = Object.keys(rules);
