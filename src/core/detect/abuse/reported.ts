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
 * Pure and bounded: each question reads at most a few hundred characters around the hit, and
 * {@link reportedSpeech} shares the reading of quotation marks between the hits of one text.
 * No `\p{…}`, lookbehind or the `s` flag: this reaches the on-send bundle (ES2016 runtime).
 */

/** How far either side of a hit the sentence and its quotation marks are looked for. */
const REACH = 300;

/** Words (outside quotation marks, in the same sentence) that report or record someone's words. */
const REPORTING =
  /\b(?:say|says|said|saying|shout|shouts|shouted|shouting|scream|screams|screamed|screaming|yell|yells|yelled|yelling|swore|swears|swearing|sworn|mutter|mutters|muttered|muttering|tell|tells|told|telling|wrote|written|writing|posted|posting|messaged|texted|tweeted|emailed|call|calls|called|calling|refer|refers|referred|referring|describe|describes|described|describing|repeat|repeats|repeated|repeating|replied|asked|answered|heard|overheard|quote|quotes|quoted|quoting|used|word|words|term|terms|phrase|phrases|expression|expressions|language|slur|slurs|insult|insults|insulted|remark|remarks|comment|comments|commented|graffiti|chant|chants|chanted|chanting|allegation|allegations|allege|alleged|alleges|alleging|incident|incidents|disclosure|disclosed|disclose|discloses|report|reports|reported|reporting|complaint|complaints|complain|complained|witness|witnesses|statement|statements|logged|record|records|recorded|minutes|transcript|voicemail|threatened|threatening|abusive|verbatim|message|messages|include|includes|included|such as|for example|e\.g|including|sic)\b/i;

