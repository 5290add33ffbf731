/**
 * The words the admin app shows for the policy's values: severities, categories, option
 * names, `onError`, audit actions and changes. Written for senior managers, not developers.
 */
import type { RuleInfo } from "../api/types";
import type { OnError, Severity } from "./policy-model";

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  off: "Off",
  monitor: "Monitor",
  warn: "Warn",
  block: "Block",
};

export const SEVERITY_EXPLANATIONS: Readonly<Record<Severity, string>> = {
  off: "Not checked at all.",
  monitor: "Checked and counted in the reports, but the sender is shown nothing. Use it to try a rule before enforcing it.",
  warn: "The sender is told and can still choose Send Anyway.",
  block: "The e-mail cannot be sent until the sender puts it right.",
};

export const ON_ERROR_LABELS: Readonly<Record<OnError, string>> = {
  allow: "Let the e-mail go",
  warn: "Warn the sender",
  block: "Hold the e-mail back",
};

export const ON_ERROR_EXPLANATIONS: Readonly<Record<OnError, string>> = {
  allow: "If the check cannot run (for example Outlook fails to read the message), the e-mail is sent without a check and the sender sees nothing.",
  warn: "If the check cannot run, the sender is told the e-mail was not checked and can still send it. This is the Centre's default.",
  block: "If the check cannot run, the e-mail is not sent; the sender is asked to try again in a moment. Safest, but it can stop urgent e-mail.",
};

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  recipients: "Recipients",
  privacy: "Privacy and personal data",
  compliance: "Compliance",
  content: "Content",
  tone: "Tone",
  attachments: "Attachments",
};

/** The order categories are shown in. */
export const CATEGORY_ORDER: readonly string[] = ["recipients", "privacy", "compliance", "content", "tone", "attachments"];

/** @returns the category's name in plain words */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? humanise(category);
}

/**
 * Turns a camelCase or kebab-case name into words: `replyAllThreshold` → "Reply all threshold",
 * `maxAttachmentMB` → "Max attachment MB".
 * @param name - the name
 * @returns the words, first letter capital
 */
