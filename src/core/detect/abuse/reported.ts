/**
 * Reported speech: is an abusive word someone else's, written down to record it?
 *
 * Early-years staff must write down what others said: incident and safeguarding notes,
 * complaints, HR records ("the parent shouted 'you stupid cow' at the receptionist", "Child A
 * called child B a p***", "he used the word 'retard' in the meeting"). Those words are not the
 * sender's. A hit counts as reported when
 *   - it stands inside quotation marks (straight or curly, double or single, not apostrophes)
 *     and the sentence around the quotation, outside any quotation, has a word that reports or
 *     records speech (said, shouted, called, wrote, posted, "the word", incident, allegation…); or
 *   - without quotation marks, it follows "called him (a)", "the word", "referred to her as",
 *     "told them to" in the same clause.
 * It never counts as reported when the quotation or the words are aimed at the reader ("I'll tell
 * everyone you're a 'slag'", "he called you a twat"), nor when it is outside the quotation marks
 * ("Our 'manager' is a useless cow", "She IS a stupid cow." after a quotation).
 *
 * Pure and bounded: each question reads at most a few hundred characters around the hit.
 * Small on purpose (it ships in the on-send bundle, whose gzip budget is nearly full) and free
 * of `\p{…}`, lookbehind and the `s` flag (ES2016 runtime).
 */

/** How far either side of a hit the sentence and its quotation marks are looked for. */
const REACH = 300;

/** Words (outside quotation marks, in the same sentence) that report or record someone's words. */
const REPORTING =
  /\b(?:(?:shout|scream|yell|mutter|swear|call|repeat|post|text|insult|comment|complain|record|report|allege|disclos|describ|refer|includ|threaten)(?:e?[sd]|ing|red|ring)?|sa(?:y|ys|id|ying)|swor[en]|tell(?:s|ing)?|told|wr(?:ote|itten|iting)|(?:over)?heard|replied|asked|used|quot(?:e[sd]?|ing)|(?:word|term|phrase|slur|remark|allegation|incident|complaint|statement|witness|message)s?|language|graffiti|disclosure|logged|voicemail|abusive|such as|for example|e\.g|hateful|banned|unacceptable|offensive|bigot\w*)\b/i;

