/**
 * @fileoverview Disallow chain letters, hoaxes, jokes and gossip round-robins, written or
 * forwarded.
 *
 * One of the two rules that read quoted history: chain mail is usually forwarded, so the rule
 * judges what the sender wrote, the forwarded text and its header lines, and the subject.
 * Score-based, so that one ordinary phrase ("please pass this on to your team") never trips
 * it: phrases (`src/core/data/chain-mail/phrases.en.json`) add their group's points once each,
 * a subject forwarded again and again (`FW: FW: FW:`) and long lists of addresses being passed
 * on add more, and the rule reports once the total reaches `threshold`. Mail sent only to SMT
 * is left alone: that is how staff report a hoax.
 */
import data from "../data/chain-mail/phrases.en.json";
import type { EmailSnapshot } from "../model/snapshot";
import { CLAUSES } from "../policy/clauses";
import {
  asWritten,
  compileSignals,
  countAddresses,
  countHeaderRecipients,
  findSignals,
  forwardPrefixCount,
  prepareText,
  quoteList,
  wordsAsPattern,
  type SignalData,
} from "../detect/tone-utils";
import { detectOne, onOneLine } from "../detect/model";
import { MAX_MODEL_CHARS, sampleText } from "../detect/features";
import { defineRule } from "./rule";

export type NoChainMailOptions = {
  /** Points at which the message is reported. */
  threshold: number;
  /** Forward prefixes on the subject (`FW: FW: FW:`) that count as a chain. */
  forwardPrefixes: number;
  /** Addresses in a forwarded To/Cc line, or pasted in the text, that count as a mass mailing. */
  addressBlock: number;
  /** Leave alone mail sent only to SMT addresses (staff reporting a hoax). */
  allowToSmt: boolean;
  /** Further phrases that mark chain mail (3 points each). */
  extraPhrases: string[];
  /**
   * The detection model's chain probability (0–1) at which the message is reported on the
   * model's judgement alone (1 turns this off). Chosen on the dev split (docs/model-card.md).
   */
  modelThreshold: number;
  /**
   * The model's chain probability at which it adds one point to the signs above (1: never);
   * from 0.97 (or `modelThreshold`, if lower) it adds two.
   */
  modelAssist: number;
};

type Kind = "chain" | "hoax" | "joke";
type GroupInfo = Readonly<{ kind: Kind; weight: number; patterns: readonly string[] }>;

const GROUPS = data.groups as Readonly<Record<string, GroupInfo>>;
const SIGNALS = compileSignals(GROUPS as SignalData);
/**
 * Signs that a message is a real notice passed to the people it is for: an audience at work
 * ("share with your team", "Dear colleagues"), "as requested", "for your records", a reference
 * or extension number. Chain mail asks for passing on to everyone; a notice names its readers.
 * The Centre's own adverts and fundraising name them too ("friends who might be looking") or
 * offer something of the sender's own (places, tickets, an order form, a vote, a raffle, sponsorship):
 * a chain letter passes on someone else's story, luck, warning or prayer. On the train and dev
 * rows no chain letter lost its finding by these signs (on the train rows the offer's words are in
 * no chain letter that only the model finds). Of 30 adverts written for round 18, 16 were reported:
 * 14 no longer are; the other 2 also carry a chain letter's call ("share with everyone you know").
 */
const NOTICE = compileSignals({ notice: { weight: 1, patterns: [...data.notice, data.disowned] } });
/**
 * Mail that says not to pass such mail on ("do NOT forward these", "please don't send them on",
 * "don't forward chain letters") is about chain mail: IT's reminder, a training session's
 * examples of hoaxes. No chain letter says it, so it is never reported (on the train and dev
 * rows it is in no chain mail, and in 7 clean forwards, 4 of them reported before).
 */
const DISOWNED = data.disowned;
/**
 * The sender asking that this mail go no further: "Please DON'T forward the … message, it's a hoax",
 * "don't share it", "Please do not forward or discuss this" (a confidential record quoting a threat).
 * A chain letter asks for the opposite; it says "don't" only of what befalls those who do not pass it
 * on ("If you don't send this…", "users who do not forward this"), of its own copying ("don't share,
 * copy and paste") or of passing it "on". Read in what the sender wrote. CALM21 (round 20's blind
 * probe, test/fixtures/calm/calm.ts): no finding on any corpus row changed.
 */
