/**
 * The pure core of Etiquette Guard: parse a draft, normalise a policy, check, report.
 * Shared unchanged by the on-send handler, the task pane, the CLI and the server.
 * Heavier helpers that the on-send bundle must not carry are imported by path instead:
 * `draft/html-to-text` (html-to-text), `draft/eml` (postal-mime), `text/public-suffix-full` (tldts).
 */
export type { Address, Attachment, ComposeType, MessageDraft, Recipient, RecipientType } from "./model/draft";
export type { Finding, FindingField, FixKind, FixSuggestion, PolicyClause, Report, Severity, Verdict } from "./model/finding";
export type { BodySegments, EmailSnapshot, QuotedPart, RecipientInfo } from "./model/snapshot";
export type { Organisation, Disclaimer } from "./policy/organisation";
export type { AnyRuleModule, RuleCategory, RuleMeta, RuleModule, RuleServices } from "./rules/rule";
export type { ConfiguredRule, NormalizedPolicy, OnError, PolicyDocument, RuleSetting } from "./policy/policy";
export type { JsonSchema, SchemaIssue } from "./engine/json-schema";
export { parseDraft, DraftError, stripTags, type HtmlToText } from "./draft/parse-draft";
export { parseAddress } from "./draft/addresses";
export { normalizePolicy, PolicyError, SEVERITIES, ON_ERROR_VALUES, organisationSchema } from "./policy/policy";
export { defaultPolicyDocument, defaultPolicy } from "./policy/default-policy";
export { defaultOrganisation } from "./policy/default-organisation";
export { CLAUSES } from "./policy/clauses";
export { checkDraft, checkSnapshot, verdictOf, defaultServices } from "./engine/run-rules";
export { sendDecision, sendDialog, type SendDecision, type SendDialog, type DialogSupport } from "./engine/send-decision";
export { buildSnapshot, domainMatches } from "./engine/build-snapshot";
export { segmentBody } from "./detect/segment";
export { rules, ruleIds } from "./rules";
export { validateSchema } from "./engine/json-schema";
export { maskEmail, maskIdentifier, maskAll } from "./engine/mask";
