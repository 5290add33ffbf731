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

export const rules: Readonly<Record<string, AnyRuleModule>> = {
  "disclaimer": disclaimer,
  "bcc-for-bulk-mail": bccForBulkMail,
  "audience-size": audienceSize,
  "no-lookalike-domain": noLookalikeDomain,
  "no-personal-data": noPersonalData,
  "no-staff-only-content": noStaffOnlyContent,
  "no-abusive-language": noAbusiveLanguage,
  "no-heated-tone": noHeatedTone,
  "no-complaint-by-email": noComplaintByEmail,
  "no-offensive-forward": noOffensiveForward,
  "no-chain-mail": noChainMail,
  "no-contractual-commitment": noContractualCommitment,
  "no-send-as-other": noSendAsOther,
  "no-media-attachment": noMediaAttachment,
  "photo-consent": photoConsent,
  "attachment-reminder": attachmentReminder,
  "subject-required": subjectRequired,
};

export const ruleIds: readonly string[] = Object.keys(rules);