/** Second person: a quotation or a name after these is aimed at the reader ("you're a 'cow'"). */
const AT_READER = /(?:^|[^\w'’])(?:you|youre|you're|you’re|your|yours|yourself|ya|u|ur)(?![\w'’])/i;

/** Who a name is called: him, the manager, Child B, another parent. */
const OBJECT =
  "(?:him|her|them|me|us|it|everyone|everybody|people|staff|someone|somebody|(?:[Tt]he|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Tt]his|[Tt]hat|[Oo]ne)\\s+(?:[\\w-]+\\s+)?[\\w-]+|[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)?)";

/** Unquoted report, read backwards from the hit: the clause before it ends with one of these. */
const UNQUOTED_BEFORE: readonly RegExp[] = [
  // "called him a", "calling Child B a stupid", "called the manager an"
  new RegExp(`\\b[Cc]all(?:s|ed|ing)?\\s+${OBJECT}\\s+(?:(?:a|an)\\s+)?(?:[\\w-]+\\s+)?$`),
  // "referred to her as a", "described the parent as"
  new RegExp(`\\b(?:[Rr]efer(?:s|red|ring)?\\s+to|[Dd]escrib(?:e|es|ed|ing))\\s+${OBJECT}\\s+as\\s+(?:(?:a|an)\\s+)?(?:[\\w-]+\\s+)?$`),
  // "said that he was a", "says the driver is an"
  new RegExp(`\\b(?:said|says|saying|claimed|claims)\\s+(?:that\\s+)?(?:he|she|they|${OBJECT})\\s+(?:is|was|are|were|had\\s+been|has\\s+been)\\s+(?:(?:a|an)\\s+)?(?:[\\w-]+\\s+)?$`),
  // "used the word", "the words", "the term", "a slur such as"
  /\b(?:the|a|an|this|that|these|those)\s+(?:[\w-]+\s+)?(?:word|words|term|terms|phrase|phrases|slur|slurs|insult|insults|expression|expressions)\s*(?:(?:such\s+as|like|including)\s+)?[:-]?\s*$/i,
  // "told them to", "telling staff to"
  new RegExp(`\\b[Tt]ell(?:s|ing)?\\s+${OBJECT}\\s+to\\s+$|\\b[Tt]old\\s+${OBJECT}\\s+to\\s+$`),
];

type Span = Readonly<{ start: number; end: number }>;

function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9\u00C0-\u024F]/.test(c);
}

/**
 * The quotations of a stretch of text, in order: pairs of double quotes (straight or curly),
 * curly single quotes and straight single quotes used as quotes (opening before a word, closing
 * after one; an apostrophe between letters, as in "don't", is neither). A quotation does not
 * run over a blank line.
 * @param text - the whole text
 * @param from - where to start reading
 * @param to - where to stop reading
 * @returns quotation spans, from the opening mark to just after the closing mark
 */
export function quotations(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let dbl = -1; // open double quote
  let sgl = -1; // open single quote
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    if (c === "\n" && text[i + 1] === "\n") {
      dbl = -1;
      sgl = -1;
      continue;
    }
    const before = text[i - 1];
    const after = text[i + 1];
    if (c === "“" || c === "„" || c === "«") {
      dbl = i;
    } else if ((c === "”" || c === "»") && dbl >= 0) {
      spans.push({ start: dbl, end: i + 1 });
      dbl = -1;
    } else if (c === '"') {
      if (dbl >= 0) {
        spans.push({ start: dbl, end: i + 1 });
        dbl = -1;
      } else dbl = i;
    } else if (c === "'" || c === "‘" || c === "’") {
      // An apostrophe between letters ("don't") neither opens nor closes.
      const opens = !isLetterOrDigit(before) && (isLetterOrDigit(after) || after === "*");
      const closes = !isLetterOrDigit(after) && before !== undefined && !/\s/.test(before);
      if (sgl < 0 && (opens || c === "‘")) sgl = i;
      else if (sgl >= 0 && closes) {
        // "Jones' car" is not a quotation: a closing mark needs its opening one.
        spans.push({ start: sgl, end: i + 1 });
        sgl = -1;
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Where the sentence around [start, end) begins and ends, not cutting through quotations. */
function sentenceAround(text: string, start: number, end: number, quotes: readonly Span[]): Span {
  const inQuote = (i: number): boolean => quotes.some((q) => i > q.start && i < q.end - 1);
  const isStop = (i: number): boolean => {
    const c = text[i];
    if (c === "\n") return text[i + 1] === "\n" || text[i - 1] === "\n" || !inQuote(i);
    return (c === "." || c === "!" || c === "?") && /\s/.test(text[i + 1] ?? " ") && !inQuote(i);
  };
  let s = start - 1;
  const low = Math.max(0, start - REACH);
  while (s >= low && !isStop(s)) s--;
  let e = end;
  const high = Math.min(text.length, end + REACH);
  while (e < high && !isStop(e)) e++;
  return { start: s + 1, end: e };
}

/** The text of a span with every quotation in it blanked out (same length). */
function outsideQuotes(text: string, span: Span, quotes: readonly Span[]): string {
  let out = "";
  let at = span.start;
  for (const q of quotes) {
    if (q.end <= span.start || q.start >= span.end) continue;
    const qs = Math.max(q.start, span.start);
    const qe = Math.min(q.end, span.end);
    if (qs > at) out += text.slice(at, qs);
    out += " ".repeat(Math.max(0, qe - Math.max(qs, at)));
    at = Math.max(at, qe);
  }
  return out + text.slice(at, span.end);
}

/** The few words before a quotation or a hit, in its clause (back to , ; : or a sentence stop). */
function clauseBefore(text: string, at: number, low: number): string {
  let i = at - 1;
  while (i >= low && !/[,;:.!?()\n–—]/.test(text[i] as string)) i--;
  return text.slice(i + 1, at);
}

/**
 * What leads into a quotation: its clause, or, when the clause is empty or ends in a colon or a
 * dash ("Everyone knows what you are: 'a …'"), the sentence up to it.
 */
function leadIn(text: string, at: number): string {
  const low = Math.max(0, at - REACH);
  const clause = clauseBefore(text, at, low);
  const mark = text[at - clause.length - 1];
  if (clause.trim() !== "" && mark !== ":" && mark !== "–" && mark !== "—") return clause;
  let i = at - clause.length - 2;
  while (i >= low && !/[.!?\n]/.test(text[i] as string)) i--;
  return text.slice(i + 1, at);
}

/** The last few words of a stretch: what stands right before a quotation. */
function lastWords(s: string, n: number): string {
  const words = s.trim().split(/\s+/);
  return words.slice(Math.max(0, words.length - n)).join(" ");
}

/**
 * A reader of one text: answers, for each hit, whether it is reported speech. Quotation marks
 * around a hit are read once per stretch of text and shared between hits.
 * @param text - the text the hits are in
 * @returns a test of a hit's span
 */
export function reportedSpeech(text: string): (start: number, end: number) => boolean {
  let cacheFrom = -1;
  let cacheTo = -1;
  let cache: Span[] = [];
  const quotesNear = (start: number, end: number): Span[] => {
    const from = Math.max(0, start - REACH);
    const to = Math.min(text.length, end + REACH);
    if (from < cacheFrom || to > cacheTo) {
      // Read a wider stretch than asked, so that the next hits nearby reuse it.
      cacheFrom = Math.max(0, start - 4 * REACH);
      cacheTo = Math.min(text.length, end + 4 * REACH);
      // Start the reading at a paragraph break (or the text's start) so pairs are not misread.
      const para = text.lastIndexOf("\n\n", cacheFrom);
      const back = para >= 0 && cacheFrom - para < 4 * REACH ? para : cacheFrom === 0 ? 0 : -1;
      if (back < 0) {
        // No paragraph start in reach: read from a line start to keep pairs in step.
        const line = text.lastIndexOf("\n", cacheFrom);
        cacheFrom = line >= 0 && cacheFrom - line < 4 * REACH ? line : cacheFrom;
      } else cacheFrom = back;
      cache = quotations(text, cacheFrom, cacheTo);
    }
    return cache.filter((q) => q.end > from && q.start < to);
  };
  return (start, end) => {
    const quotes = quotesNear(start, end);
    let inner: Span | undefined;
    for (const q of quotes) if (q.start < start && q.end > end && (!inner || q.start > inner.start)) inner = q;
    if (inner) {
      // The words leading into the quotation, other quotations blanked: "you're a 'slag'".
      const lead = leadIn(text, inner.start);
      const leadText = outsideQuotes(text, { start: inner.start - lead.length, end: inner.start }, quotes);
      if (AT_READER.test(lastWords(leadText, 4))) return false;
      const sentence = sentenceAround(text, inner.start, inner.end, quotes);
      return REPORTING.test(outsideQuotes(text, sentence, quotes));
    }
    // The forms below name who was called what, never "you": "called you a twat" stays the sender's.
    const before = clauseBefore(text, start, Math.max(0, start - 80));
    return UNQUOTED_BEFORE.some((re) => re.test(before));
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