export function humanise(name: string): string {
  const words = name
    .replace(/[-_]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .trim()
    .split(/\s+/)
    .map((w, i) => (/^[A-Z0-9]{2,}$/.test(w) ? w : i === 0 ? w.toLowerCase() : w.toLowerCase()));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Option names in plain words; a name not listed falls back to {@link humanise}. */
const OPTION_LABELS: Readonly<Record<string, string>> = {
  acronyms: "Words in capitals that are not shouting",
  addressBlock: "Addresses passed on that make a mass mailing",
  allowSameDomainDelegates: "Allow sending for colleagues in the Centre",
  allowToSmt: "Let staff send it to SMT (to report it)",
  allowWords: "Words never to flag",
  autoInsert: "Add the disclaimer automatically at Send",
  categories: "Kinds of language to flag",
  checkInternal: "Also check e-mail between colleagues",
  countTrusted: "Count trusted partners as outside",
  distributionListWeight: "People one distribution list counts as",
  externalOnly: "Only on e-mail leaving the Centre",
  extraPhrases: "More phrases to look for",
  extraSensitiveTerms: "More sensitive words",
  extraWords: "More words to flag",
  forwardPrefixes: "Times forwarded (FW: FW: …) that make a chain",
  ignoreDomains: "Genuine look-alike domains",
  includeTrusted: "Also ask for trusted partners",
  inlineMinBytes: "Smallest inline picture checked (bytes)",
  maxAttachmentMB: "Largest attachment (MB)",
  maxTotalMB: "Largest total of attachments (MB)",
  minCapsWords: "Words in capitals in a row that count as shouting",
  replyAllThreshold: "Recipients that make a reply-all",
  shortReplyWords: "Words in a short reply",
  threshold: "Threshold",
};

/** @returns an option's name in plain words */
export function optionLabel(name: string): string {
  return OPTION_LABELS[name] ?? humanise(name);
}

/**
 * A rule's description for a manager: the catalogue's ESLint-style "Disallow …"/"Require …"
 * said as what the rule does.
 * @param description - the rule's description
 * @returns e.g. "Catches chain letters, hoaxes, jokes and gossip round-robins."
 */
export function ruleSummary(description: string): string {
  const text = description.replace(/^Disallow /, "Catches ").replace(/^Require /, "Asks for ");
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Names of audit details in plain words. */
const AUDIT_DETAIL_LABELS: Readonly<Record<string, string>> = {
  ip: "From network address",
  draftKept: "Unpublished draft kept",
  version: "Version",
  revision: "Draft revision",
  note: "Note",
  email: "Account",
  role: "Role",
  rollbackOf: "Rolled back to version",
  reason: "Reason",
};

/**
 * One audit entry's details in words: "Unpublished draft kept: no; From network address: 10.0.0.5".
 * @param detail - the entry's details
 * @returns text
 */
export function auditDetailText(detail: Readonly<Record<string, unknown>>): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${AUDIT_DETAIL_LABELS[k] ?? humanise(k)}: ${typeof v === "boolean" ? (v ? "yes" : "no") : typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v)}`)
    .join("; ");
}

/**
 * An ISO week ("2026-W01") as the Monday it starts on, for people: "week of 29 Dec 2025".
 * @param week - an ISO week
 * @returns words, or the week as given when it is not one
 */
export function weekLabel(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return week;
  const year = Number(m[1]);
  const n = Number(m[2]);
  // ISO week 1 is the week with the year's first Thursday; 4 January is always in it.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (n - 1) * 7 * 86_400_000);
  return `week of ${monday.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}`;
}

export const ORGANISATION_LABELS: Readonly<Record<string, string>> = {
  name: "Organisation name",
  internalDomains: "Internal domains",
  trustedDomains: "Trusted partner domains",
  smtAddresses: "SMT addresses",
  authorisedForCommitments: "Authorised to make commitments",
  sharedMailboxes: "Shared mailboxes",
  "disclaimer.text": "Disclaimer (plain text)",
  "disclaimer.html": "Disclaimer (HTML)",
  policyUrl: "Policy address",
};

const AUDIT_LABELS: Readonly<Record<string, string>> = {
  "sign-in": "Signed in",
  "sign-in-failed": "Sign-in failed",
  "sign-out": "Signed out",
  "draft-saved": "Saved the draft",
  "policy-published": "Published a version",
  "policy-rolled-back": "Rolled back",
  "user-added": "Added an account",
  "user-removed": "Removed an account",
  "password-reset": "Reset a password",
};

/** @returns the audit action in words */
export function auditLabel(action: string): string {
  return AUDIT_LABELS[action] ?? humanise(action);
}

/**
 * Says in words which setting a leaf key is.
 * @param key - a leaf key (policy-model's `leafKey`)
 * @param catalogue - the rules, for their titles
 * @returns e.g. "Chain mail — severity" or "Trusted partner domains"
 */
export function leafLabel(key: string, catalogue: readonly RuleInfo[]): string {
  if (key.startsWith("top:")) return key === "top:onError" ? "When the check cannot run" : humanise(key.slice(4));
  if (key.startsWith("org:")) return ORGANISATION_LABELS[key.slice(4)] ?? humanise(key.slice(4));
  const m = /^rule:(.+?):(severity|raw|option:(.+))$/.exec(key);
  if (!m) return key;
  const rule = catalogue.find((r) => r.id === m[1]);
  const title = rule ? rule.title : (m[1] as string);
  if (m[2] === "severity") return `${title} — severity`;
  if (m[2] === "raw") return `${title} — setting`;
  return `${title} — ${optionLabel(m[3] as string)}`;
}

/**
 * Shows a value briefly: severities by their label, lists joined, long text shortened.
 * @param value - any policy value
 * @returns text
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") {
    if ((SEVERITY_LABELS as Record<string, string>)[value]) return (SEVERITY_LABELS as Record<string, string>)[value] as string;
    return value.length > 120 ? `“${value.slice(0, 117)}…”` : `“${value}”`;
  }
  if (typeof value === "boolean") return value ? "On" : "Off";
  if (Array.isArray(value)) {
    if (value.length === 0) return "(empty list)";
    if (value.every((v) => typeof v === "string" || typeof v === "number")) return value.join(", ");
    if (typeof value[0] === "string" && (SEVERITY_LABELS as Record<string, string>)[value[0]]) {
      const opts = value[1] && typeof value[1] === "object" ? ` with ${Object.keys(value[1] as object).length} option(s)` : "";
      return `${(SEVERITY_LABELS as Record<string, string>)[value[0]]}${opts}`;
    }
  }
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

/**
 * Formats a server time for people in the Centre (local time, day month year).
 * @param iso - an ISO time
 * @returns e.g. "3 Mar 2026, 14:05"
 */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/**
 * Says in words which setting a policy path is (the server's diff and validation paths).
 * @param path - e.g. `rules.no-chain-mail[0]`, `rules.audience-size[1].threshold`, `organisation.trustedDomains`
 * @param catalogue - the rules, for their titles
 * @returns e.g. "Chain mail — severity"
 */
export function pathLabel(path: string, catalogue: readonly RuleInfo[]): string {
  const rule = /^rules\.([A-Za-z0-9_-]+)(\[0\]|\[1\](?:\.([A-Za-z0-9_$]+))?)?$/.exec(path);
  if (rule) {
    const id = rule[1] as string;
    const title = catalogue.find((r) => r.id === id)?.title ?? id;
    if (rule[2] === "[0]") return `${title} — severity`;
    if (rule[3]) return `${title} — ${optionLabel(rule[3])}`;
    if (rule[2] === "[1]") return `${title} — options`;
    return `${title} — setting`;
  }
  if (path === "onError") return "When the check cannot run";
  const org = /^organisation\.(.+)$/.exec(path);
  if (org) return ORGANISATION_LABELS[org[1] as string] ?? humanise(org[1] as string);
  return path;
}