const KEPT_IN = /(?:^|[.,-] *|please )(?:don['\u2019]?t|do not) (?:(?:forward|share) (?:it|the|or)\b(?! on| to)|discuss\b(?! with))/i;
/**
 * Mail that asks to hear back or for a look-out ("if anyone sees him please let us know", "keep an
 * eye out") is an appeal: passing it to everyone serves the answer, where a chain letter wants
 * nothing back but its spreading. So each call to pass it on (`forwardDemand`) counts one point,
 * not three. On the train and dev rows no chain letter asks so, and 587 clean rows do. The last
 * notice sign of the data (a key of its own would cost the data its searched place in the bundle).
 */
const ANSWER = data.notice[data.notice.length - 1] as string;
/** An afternoon or evening time or a dated weekday ("6pm", "Sunday 17th"): one more notice sign. */
const WHEN = /\d ?pm\b|day \d/;
const EXTRA_WEIGHT = 3;
/**
 * Points for a message forwarded `forwardPrefixes` times or more, and for one forwarded
 * `LONG_CHAIN_FORWARDS` times or more. A work thread forwarded five or six times ("Fwd: Fwd: Re:
 * Fwd: Fw: Quote for new flooring") is no chain letter by that alone, so it needs one more sign.
 */
const CHAIN_POINTS = 2;
const LONG_CHAIN_POINTS = 3;
const LONG_CHAIN_FORWARDS = 10;
/** Points for long lists of addresses, however many. */
const ADDRESS_POINTS = 2;
/**
 * A list of one-liners: five lines or more in a row (blank lines between them allowed), each a
 * short sentence with no figure and no "label:" — puns, "signs you're getting old", rules for life,
 * children's letters to Santa. The lists in a notice carry times, dates, amounts, rooms and labels
 * ("Ground floor: Karen (fire)", "- Sun cream") or run on as wrapped lines. On the train rows 161
 * chain letters have one and no clean row of any source (dev: 25 and none). `LIST_POINTS` each.
 * Each run of space is read one way only (a line's end, whole blank lines, the next line's start):
 * with `\s*$\s*` between the lines, four sentences between long runs of blank lines took seconds.
 */
const ONE_LINERS = /^(?:[ \t]*\d\d?[.)] )?[^\d\n:]{8,160}[.!?]\S?[ \t]*(?:\n(?:[ \t]*\n)*(?:[ \t]*\d\d?[.)] )?[^\d\n:]{8,160}[.!?]\S?[ \t]*){4}$/m;
const LIST_POINTS = 2;
/**
 * Defaults for the model's chain head, chosen on the dev split. Alone, the model must be very
 * sure (0.99): at 0.97 it reported one in ten ordinary forwarded notices ("Carol service, all
 * welcome, please pass on", a lost teddy, a snow closure) in a set written blind (fwd-clean).
 * Fairly sure (`MODEL_STRONG`) it adds two points, so with any other sign it reports.
 */
const MODEL_THRESHOLD = 0.99;
const MODEL_STRONG = 0.97;
const MODEL_ASSIST = 0.8;
const MODEL_STRONG_POINTS = 2;
const MODEL_ASSIST_POINTS = 1;
/**
 * Words of passing something on and of its audience, and the days of the week: the chain head
 * learnt them from chain letters, but every notice forwarded to the people it is for uses them
 * too ("please pass on to everyone", "Sunday 3pm", "sharing with colleagues"). The model alone
 * reports only if, with these words taken out, it still finds the text more chain mail than not
 * (`MODEL_WITHOUT_PASSING`): a chain letter's own matter (luck, prayer, jokes, a hoax) remains.
 * On the train rows of the e-mail-like sources this kept chain mail found 90.4 → 90.3 % and cut
 * the forwards and work mail the model alone would report, before the notice signs below, from
 * 3.6 to 2.4 % (dev 88.8 → 88.5 %, 3.3 → 2.6 %).
 */
