/**
 * @fileoverview Disallow agreeing terms, accepting quotes, placing orders or signing
 * contracts by e-mail, unless the sender is authorised (`organisation.authorisedForCommitments`).
 *
 * Reads the subject and what the sender wrote. Score-based: a plain commitment ("we accept
 * your quote", "please go ahead with the order", "signed on behalf of") is enough on its own;
 * willingness ("we are happy to proceed") needs a commercial word (quote, order, contract…)
 * in the same sentence. A commitment asked as a question, or hedged earlier in its sentence ("if we
 * accept your quote…", "we cannot agree to the terms"), does not count. Phrases live in
 * `src/core/data/commitment/phrases.en.json`. By default mail only to colleagues inside the
 * Centre is not checked: commitments bind the Centre to someone outside it.
 */
import data from "../data/commitment/phrases.en.json";
import { CLAUSES } from "../policy/clauses";
import { asWritten, compileSignals, findSignals, prepareText, sentenceAround, wordsAsPattern, type SignalData, type SignalHit } from "../detect/tone-utils";
import { defineRule } from "./rule";

export type NoContractualCommitmentOptions = {
  /** Points at which the message is reported. */
  threshold: number;
  /** Also check mail sent only to colleagues inside the Centre. */
  checkInternal: boolean;
  /** Further phrases that commit the Centre (3 points each). */
  extraPhrases: string[];
};

const GROUPS: SignalData = data.groups;
const SIGNALS = compileSignals(GROUPS);
const HEDGES: ReadonlySet<string> = new Set(data.hedges);
const EXTRA_WEIGHT = 3;
/** Commercial words: they add to a willing phrase in the same sentence, and count for nothing alone. */
const CONTEXT = "context";
const WILLING = "willing";
const COMMERCIAL_POINTS = 1;
const COMMERCIAL = compileSignals({ [CONTEXT]: GROUPS[CONTEXT] || { weight: 1, patterns: [] } });

/**
 * Tells whether a commitment is asked as a question, or hedged earlier in its sentence by a
 * word such as "not", "if", "before" or a negative contraction ("don't", "can't").
 * @param prepared - the prepared text
 * @param hit - the commitment found
 * @returns true when it does not commit
 */
function isHedged(prepared: string, hit: SignalHit): boolean {
  const { before, after } = sentenceAround(prepared, hit.start, hit.end, 160);
  if (after.includes("?")) return true;
  const words = before.match(/[a-z]+/g) || [];
  return words.some((w, i) => HEDGES.has(w) || (w === "t" && i > 0 && (words[i - 1] as string).endsWith("n")));
}

/**
 * Tells whether the sentence of a phrase names something commercial (a quote, an order…).
 * @param prepared - the prepared text
 * @param hit - the phrase found
 * @returns true when a commercial word is in the same sentence
 */
function hasCommercialWord(prepared: string, hit: SignalHit): boolean {
  const { before, after } = sentenceAround(prepared, hit.start, hit.end, 160);
  return findSignals(`${before} ${after}`, COMMERCIAL).length > 0;
}

export default defineRule<NoContractualCommitmentOptions>({
  meta: {
    id: "no-contractual-commitment",
    title: "Agreeing terms without authority",
    description: "Disallow agreeing terms or contracts by e-mail without authority",
    category: "compliance",
    defaultSeverity: "warn",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        threshold: { type: "integer", minimum: 1, maximum: 20, description: "Points at which the message is reported." },
        checkInternal: { type: "boolean", description: "Also check mail sent only to colleagues inside the Centre." },
        extraPhrases: {
          type: "array",
          description: "Further phrases that commit the Centre (3 points each).",
          maxItems: 200,
          uniqueItems: true,
          items: { type: "string", minLength: 1, maxLength: 80 },
        },
      },
    },
    defaultOptions: { threshold: 3, checkInternal: false, extraPhrases: [] },
    messages: {
      commitment:
        "This e-mail seems to agree terms or commit the Centre (“{{phrase}}”), and your address is not one of those authorised to do so. Please ask the Business Manager to confirm it, or word it as a request for approval.",
    },
    clause: CLAUSES.commitments,
  },
  check(snapshot, context) {
    const { options, organisation } = context;
    const authorised = new Set(organisation.authorisedForCommitments.map((a) => a.toLowerCase()));
    const senders = [snapshot.from?.email, snapshot.sender?.email].filter((e): e is string => e !== undefined);
    if (senders.some((e) => authorised.has(e.trim().toLowerCase()))) return;
    if (!options.checkInternal && snapshot.recipients.length > 0 && snapshot.recipients.every((r) => r.internal)) return;

    const extra = options.extraPhrases.map((p) => ["extra", wordsAsPattern(p)] as const).filter(([, p]) => p !== "");
    const signals = extra.length > 0 ? compileSignals(GROUPS, extra) : SIGNALS;
    const seen = new Set<string>();
    const byField = { subject: 0, body: 0 };
    let points = 0;
    let first: SignalHit | undefined;
    for (const [field, text] of [
      ["subject", snapshot.subject],
      ["body", snapshot.body.authored],
    ] as const) {
      const prepared = prepareText(text);
      for (const hit of findSignals(prepared, signals)) {
        let weight = hit.group === "extra" ? EXTRA_WEIGHT : (GROUPS[hit.group]?.weight || 0);
        if (weight === 0 || hit.group === CONTEXT || seen.has(hit.pattern) || isHedged(prepared, hit)) continue;
        if (hit.group === WILLING && hasCommercialWord(prepared, hit)) weight += COMMERCIAL_POINTS;
        seen.add(hit.pattern);
        points += weight;
        byField[field] += weight;
        first ||= { ...hit, text: asWritten(text, prepared, hit) };
      }
    }
    if (!first || points < options.threshold) return;
    context.report({
      messageId: "commitment",
      data: { phrase: first.text },
      field: byField.body >= byField.subject ? "body" : "subject",
      evidence: first.text,
    });
  },
});
