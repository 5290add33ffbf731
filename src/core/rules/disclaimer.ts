/**
 * @fileoverview Require the Centre standard disclaimer on every e-mail. The disclaimer is
 * recognised by its words alone (case, punctuation, spacing and line breaks are ignored), so
 * a re-wrapped disclaimer or the HTML version converted to text still counts.
 */
import { stripTags } from "../draft/parse-draft";
import { CLAUSES } from "../policy/clauses";
import { lowerCase } from "../text/lower-case";
import type { Organisation } from "../policy/organisation";
import { defineRule } from "./rule";
import { phrasesPresent, removePhrases, words } from "./utils/phrase-match";

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

/** What the checks need of one disclaimer version, worked out once per disclaimer wording. */
type Version = Readonly<{
  /** Its words. */
  words: readonly string[];
  /** The words as one phrase, in a list of one (see `phrasesPresent`). */
  whole: readonly string[];
  /** Its overlapping windows of `WINDOW` words, each once. */
  windows: readonly string[];
  /** Its distinct words, longest (rarest) first. */
  rarest: readonly string[];
  /** For each word of `rarest`, the indexes of the windows that contain it. */
  windowsOf: readonly (readonly number[])[];
  /** Finds any of the 10 first words of `rarest` (see `coverage`). */
  joint: RegExp;
}>;

/**
 * The versions of the last disclaimer wording seen. The wording only changes when SMT publish
 * a new policy, while every check reads it; comparing the two texts costs far less than
 * re-reading the HTML and building the lists (and their expressions) again.
 */
let memo: { text: string; html: string; versions: readonly Version[]; phrases: readonly string[] } | undefined;

function versionsOf(organisation: Organisation): NonNullable<typeof memo> {
  const { text, html } = organisation.disclaimer;
  if (memo !== undefined && memo.text === text && memo.html === html) return memo;
  const versions: Version[] = [];
  for (const t of [text, stripTags(html)]) {
    const w = words(t);
    const joined = w.join(" ");
    if (w.length === 0 || versions.some((v) => v.whole[0] === joined)) continue;
    const size = Math.min(WINDOW, w.length);
    const windows = new Set<string>();
    for (let i = 0; i + size <= w.length; i++) windows.add(w.slice(i, i + size).join(" "));
    const list = [...windows];
    const rarest = [...new Set(w)].sort((a, b) => b.length - a.length);
    const tokens = list.map((x) => x.split(" "));
    const windowsOf = rarest.map((word) => tokens.flatMap((t, i) => (t.includes(word) ? [i] : [])));
    versions.push({ words: w, whole: [joined], windows: list, rarest, windowsOf, joint: new RegExp(rarest.slice(0, 10).join("|")) });
  }
  memo = { text, html, versions, phrases: versions.map((v) => v.whole[0] as string) };
  return memo;
}

/**
 * The organisation's disclaimer as words: the plain-text version and the HTML version
 * converted to text (SMT edit them separately, so they may differ), without duplicates.
 * @param organisation - the policy's organisation settings
 * @returns one list of words per distinct version; empty when the disclaimer has no words
 */
export function disclaimerVersions(organisation: Organisation): string[][] {
  return versionsOf(organisation).versions.map((v) => [...v.words]);
}

/**
 * Lower-cases text and removes the organisation's disclaimer from it, for rules that read what
 * the sender wrote and must not trip over the disclaimer's own words ("any attachments").
 * @param text - what the sender wrote
 * @param organisation - the policy's organisation settings
 * @returns the lower-cased text without the disclaimer
 */
export function withoutDisclaimer(text: string, organisation: Organisation): string {
  const lower = lowerCase(text);
  const { versions, phrases } = versionsOf(organisation);
  // A wording can only be there if its longest word is: one native search, and most texts lack
  // it (9 KB: ~14 -> 2 µs; 1 MB: ~1.6 ms of expression search spared).
  return versions.some((v) => lower.includes(v.rarest[0] as string)) ? removePhrases(lower, phrases) : lower;
}

/**
 * Measures how much of a disclaimer appears in a body: the share of the disclaimer's
 * overlapping word windows that also occur in the body (1 when it is there in full). A share
 * below `ALTERED_SHARE` only ever means "missing", so it need not be exact: first the body is
 * searched for the disclaimer's words, longest (rarest) first, and each word it lacks even
 * inside other words rules out its windows; once too few windows are left to reach the share,
 * their count is the answer, without the search for every window (most messages have no
 * disclaimer, and then a few native searches settle it).
 * @param version - the disclaimer version (at least one word)
 * @param lowerBody - the lower-cased body
 * @returns the share, from 0 to 1; when below `ALTERED_SHARE`, possibly more than the exact share
 */
function coverage(version: Version, lowerBody: string): number {
  const { rarest, windowsOf } = version;
  // The body is first searched for the 10 longest words together, even inside other words as
  // `includes` finds each (they hold word characters only: nothing to escape): one search of
  // 1 MB for a word it lacks costs ~0.5 ms, and a body without the disclaimer lacks them all.
  // The expression is made once per wording, and beats ten `includes` on any length (9 KB:
  // ~47 -> 12 µs; 300 characters: 3.7 -> 2.7 µs). (Numbers written out: named constants cost
  // the on-send bundle bytes.)
  const none = !version.joint.test(lowerBody);
  // The whole wording can only be there if its rarest word is (a native search, and most
  // messages lack it).
  if (!none && lowerBody.includes(rarest[0] as string) && phrasesPresent(lowerBody, version.whole).size === 1) return 1;
  const total = version.windows.length;
  const ruledOut = new Uint8Array(total);
  let possible = total;
  // (One step past the last word only makes the loop test the count once more.)
  for (let k = 0; k <= rarest.length; k++) {
    if (possible < ALTERED_SHARE * total) return possible / total;
    if (k < rarest.length && ((none && k < 10) || !lowerBody.includes(rarest[k] as string))) {
      for (const i of windowsOf[k] as readonly number[]) {
        possible -= 1 - (ruledOut[i] as number);
        ruledOut[i] = 1;
      }
    }
  }
  return phrasesPresent(lowerBody, version.windows).size / total;
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

    // Either version of the disclaimer, complete, is enough.
    const { versions } = versionsOf(organisation);
    if (versions.length === 0) return;

    const lowerBody = lowerCase(snapshot.body.full);
    let best = 0;
    for (const version of versions) {
      best = Math.max(best, coverage(version, lowerBody));
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
      fixedAtSend: options.autoInsert,
    });
  },
});
