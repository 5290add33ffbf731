/**
 * @fileoverview Require the Centre standard disclaimer on every e-mail. The disclaimer is
 * recognised by its words alone (case, punctuation, spacing and line breaks are ignored), so
 * a re-wrapped disclaimer or the HTML version converted to text still counts.
 */
import { stripTags } from "../draft/parse-draft";
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export type DisclaimerOptions = {
  /** The on-send handler inserts the disclaimer itself when it is missing. @default true */
  autoInsert: boolean;
  /** Only require the disclaimer when someone outside the Centre receives the e-mail. @default false */
  externalOnly: boolean;
};

/** Words per overlapping window used to measure how much of the disclaimer is present. */
const WINDOW = 4;
/** Share of the disclaimer's windows that must be present to call it altered rather than missing. */
const ALTERED_SHARE = 0.5;

/**
 * Splits text into lower-case words (runs of letters and digits), so that punctuation, dashes,
 * apostrophes, spacing and line breaks never matter.
 * @param text - any text
 * @returns the words
 */
export function words(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Measures how much of a disclaimer appears in a body, in one pass over the body: the share of
 * the disclaimer's overlapping word windows that also occur in the body.
 * @param disclaimerWords - the disclaimer's words (at least one)
 * @param bodyWords - the body's words
 * @returns the share (0…1) of the disclaimer's word windows found in the body
 */
function coverage(disclaimerWords: readonly string[], bodyWords: readonly string[]): number {
  const size = Math.min(WINDOW, disclaimerWords.length);
  const wanted = new Set<string>();
  const firstWords = new Set<string>();
  for (let i = 0; i + size <= disclaimerWords.length; i++) {
    wanted.add(disclaimerWords.slice(i, i + size).join(" "));
    firstWords.add(disclaimerWords[i] as string);
  }
  const found = new Set<string>();
  for (let i = 0; i + size <= bodyWords.length && found.size < wanted.size; i++) {
    if (!firstWords.has(bodyWords[i] as string)) continue;
    const window = bodyWords.slice(i, i + size).join(" ");
    if (wanted.has(window)) found.add(window);
  }
  return found.size / wanted.size;
}

export default defineRule<DisclaimerOptions>({
  meta: {
    id: "disclaimer",
    title: "Standard disclaimer missing",
    description: "Require the Centre standard disclaimer on every e-mail",
    category: "compliance",
    defaultSeverity: "block",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        autoInsert: { type: "boolean", description: "Insert the disclaimer automatically when the e-mail is sent without it." },
        externalOnly: { type: "boolean", description: "Only require the disclaimer on e-mail to people outside the Centre." },
      },
    },
    defaultOptions: { autoInsert: true, externalOnly: false },
    messages: {
      missing: "The Centre's standard disclaimer is missing from this e-mail. Please add it before sending; you can insert it with one click.",
      missingAutoInsert:
        "The Centre's standard disclaimer is missing from this e-mail. It will be added for you when you send, or you can insert it now with one click.",
      altered:
        "Only part of the Centre's standard disclaimer is in this e-mail ({{percent}}% of its wording), or it has been changed. Please replace it with the standard wording; you can insert it with one click.",
    },
    clause: CLAUSES.disclaimer,
  },
  check(snapshot, context) {
    const { options, organisation } = context;
    if (options.externalOnly && !snapshot.recipients.some((r) => r.external)) return;

    // The plain-text version and the HTML version converted to text may differ in wording
    // (SMT edit them separately); either one, complete, is enough.
    const versions: string[][] = [];
    for (const text of [organisation.disclaimer.text, stripTags(organisation.disclaimer.html)]) {
      const w = words(text);
      if (w.length > 0 && !versions.some((v) => v.join(" ") === w.join(" "))) versions.push(w);
    }
    if (versions.length === 0) return;

    const bodyWords = words(snapshot.body.full);
    let best = 0;
    for (const version of versions) {
      best = Math.max(best, coverage(version, bodyWords));
      if (best === 1) return;
    }

    const fix = { kind: "insert-disclaimer" } as const;
    if (best >= ALTERED_SHARE) {
      const percent = Math.min(99, Math.floor(best * 100));
      context.report({ messageId: "altered", data: { percent }, field: "body", evidence: `about ${percent}% of the standard wording found`, fix });
      return;
    }
    context.report({
      messageId: options.autoInsert ? "missingAutoInsert" : "missing",
      field: "body",
      evidence: "standard disclaimer not found",
      fix,
    });
  },
});