const PASSING_ON = /\b(?:send(?:ing)?|sent|pass(?:ed|ing)?|forward(?:ed|ing)?|shar(?:e|ed|ing)|every(?:one|body)|anyone|all|friends?|colleagues|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b/gi;
const MODEL_WITHOUT_PASSING = 0.5;
/**
 * Words that say nothing when quoted back as the model's evidence: function words, figures and
 * signs (a possessive's "s", "Let's"), the everyday words the chain head learnt to weigh ("every",
 * "very", "little", "true") and the Centre's everyday nouns its chain letters' scares are told
 * with ("nursery's", "nurseries", "nurse", "woman", "colleague's", "teacher", "needles"), which a
 * nursery worker must never read as the sign of one (other nouns of the kind, "mums", "babies",
 * "staff", are never quoted alone on the train rows; each word costs the bundle bytes). A piece
 * of the model's left empty once these and the words of passing something on (`PASSING_ON`:
 * "share", "forward", "Wednesdays") are taken out is not quoted.
 */
const PLAIN = /\b(?:a|the|in|on|to|of|this|it|you|their|until|every|very|little|true|let|s|nurser(?:y|ies)|nurses?|wom[ae]n|needles|colleague|teacher)\b|[^a-z]/gi;
/**
 * A subject that starts with a reply prefix ("Re: Fwd: …", "AW:", "SV:"): the sender is answering
 * someone, not passing a letter on, so the model alone does not report it either (a chain phrase
 * still does). On the train rows: chain mail found 90.3 → 90.2 %, the ordinary mail the model alone
 * would report 2.4 → 1.2 % (dev 88.5 % unchanged, 2.6 → 2.2 %).
 */
const REPLYING = /^\s*(?:re|aw|sv|antw|odp|rif|vs|r)\s*(?:\[\d+\])?\s*:/i;
const FORWARD_WORDS = /^(?:(?:fwd?|fw|re|tr|wg|rv|aw|sv)\s*:?\s*)+$/i;
const MESSAGE_OF: Readonly<Record<Kind, string>> = { chain: "chainLetter", hoax: "hoax", joke: "joke" };

/** Points and evidence gathered per kind. */
type Tally = Record<Kind, { points: number; evidence: string[] }>;
type Field = "subject" | "body";

/**
 * The texts of a message that chain mail may be in: the subject, what the sender wrote, and
 * the quoted history (forwarded text with its header lines).
 * @param snapshot - the message
 * @returns each text with the field it belongs to and its form prepared for matching
 */
function textsOf(snapshot: EmailSnapshot): [Field, string, string][] {
  const texts: [Field, string][] = [
    ["subject", snapshot.subject],
    ["body", snapshot.body.authored],
    ["body", snapshot.body.quoted],
  ];
  return texts.filter(([, t]) => t.trim() !== "").map(([f, t]) => [f, t, prepareText(t)]);
}

/**
 * How many times the message has been forwarded: the subject's prefixes, or those of a
 * forwarded message's subject, or the forwarded parts nested in the body.
 * @param snapshot - the message
 * @returns the count
 */
function forwardCount(snapshot: EmailSnapshot): number {
  let count = forwardPrefixCount(snapshot.subject);
  let parts = 0;
  for (const part of snapshot.body.quotedParts) {
    if (part.kind === "forward") parts++;
    if (part.headers.subject !== undefined) count = Math.max(count, forwardPrefixCount(part.headers.subject));
  }
  return Math.max(count, parts);
}

/**
 * The signs of a real notice the message shows (see `NOTICE` and `WHEN`), in the subject
 * and the texts written and forwarded, header lines left out.
 * @param snapshot - the message
 * @returns the distinct signs: the patterns found, and "" for a time
 */
function noticeSigns(snapshot: EmailSnapshot): Set<string> {
  const texts = [snapshot.subject, snapshot.body.authored, ...snapshot.body.quotedParts.map((p) => p.text)].map(prepareText);
  const found = new Set(texts.flatMap((t) => findSignals(t, NOTICE).map((h) => h.pattern)));
  // Header lines left in the text ("Jo Bloggs <jo@…> on 03/18/2024 4:13 pm") carry times too.
  // (Tested line by line: /.*@.*/g over one long line without "@" backtracked from every character.)
  const dated = texts.some((t) => t.split("\n").some((line) => !line.includes("@") && WHEN.test(line)));
  if (dated) found.add("");
  return found;
}

/**
 * The longest list of recipients being passed on: a forwarded To or Cc line, or addresses
 * pasted into the text.
 * @param snapshot - the message
 * @returns the number of addresses or names
 */
function longestAddressList(snapshot: EmailSnapshot): number {
  let most = Math.max(countAddresses(snapshot.body.authored), countAddresses(snapshot.body.quoted));
  for (const part of snapshot.body.quotedParts) {
    most = Math.max(most, countHeaderRecipients(part.headers.to), countHeaderRecipients(part.headers.cc));
  }
  return most;
}

export default defineRule<NoChainMailOptions>({
  meta: {
    id: "no-chain-mail",
    title: "Chain mail, jokes or gossip",
    description: "Disallow chain letters, hoaxes, jokes and gossip round-robins",
    category: "content",
    defaultSeverity: "warn",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        threshold: { type: "integer", minimum: 1, maximum: 20, description: "Points at which the message is reported." },
        forwardPrefixes: { type: "integer", minimum: 2, maximum: 20, description: "Forward prefixes on the subject (FW: FW: FW:) that count as a chain." },
        addressBlock: { type: "integer", minimum: 3, maximum: 1000, description: "Addresses in a forwarded To/Cc line, or pasted in the text, that count as a mass mailing." },
        allowToSmt: { type: "boolean", description: "Leave alone mail sent only to SMT (staff reporting a hoax)." },
        extraPhrases: {
          type: "array",
          description: "Further phrases that mark chain mail (3 points each).",
          maxItems: 200,
          uniqueItems: true,
          items: { type: "string", minLength: 1, maxLength: 80 },
        },
        modelThreshold: { type: "number", minimum: 0.5, maximum: 1, description: "Model's chain-mail probability that reports on its own (1: never)." },
        modelAssist: { type: "number", minimum: 0.3, maximum: 1, description: "Model's chain-mail probability that adds one point to the other signs (1: never)." },
      },
    },
    defaultOptions: { threshold: 3, forwardPrefixes: 3, addressBlock: 10, allowToSmt: true, extraPhrases: [], modelThreshold: MODEL_THRESHOLD, modelAssist: MODEL_ASSIST },
    messages: {
      chainLetter: "This e-mail looks like a chain letter ({{signs}}). Please do not send or forward chain mail; delete it instead.",
      hoax: "This e-mail looks like a hoax or a false virus warning ({{signs}}). Please do not pass it on; if you are worried about it, ask SMT or ICT support.",
      joke: "This e-mail looks like a joke, cartoon or gossip being passed round ({{signs}}). Please keep work e-mail for work and do not send it on.",
    },
    clause: CLAUSES.chainMail,
    readsQuotedHistory: true,
  },
  check(snapshot, context) {
    const { options } = context;
    if (options.allowToSmt && snapshot.recipients.length > 0) {
      const smt = new Set(context.organisation.smtAddresses.map((a) => a.toLowerCase()));
      if (snapshot.recipients.every((r) => smt.has(r.email))) return;
    }
    const extra = options.extraPhrases.map((p) => ["extra", wordsAsPattern(p)] as const).filter(([, p]) => p !== "");
    const signals = extra.length > 0 ? compileSignals(GROUPS as SignalData, extra) : SIGNALS;

    // The signs of a notice (`noticeSigns`): worked out at most once, and only for a message that
    // asks to be passed on or might be reported.
    let notices: Set<string> | undefined;
    const noticeSet = (): Set<string> => {
      if (notices === undefined) notices = noticeSigns(snapshot);
      return notices;
    };
    const tally: Tally = { chain: { points: 0, evidence: [] }, hoax: { points: 0, evidence: [] }, joke: { points: 0, evidence: [] } };
    const seen = new Set<string>();
    const byField: Record<Field, number> = { subject: 0, body: 0 };
    for (const [field, original, text] of textsOf(snapshot)) {
      for (const hit of findSignals(text, signals)) {
        const group = GROUPS[hit.group];
        const weight = group ? group.weight : EXTRA_WEIGHT;
        if (weight === 0 || seen.has(hit.pattern)) continue;
        seen.add(hit.pattern);
        const t = tally[group ? group.kind : "chain"];
        t.points += hit.group === "forwardDemand" && noticeSet().has(ANSWER) ? 1 : weight;
        t.evidence.push(asWritten(original, text, hit));
        byField[field] += weight;
      }
    }
    const forwards = forwardCount(snapshot);
    if (forwards >= options.forwardPrefixes) {
      const points = forwards >= Math.max(LONG_CHAIN_FORWARDS, options.forwardPrefixes + 2) ? LONG_CHAIN_POINTS : CHAIN_POINTS;
      tally.chain.points += points;
      tally.chain.evidence.push(`forwarded ${forwards} times`);
      byField.subject += points;
    }
    const addresses = longestAddressList(snapshot);
    if (addresses >= options.addressBlock) {
      tally.chain.points += ADDRESS_POINTS;
      tally.chain.evidence.push(`${addresses} addresses passed on`);
      byField.body += ADDRESS_POINTS;
    }

    // The list's first line is its evidence. Read in what the model reads of each text (its first
    // MAX_MODEL_CHARS): the expression costs about 16 ms on a 1 MB body of long lines, 0.2 ms so.
    const list = [snapshot.body.authored, ...snapshot.body.quotedParts.map((p) => p.text)].map((t) => ONE_LINERS.exec(sampleText(t))).find(Boolean);
    if (list) {
      tally.joke.points += LIST_POINTS;
      tally.joke.evidence.push(list[0].slice(0, 60).split("\n")[0] as string);
      byField.body += LIST_POINTS;
    }

    // A warning from IT or the office names its readers and says what to do; a hoax asks to be
    // passed on. With a sign of a notice and nothing asking for it to go further, the warning's
    // own words ("do not open", "delete this file", "virus") count for nothing.
    const noticeCount = (): number => noticeSet().size;
    if (tally.chain.points + tally.joke.points === 0 && tally.hoax.points > 0 && noticeCount() > 0) tally.hoax = { points: 0, evidence: [] };
    const total = (): number => tally.chain.points + tally.hoax.points + tally.joke.points;
    if (options.modelAssist < 1 || options.modelThreshold < 1) {
      // The model reads only the first MAX_MODEL_CHARS of its text (`sampleText`): each part is cut
      // to that before the join, which keeps those characters as they were (a 1 MB body is not
      // copied into a joined text for nothing), and with nothing quoted gives the heated rule's text.
      const passedOn = [snapshot.subject, snapshot.body.authored, snapshot.body.quoted].filter((t) => t.trim() !== "").map((t) => sampleText(t)).join("\n");
      const chain = detectOne(passedOn, "chain");
      const p = chain.probability;
      let points =
        p >= options.modelThreshold ? options.threshold : p >= Math.min(MODEL_STRONG, options.modelThreshold) ? MODEL_STRONG_POINTS : p >= options.modelAssist ? MODEL_ASSIST_POINTS : 0;
      // Alone, the model must hear chain mail in more than the words of passing it on (`PASSING_ON`),
      // in mail that is not a reply (`REPLYING`); the second reading is of what the model reads (its
      // first MAX_MODEL_CHARS characters).
      if (
        points === options.threshold &&
        total() + MODEL_STRONG_POINTS < options.threshold &&
        (REPLYING.test(snapshot.subject) || detectOne(passedOn.slice(0, MAX_MODEL_CHARS).replace(PASSING_ON, " "), "chain").probability < MODEL_WITHOUT_PASSING)
      )
        points = MODEL_STRONG_POINTS;
      // The model learnt that forwarded, friendly mail with "share" and "everyone" is chain
      // mail; a notice that names its readers, its source or its time loses a point a sign,
      // and with two signs or more ("Dear colleagues", "unsubscribe") it is read as a notice.
      if (points > 0 && total() + points >= options.threshold) points = noticeCount() >= 2 ? 0 : Math.max(0, points - noticeCount());
      // Forward prefixes are already counted (and said) as "forwarded N times". (The evidence
      // is worked out only when it is read: most messages earn no points here.)
      const words = points > 0 ? chain.evidence.filter((e) => !FORWARD_WORDS.test(e)) : [];
      if (words.length > 0) {
        const kind = (["hoax", "joke", "chain"] as const).reduce<Kind>((best, k) => (tally[k].points > tally[best].points ? k : best), "chain");
        tally[kind].points += points;
        // Quoted after the rule's own signs: the model's pieces worth quoting (`telling`) that say
        // something (`PLAIN`) and are not part of a sign quoted already ("break" in "Don't break
        // the chain"). When nothing else is quoted and none of them says something, its pieces
        // that are not plain are (the words of passing it on: "FORWARD", "passing"), and only
        // when every piece is plain, all of them. None that runs across a line break (the
        // subject's last word and the body's first, "read this These": `onOneLine`).
        // (Not Object.values: the ES2016 runtime of the on-send handler lacks it.)
        const quoted = [...tally.chain.evidence, ...tally.hoax.evidence, ...tally.joke.evidence].join("\n").toLowerCase();
        const lines = onOneLine(words);
        const telling = chain.telling.filter((e) => lines.includes(e) && e.replace(PASSING_ON, "").replace(PLAIN, "") && !quoted.includes(e.toLowerCase()));
        const passing = lines.filter((e) => e.replace(PLAIN, ""));
        tally[kind].evidence.push(...(telling[0] || quoted ? telling : passing[0] ? passing : lines));
        byField.body += points;
      }
    }
    if (total() < options.threshold || noticeSet().has(DISOWNED) || KEPT_IN.test(snapshot.body.authored)) return;
    const kinds: Kind[] = ["hoax", "chain", "joke"];
    const kind = kinds.reduce((best, k) => (tally[k].points > tally[best].points ? k : best), "hoax");
    const evidence = [...tally[kind].evidence, ...kinds.filter((k) => k !== kind).flatMap((k) => tally[k].evidence)];
    const signs = quoteList(evidence);
    context.report({
      messageId: MESSAGE_OF[kind],
      data: { signs },
      field: byField.body >= byField.subject ? "body" : "subject",
      evidence: signs,
    });
  },
});
