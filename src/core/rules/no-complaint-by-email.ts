/**
 * @fileoverview Disallow complaints about the performance or service of colleagues or
 * departments in what the sender wrote (subject and authored body; quoted history is not
 * judged, so passing on a parent's complaint is not the sender's complaint).
 *
 * Score-based: an explicit complaint ("I want to make a formal complaint") or a statement that
 * someone is not doing their job is enough on its own; dissatisfaction ("I am not happy
 * with…"), repeated failings ("the office keeps getting this wrong") and naming a colleague or
 * team add up. A fault with a product in neutral words ("the printer is not working") scores
 * nothing. Phrases live in `src/core/data/complaint/phrases.en.json`.
 */
import data from "../data/complaint/phrases.en.json";
import { CLAUSES } from "../policy/clauses";
import { asWritten, compileSignals, findSignals, prepareText, quoteList, wordsAsPattern, type SignalData, type SignalHit } from "../detect/tone-utils";
import { defineRule } from "./rule";

export type NoComplaintByEmailOptions = {
  /** Points at which the message is reported. */
  threshold: number;
  /** Further phrases that mark a complaint (2 points each). */
  extraPhrases: string[];
};

const GROUPS: SignalData = data.groups;
const SIGNALS = compileSignals(GROUPS);
const EXTRA_WEIGHT = 2;
/** Groups that say outright that this is a complaint; they get their own message. */
const EXPLICIT = "complaint";

export default defineRule<NoComplaintByEmailOptions>({
  meta: {
    id: "no-complaint-by-email",
    title: "Complaint about a colleague by e-mail",
    description: "Disallow complaints about colleagues or departments by e-mail",
    category: "tone",
    defaultSeverity: "warn",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        threshold: { type: "integer", minimum: 1, maximum: 20, description: "Points at which the message is reported." },
        extraPhrases: {
          type: "array",
          description: "Further phrases that mark a complaint (2 points each).",
          maxItems: 200,
          uniqueItems: true,
          items: { type: "string", minLength: 1, maxLength: 80 },
        },
      },
    },
    defaultOptions: { threshold: 3, extraPhrases: [] },
    messages: {
      formalComplaint:
        "This e-mail makes a complaint (“{{phrase}}”). Complaints about colleagues or teams should be made face to face; please arrange to talk to the person, or to your line manager, instead.",
      complaint:
        "This e-mail reads like a complaint about a colleague or a team ({{signs}}). Please raise it face to face with the person, or with your line manager, rather than by e-mail.",
    },
    clause: CLAUSES.complaints,
  },
  check(snapshot, context) {
    const { options } = context;
    const extra = options.extraPhrases.map((p) => ["extra", wordsAsPattern(p)] as const).filter(([, p]) => p !== "");
    const signals = extra.length > 0 ? compileSignals(GROUPS, extra) : SIGNALS;
    const seen = new Set<string>();
    const counted: SignalHit[] = [];
    const byField = { subject: 0, body: 0 };
    let points = 0;
    for (const [field, text] of [
      ["subject", snapshot.subject],
      ["body", snapshot.body.authored],
    ] as const) {
      const prepared = prepareText(text);
      for (const found of findSignals(prepared, signals)) {
        const weight = found.group === "extra" ? EXTRA_WEIGHT : (GROUPS[found.group]?.weight || 0);
        if (weight === 0 || seen.has(found.pattern)) continue;
        seen.add(found.pattern);
        // Quoted as the sender wrote it (case, apostrophes, hyphens).
        const hit = { ...found, text: asWritten(text, prepared, found) };
        counted.push(hit);
        points += weight;
        byField[field] += weight;
      }
    }
    if (points < options.threshold) return;
    const field = byField.body >= byField.subject ? "body" : "subject";
    const explicit = counted.find((h) => h.group === EXPLICIT);
    if (explicit) {
      context.report({ messageId: "formalComplaint", data: { phrase: explicit.text }, field, evidence: explicit.text });
      return;
    }
    const signs = quoteList(counted.map((h) => h.text));
    context.report({ messageId: "complaint", data: { signs }, field, evidence: signs });
  },
});