/** Second person in the last words before a quotation: aimed at the reader ("you're a 'cow'"). */
const AT_READER = /(?:^|[^\w'’])(?:you|youre|you're|you’re|your|yourself|ya|u|ur)(?![\w'’])(?:\W+\w+){0,3}\W*$/i;

/**
 * Unquoted reports, read on the clause before the hit: "called him a" (not "so-called": the sender's own sneer), "called Child B a stupid",
 * "e-mailed / texted / messaged / rang that the fees are", "referred to her as a", "used the word", "the term", "told them to". Never "you": "called you a
 * twat" stays the sender's.
 */
const W = "\\s+(?!you\\b|your\\b)[\\w'’-]+";
const A = "\\s+(?:an?\\s+)?(?:[\\w-]+\\s+)?";
const UNQUOTED = new RegExp(
  `(?:(?:^|[^\\w-])call(?:s|ed|ing)?${W}(?:${W})?${A}|\\b(?:refer\\w*\\s+to|describ\\w*)(?:${W}){1,3}\\s+as${A}|\\b(?:sa(?:id|ys|ying)|writ\\w*|wrote|e-?mailed|texted|messaged|phoned|rang)(?:\\s+that)?${W}(?:${W})?\\s+(?:is|was|are|were)${A}|\\b(?:the|a|an|this|that)\\s+(?:[\\w-]+\\s+)?(?:word|term|phrase|slur|insult)s?\\s*(?:(?:such\\s+as|like|including)\\s+)?[:-]?\\s*|\\bt(?:old|ell\\w*)${W}(?:${W})?\\s+to\\s+)$`,
  "i",
);

type Span = Readonly<{ start: number; end: number }>;

const isLetter = (c: string): boolean => c !== undefined && /[A-Za-z\u00C0-\u024F*]/.test(c);

/** The characters `quotations` acts on. */
const MARKS = /[\n"“„«”»'‘’.!?]/g;

/**
 * The quotations of a stretch of text, in order: pairs of double quotes (straight or curly), and
 * single quotes (straight or curly) used as quotes. A single mark opens after no letter before a
 * letter ("'rude'", "‘a shambles’", not "’70s") and closes after no space before no letter; an
 * apostrophe between letters ("don't", "o'clock") is neither, a mark beside another mark is wiki
 * markup ("'''bold'''"), and a single-mark quotation of one letter is an elision ("rock 'n' roll").
 * An elision that opens ("'cos", "'em") does not pair with a possessive ("the parents' room") in a
 * later sentence: a single-mark quotation that runs over a sentence's end closes only after its
 * own full stop ("'…about the bite. This is the last straw.'"). No quotation runs over a blank line.
 * @param text - the whole text
 * @param from - where to start reading
 * @param to - where to stop reading
 * @returns quotation spans, from the opening mark to just after the closing mark
 */
export function quotations(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let dbl = -1; // open double quote
  let sgl = -1; // open single quote
  let ended = false; // a sentence ended inside the open single quote
  // Only line breaks, quotation marks and sentence ends change anything: the loop jumps from one
  // to the next (the same spans as reading every character, about 8 µs less a short message).
  MARKS.lastIndex = from;
  for (let m = MARKS.exec(text); m !== null && m.index < to; m = MARKS.exec(text)) {
    const i = m.index;
    const c = m[0];
    // Undefined at either end of the text, which is neither a letter, a space nor a mark.
    const before = text[i - 1] as string;
    const next = text[i + 1] as string;
    if (c === "\n" && before === "\n") dbl = sgl = -1;
    else if (c === '"' ? dbl < 0 : "“„«".includes(c)) dbl = i;
    else if (dbl >= 0 && '"”»'.includes(c)) {
      spans.push({ start: dbl, end: i + 1 });
      dbl = -1;
    } else if ("'‘’".includes(c)) {
      if ("'‘’".includes(before) || "'‘’".includes(next)) continue;
      if (sgl < 0) {
        if (!isLetter(before) && isLetter(next)) sgl = i;
        ended = false;
      } else if (!isLetter(next) && !/\s/.test(before)) {
        if (i - sgl > 2 && (!ended || /[.!?]/.test(before))) spans.push({ start: sgl, end: i + 1 });
        sgl = -1;
      }
    } else if (".!?".includes(c) && /\s/.test(next)) ended = true;
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The text of a span with every quotation in it blanked out (same length). */
function outsideQuotes(text: string, start: number, end: number, quotes: readonly Span[]): string {
  const chars = text.slice(start, end).split("");
  for (const q of quotes) for (let i = Math.max(q.start, start); i < Math.min(q.end, end); i++) chars[i - start] = " ";
  return chars.join("");
}

/**
 * A reader of one text: answers, for each hit, whether it is reported speech.
 * @param text - the text the hits are in
 * @returns a test of a hit's span
 */
export function reportedSpeech(text: string): (start: number, end: number) => boolean {
  return (start, end) => {
    // Quotation marks are paired from the start of the line (or paragraph) the hit is in.
    const para = Math.max(text.lastIndexOf("\n\n", start) + 1, start - 2 * REACH);
    const line = text.lastIndexOf("\n", para) + 1;
    const quotes = quotations(text, line >= para - REACH ? line : para, Math.min(text.length, end + REACH));
    let inner: Span | undefined;
    for (const q of quotes) if (q.start < start && q.end > end) inner = q;
    // The sentence (or, with no quotation, the clause) up to the quotation or hit.
    const at = inner ? inner.start : start;
    let s = at - 1;
    // A full stop in "e.g." or "i.e." does not end the sentence.
    while (s >= start - REACH && !((inner ? /[.!?\n]/ : /[,;:.!?()\n–—]/).test(text[s] || "\n") && (text[s] !== "." || (text[s - 2] !== "." && text[s + 2] !== ".")))) s--;
    if (!inner) return UNQUOTED.test(text.slice(s + 1, start));
    if (AT_READER.test(outsideQuotes(text, s + 1, at, quotes))) return false;
    let e = inner.end;
    while (e < end + REACH && !/[.!?\n]/.test(text[e] || "\n")) e++;
    return REPORTING.test(outsideQuotes(text, s + 1, e, quotes));
  };
}

/**
 * Whether the words at [start, end) are someone else's, reported (see the file's comment).
 * @param text - the whole text
 * @param start - start of the hit
 * @param end - end of the hit
 * @returns true for reported speech
 */
export function isReportedSpeech(text: string, start: number, end: number): boolean {
  return reportedSpeech(text)(start, end);
}
