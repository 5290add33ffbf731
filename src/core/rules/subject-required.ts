/**
 * @fileoverview Require a meaningful subject line: not empty, not "hi" or "test", not a bare
 * "RE:". A reply or forward keeps the subject it was given, so "RE: Hello" is not the
 * replier's doing and is left alone.
 */
import data from "../data/subject/meaningless.en.json";
import { CLAUSES } from "../policy/clauses";
import { lazy } from "../text/regex-compat";
import { defineRule } from "./rule";
import { words } from "./utils/phrase-match";

export type SubjectRequiredOptions = Record<string, never>;

/** Longest subject quoted back to the sender. */
const MAX_QUOTED = 40;
const MEANINGLESS: ReadonlySet<string> = new Set(data.subjects);
// Built from data on first use, not at load: a runtime that cannot compile it fails this rule only.
const PREFIX = lazy(() => new RegExp(`^\\s*(?:${data.prefixes.join("|")})\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]`, "i"));

/**
 * Removes reply and forward prefixes (`RE:`, `FW:`, `Fwd:`, `AW:`, `RE[2]:`, repeated).
 * @param subject - the subject
 * @returns the subject without prefixes, and whether there were any
 */
export function stripPrefixes(subject: string): { rest: string; prefixed: boolean } {
  let rest = subject;
  let prefixed = false;
  const prefix = PREFIX();
  for (let m = prefix.exec(rest); m !== null; m = prefix.exec(rest)) {
    rest = rest.slice(m[0].length);
    prefixed = true;
  }
  return { rest: rest.trim(), prefixed };
}

function quote(subject: string): string {
  const oneLine = subject.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED - 1)}…` : oneLine;
}

export default defineRule<SubjectRequiredOptions>({
  meta: {
    id: "subject-required",
    title: "Missing or meaningless subject",
    description: "Require a meaningful subject line",
    category: "content",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      emptySubject: "This e-mail has no subject. Please add a few words that say what it is about, as you would head a letter.",
      meaninglessSubject:
        "The subject “{{subject}}” does not say what this e-mail is about. Please write a few words that do, for example “Trip to the farm on Friday”.",
    },
    clause: CLAUSES.professional,
  },
  check(snapshot, context) {
    const subject = snapshot.subject.trim();
    const { rest, prefixed } = stripPrefixes(subject);
    const tokens = words(rest);
    if (rest === "") {
      context.report({ messageId: "emptySubject", field: "subject", evidence: prefixed ? `only “${quote(subject)}”` : "no subject" });
      return;
    }
    // A reply or forward keeps the subject it was given.
    if (prefixed && tokens.length > 0) return;
    const meaningless =
      tokens.length === 0 || MEANINGLESS.has(tokens.join(" ")) || (tokens.length === 1 && (tokens[0] as string).length < 3);
    if (meaningless) {
      const quoted = quote(subject);
      context.report({ messageId: "meaninglessSubject", data: { subject: quoted }, field: "subject", evidence: `subject “${quoted}”` });
    }
  },
});
