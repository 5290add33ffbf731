/**
 * Splits a plain-text e-mail body into what the sender wrote, quoted history (reply and
 * forward blocks as Outlook, Gmail and Apple Mail write them, and `>` quoting), signature and
 * disclaimer. Line-based and linear in the body's length: no regular expression ever runs
 * over more than one bounded line, except the search for the legal footers' anchor words, an
 * alternation of plain words with nothing to backtrack into.
 */
import type { BodySegments, QuotedPart } from "../model/snapshot";
import { lowerCase } from "../text/lower-case";

export type SegmentOptions = Readonly<{
  /** The organisation's disclaimer text, recognised and set apart wherever it appears. */
  disclaimerText?: string;
  /**
   * How the message was composed. Outlook writes the same header block for a reply and a
   * forward, so this tells the kind of the first quoted part; later parts are told by the
   * subject in the header block above them.
   */
  composeType?: "new" | "reply" | "forward";
  /** The message's subject; used like `composeType` when that is not given. */
  subject?: string;
}>;

type HeaderName = "from" | "date" | "to" | "cc" | "subject";
type Headers = { from?: string; date?: string; to?: string; cc?: string; subject?: string };

/**
 * The body's lines as offsets into one string, so that ordinary lines are never copied:
 * line `i` is `text.slice(start[i], end[i])`, its `>` markers end at `cs[i]`, `q[i]` counts them.
 */
type Lines = Readonly<{
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  cs: Int32Array;
  q: Int32Array;
  blank: Uint8Array;
}>;

/** "outlook" blocks look the same for replies and forwards; the kind is decided later. */
type BlockKind = "reply" | "forward" | "outlook";

type Block = Readonly<{ kind: BlockKind; headers: Headers; end: number }>;

type PartFrame = {
  kind: BlockKind;
  headers: Headers;
  depth: number;
  /** The `>` level of the header line (or of the first line, for plain quoting). */
  headerQ: number;
  /** The `>` level of the part's own text; set by its first non-blank line. */
  baseQ: number | undefined;
  parent: PartFrame | undefined;
  /** Position in the list of parts. */
  index: number;
};

/**
 * Header keys as Outlook, Thunderbird, Apple Mail and Gmail write them (English, German, French,
 * Spanish, Portuguese, Italian, Dutch, Nordic, Polish). Lotus Notes writes "cc:" in lower case.
 */
// No prototype: a "Constructor:" or "__proto__:" line must not find Object.prototype's.
const HEADER_KEYS: Readonly<Record<string, HeaderName | "other">> = Object.setPrototypeOf({
  from: "from", von: "from", de: "from", van: "from", da: "from", "från": "from", fra: "from", od: "from",
  sent: "date", date: "date", gesendet: "date", datum: "date", "envoyé": "date", enviado: "date", inviato: "date",
  verzonden: "date", skickat: "date", sendt: "date", "wysłano": "date", "data": "date", "enviado el": "date", fecha: "date",
  to: "to", an: "to", "à": "to", a: "to", para: "to", aan: "to", till: "to", til: "to", do: "to", pour: "to",
  cc: "cc", kopie: "cc", kopia: "cc", dw: "cc", "copie à": "cc", "kopie (cc)": "cc",
  subject: "subject", betreff: "subject", objet: "subject", sujet: "subject", asunto: "subject", oggetto: "subject",
  onderwerp: "subject", assunto: "subject", "ämne": "subject", emne: "subject", temat: "subject",
  "reply-to": "other", importance: "other", "wichtigkeit": "other", attachments: "other", anlagen: "other",
  bcc: "other", "sent by": "other",
}, null);

const OUTLOOK_DIVIDER = /^_{10,}$/;
const ORIGINAL_MESSAGE =
  /^-{3,}\s*(original message|ursprüngliche nachricht|original-nachricht|message d'origine|message original|mensaje original|messaggio originale|oorspronkelijk bericht|origineel bericht|wiadomość oryginalna|oryginalna wiadomość|oprindelig meddelelse|opprinnelig melding|ursprungligt meddelande|mensagem original)\s*-{3,}$/i;
const FORWARD_MARKER =
  /^(-{2,}\s*(forwarded message|original forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|przekazana wiadomość|wiadomość przekazana|mensagem encaminhada|videresendt meddelelse|vidarebefordrat meddelande)\s*-{2,}|begin forwarded message\s*:?|anfang der weitergeleiteten nachricht\s*:?|début du message réexpédié\s*:?|inicio del mensaje reenviado\s*:?|begin doorgestuurd bericht\s*:?|początek przekazywanej wiadomości\s*:?)$/i;
/** Lotus Notes: "----- Forwarded by Jane Smith/HOU/ECT on 05/01/2001 10:12 AM -----". */
const NOTES_FORWARDED_BY = /^-{2,}\s*forwarded by .{1,160} on \d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b.{0,40}?-{2,}$/i;
/** Lotus Notes' date and time after the sender's name: "04/30/2001 08:15 PM", "04/30/2001 08:15:32 PM". */
const NOTES_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?$/i;
/** Lines that stand for a picture or an attachment rather than text: "[IMAGE]", "<<Minutes.pdf>>", "[cid:image001.png@01D…]". */
const PLACEHOLDER = /^(?:\s*(?:\[(?:image|graphic|picture|logo|attachment)[^\]]{0,80}\]|\[cid:[^\]]{1,120}\]|<<[^<>]{1,160}>>))+\s*$/i;

/** Openings of "On <date>, <name> wrote:" lines, by language. */
const ATTRIBUTION_STARTS = ["on ", "le ", "el ", "il ", "em ", "op ", "den ", "w dniu ", "dnia ", "pe ", "am "];
/** The first letters of ATTRIBUTION_STARTS. */
const ATTRIBUTION_FIRST_LETTERS = "oleidwpa";
/** "Am <date> schrieb <name>:", "Op <date> schreef <name>:", "Op <date> heeft <name> het volgende geschreven:". */
const ATTRIBUTION_VERB_FIRST: ReadonlyArray<readonly [string, string, string]> = [
  ["am ", " schrieb ", ":"],
  ["op ", " schreef ", ":"],
  ["op ", " heeft ", " het volgende geschreven:"],
];
/** Endings of those lines, longest first so "a écrit :" is cut whole. */
const ATTRIBUTION_ENDS = [
  "napisał(a):", "ha scritto:", "a écrit :", "a écrit:", "kirjoitti:", "escribió:", "escreveu:",
  "napisał:", "schreef:", "schrieb:", "wrote:", "skrev:", "pisze:",
];
const MAX_ATTRIBUTION = 500;
/** Shorter text is never an attribution: the shortest, "on 1wrote:", an opening, a digit and an ending. */
const MIN_ATTRIBUTION = 10;
const MAX_HEADER_LINES = 14;
/** The most quoted parts a body is split into (see `segmentBody`). */
export const MAX_QUOTED_PARTS = 5000;

const FORWARD_SUBJECT = /^\s*(fwd?|wg|tr|rv|vs|fw)\s*:/i;
const REPLY_SUBJECT = /^\s*(re|aw|sv|antw|r)\s*:/i;

/** Sign-off lines after which a few short lines are the signature. */
const SIGN_OFFS = new Set([
  "regards", "kind regards", "best regards", "warm regards", "warmest regards", "kindest regards", "many regards",
  "with regards", "with kind regards", "with best regards", "many thanks", "thanks", "thank you", "thanks again",
  "thanks so much", "thank you very much", "many thanks again", "with thanks", "with many thanks", "best wishes",
  "kind wishes", "warm wishes", "with best wishes", "all the best", "best", "cheers", "sincerely",
  "yours sincerely", "yours faithfully", "yours truly", "sincerely yours", "take care", "speak soon", "thanks and regards",
  "mit freundlichen grüßen", "viele grüße", "beste grüße", "cordialement", "bien à vous", "saludos", "un saludo",
  "cordiali saluti", "met vriendelijke groet", "atenciosamente", "med vänlig hälsning", "med venlig hilsen",
]);
const MAX_SIGNATURE_LINES = 10;
const MAX_SIGNATURE_LINE_LENGTH = 80;
const MAX_SIGNATURE_LINE_WORDS = 10;
/** "Sent from my iPhone", "Get Outlook for Android" and their French, German, Spanish, Dutch and Polish forms. */
const MOBILE_SIGNATURE = new RegExp(
  "^(" +
    [
      "sent from my \\S.*",
      "sent from (outlook|mail|yahoo mail|gmail)\\b.*",
      "get outlook for \\S.*",
      "von meinem \\S.* gesendet",
      "gesendet von meinem \\S.*",
      "outlook für \\S+ (beziehen|herunterladen)\\b.*",
      "envoyé de mon \\S.*",
      "envoyé depuis mon \\S.*",
      "(télécharger|obtenir) outlook pour \\S.*",
      "enviado desde mi \\S.*",
      "obtener outlook para \\S.*",
      "(verzonden|verstuurd) (vanaf|met) mijn \\S.*",
      "outlook voor \\S+ (downloaden|ophalen)\\b.*",
      "wysłane z (mojego )?\\S.*",
      "pobierz (aplikację )?outlook dla \\S.*",
    ].join("|") +
    ")$",
  "i",
);

/** Phrases that only legal disclaimers use (compared lower-case, "e-mail" written "email"). */
/** Words every legal phrase below contains one of; paragraphs without any are not examined further. */
const LEGAL_ANCHORS = ["confiden", "intended", "error", "erreur", "views", "virus", "environment", "vertraulich", "irrtümlich", "adres", "empfänger", "destinat"];
/**
 * The anchors as one search. An alternation of plain words has nothing to backtrack into, so it
 * is linear in the text; it is many times faster than one `indexOf` pass per anchor.
 */
const LEGAL_ANCHOR_SEARCH = new RegExp(LEGAL_ANCHORS.join("|"), "g");
const LEGAL_PHRASES = [
  "this email and any attachments are confidential",
  "this email and any attachments may be confidential",
  "this email and any files transmitted with it are confidential",
  "this message and any attachments are confidential",
  "this email and any attachments are intended",
  "if you are not the intended recipient",
  "if you have received this email in error",
  "if you have received this message in error",
  "if you received this email in error",
  "the information contained in this email is confidential",
  "the information in this email is confidential",
  "intended solely for the use of the individual",
  "intended only for the person or entity",
  "intended only for the person or organisation",
  "intended only for the use of the addressee",
  "any views or opinions presented in this email are solely those of the author",
  "views expressed are those of the sender and not necessarily",
  "confidentiality notice",
  // German
  "diese email enthält vertrauliche",
  "diese nachricht enthält vertrauliche",
  "wenn sie nicht der richtige adressat sind",
  "wenn sie nicht der beabsichtigte empfänger sind",
  "diese email irrtümlich erhalten haben",
  // French
  "ce message et toutes les pièces jointes sont confidentiels",
  "ce message et ses pièces jointes sont confidentiels",
  "ce courriel et ses pièces jointes sont confidentiels",
  "si vous avez reçu ce message par erreur",
  "si vous n'êtes pas le destinataire",
  // Spanish, Dutch
  "este mensaje y sus anexos son confidenciales",
  "este correo electrónico y sus anexos son confidenciales",
  "si usted no es el destinatario",
  "dit bericht is uitsluitend bestemd voor de geadresseerde",
  "dit emailbericht is uitsluitend bestemd voor de geadresseerde",
  "indien u niet de geadresseerde bent",
  "this email has been scanned for viruses",
  "please consider the environment before printing",
];

// ---------------------------------------------------------------------------------------------
// Lines

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 12 || code === 11 || code === 0x200b || code === 0xfeff;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Empty lines kept one by one at the start of a run of empty lines; the rest of the run is one
 * line of the index (see `indexLines`). Three, because the most any reading counts is the up to
 * two blank lines skipped between a marker line and its headers, and the third that stops it.
 */
const KEPT_EMPTY_LINES = 3;

/** Finds the first character that is not a line break (sticky searches are ES2015). */
const NOT_LINE_BREAK = /[^\n]/g;

/**
 * Where line `s`'s run of empty lines ends: the offset of the first character after the run
 * of line breaks that starts at `s` (the text's length when the run goes to the end).
 */
function endOfBreaks(text: string, s: number): number {
  NOT_LINE_BREAK.lastIndex = s;
  const found = NOT_LINE_BREAK.exec(text);
  NOT_LINE_BREAK.lastIndex = 0;
  return found ? found.index : text.length;
}

/**
 * Indexes the body's lines. A long run of empty lines (some bodies are nothing else) is indexed
 * as its first `KEPT_EMPTY_LINES` lines and then one blank line holding the rest of the run,
 * its line breaks included: every reading treats blank lines alike and counts at most three in
 * a row, and the joined texts are the same slices of the body, so nothing read changes, while
 * every later pass over the lines no longer costs a step per line break.
 */
function indexLines(input: string): Lines {
  const text = input.includes("\r") ? input.replace(/\r\n?/g, "\n") : input;
  const length = text.length;
  // First pass: how many lines the index has.
  let count = 0;
  for (let s = 0; ; ) {
    if (text.charCodeAt(s) === 10) {
      // A run of empty lines, each ended by one of these line breaks.
      const run = endOfBreaks(text, s) - s;
      count += Math.min(run, KEPT_EMPTY_LINES + 1);
      s += run;
      continue;
    }
    count++;
    const e = s >= length ? -1 : text.indexOf("\n", s);
    if (e < 0) break;
    s = e + 1;
  }
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const cs = new Int32Array(count);
  const q = new Int32Array(count);
  const blank = new Uint8Array(count);
  let s = 0;
  for (let i = 0; i < count; i++) {
    const c = text.charCodeAt(s);
    if (c === 10) {
      // An empty line: no markers (`q` stays 0), blank. Past the first few of a run, the rest
      // of the run is one line.
      const run = endOfBreaks(text, s) - s;
      for (let k = 0; k < Math.min(run, KEPT_EMPTY_LINES); k++, i++) {
        start[i] = s + k;
        end[i] = s + k;
        cs[i] = s + k;
        blank[i] = 1;
      }
      if (run > KEPT_EMPTY_LINES) {
        start[i] = s + KEPT_EMPTY_LINES;
        end[i] = s + run - 1;
        cs[i] = s + KEPT_EMPTY_LINES;
        blank[i] = 1;
      } else {
        i--;
      }
      s += run;
      continue;
    }
    let e = s >= length ? -1 : text.indexOf("\n", s);
    if (e < 0) e = length;
    start[i] = s;
    end[i] = e;
    // Most lines start with a visible character other than `>`: no markers, not blank.
    if (s < e && c !== 62 && !isSpace(c)) {
      cs[i] = s;
      s = e + 1;
      continue;
    }
    // `>` markers: ">", ">>", "> > >", after at most four spaces of indent.
    let k = s;
    while (k < e && k - s < 4 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    let depth = 0;
    let contentStart = s;
    if (text.charCodeAt(k) === 62 && k < e) {
      let m = k;
      while (m < e && text.charCodeAt(m) === 62) {
        depth++;
        m++;
        contentStart = m;
        let n = m;
        while (n < e && (text.charCodeAt(n) === 32 || text.charCodeAt(n) === 9)) n++;
        if (n < e && text.charCodeAt(n) === 62) m = n;
      }
      if (contentStart < e && text.charCodeAt(contentStart) === 32) contentStart++;
    }
    cs[i] = contentStart;
    q[i] = depth;
    let b = 1;
    for (let m = contentStart; m < e; m++) {
      if (!isSpace(text.charCodeAt(m))) {
        b = 0;
        break;
      }
    }
    blank[i] = b;
    s = e + 1;
  }
  return { text, count, start, end, cs, q, blank };
}

function contentOf(lines: Lines, i: number): string {
  return lines.text.slice(lines.cs[i], lines.end[i]);
}

function rawOf(lines: Lines, i: number): string {
  return lines.text.slice(lines.start[i], lines.end[i]);
}

/** Offset of the first visible character of line `i`'s content, or -1. */
function firstVisibleAt(lines: Lines, i: number): number {
  // (A blank line may hold a run of line breaks: see `indexLines`.)
  if (lines.blank[i] === 1) return -1;
  const e = lines.end[i] as number;
  for (let k = lines.cs[i] as number; k < e; k++) if (!isSpace(lines.text.charCodeAt(k))) return k;
  return -1;
}

/** Offset of the last visible character of line `i`'s content, or -1. */
function lastVisibleAt(lines: Lines, i: number): number {
  if (lines.blank[i] === 1) return -1;
  const s = lines.cs[i] as number;
  for (let k = (lines.end[i] as number) - 1; k >= s; k--) if (!isSpace(lines.text.charCodeAt(k))) return k;
  return -1;
}

/** Length of line `i`'s content without white space at either end. */
function visibleLength(lines: Lines, i: number): number {
  const a = firstVisibleAt(lines, i);
  return a < 0 ? 0 : lastVisibleAt(lines, i) - a + 1;
}

function trimmedOf(lines: Lines, i: number): string {
  const a = firstVisibleAt(lines, i);
  return a < 0 ? "" : lines.text.slice(a, lastVisibleAt(lines, i) + 1);
}

// ---------------------------------------------------------------------------------------------
// Header blocks

type Field = { readonly name: HeaderName | "other"; readonly value: string };

/** The key `headerField` last looked up (as written, before the colon), and the header it names. */
let lastKey = "";
let lastKeyName: HeaderName | "other" | undefined;

/** Reads "Key: value" as a known header; `*From:*` (bold converted to text) is accepted too. */
function headerField(content: string): Field | null {
  let colon = -1;
  for (let i = 0; i < content.length && i <= 24; i++) {
    if (content.charCodeAt(i) === 58) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const key = content.slice(0, colon);
  // A run of header lines repeats the same few keys: the last one looked up is remembered.
  let name: HeaderName | "other" | undefined;
  if (key === lastKey) name = lastKeyName;
  else {
    name = HEADER_KEYS[(key.includes("*") ? key.replace(/\*/g, "") : key).trim().toLowerCase()];
    lastKey = key;
    lastKeyName = name;
  }
  if (!name) return null;
  let value = content.slice(colon + 1).trim();
  if (value.startsWith("*")) value = value.slice(1).trim();
  return { name, value };
}

/**
 * The last line read by `headerFieldAt`, and what it held. A header block is read line by line
 * and then again from its first line, and each line is read as the possible start of a block
 * and as the next line of the one before: remembering one line makes each read once (a body of
 * nothing but "From:" lines would otherwise parse each line three times).
 */
let lastFieldLines: Lines | undefined;
let lastFieldLine = -1;
let lastField: Field | null = null;

/** The header on line `i`, without copying lines that cannot be one. */
function headerFieldAt(lines: Lines, i: number): Field | null {
  if (lines === lastFieldLines && i === lastFieldLine) return lastField;
  const field = readHeaderFieldAt(lines, i);
  lastFieldLines = lines;
  lastFieldLine = i;
  lastField = field;
  return field;
}

/** The last line text `readHeaderFieldAt` read as a header, and what it held (a `Field` is never changed). */
let lastFieldText = "";
let lastFieldOfText: Field | null = null;

function readHeaderFieldAt(lines: Lines, i: number): Field | null {
  const a = firstVisibleAt(lines, i);
  if (a < 0) return null;
  const limit = Math.min(lines.end[i] as number, a + 26);
  for (let k = a; k < limit; k++) {
    if (lines.text.charCodeAt(k) === 58) {
      const content = lines.text.slice(a, lines.end[i]);
      // Runs of the same header line (1 MB of "From:") are read once.
      if (content !== lastFieldText) {
        lastFieldOfText = headerField(content);
        lastFieldText = content;
      }
      return lastFieldOfText;
    }
  }
  return null;
}

type Marker = "divider" | "original" | "forward";

function markerAt(lines: Lines, i: number): Marker | null {
  const a = firstVisibleAt(lines, i);
  if (a < 0) return null;
  const length = lastVisibleAt(lines, i) - a + 1;
  if (length < 10 || length > 240) return null;
  const first = lines.text.charCodeAt(a);
  // Dividers start with "_" or "-"; the worded markers ("Begin forwarded message:") end with a colon.
  if (first !== 95 && first !== 45) {
    if (length > 100 || !"BbAaDdIiPp".includes(lines.text[a] as string) || lines.text.charCodeAt(a + length - 1) !== 58) return null;
  }
  const t = lines.text.slice(a, a + length);
  if (OUTLOOK_DIVIDER.test(t)) return "divider";
  if (length <= 100 && ORIGINAL_MESSAGE.test(t)) return "original";
  if (length <= 100 && FORWARD_MARKER.test(t)) return "forward";
  if (first === 45 && NOTES_FORWARDED_BY.test(t)) return "forward";
  return null;
}

/**
 * Reads "Key: value" header lines from line `from` on, into `headers`. With `firstName`, the
 * first line must be that header. A long To or Cc list may wrap onto following lines.
 */
function readFields(lines: Lines, from: number, q: number, headers: Headers, firstName: HeaderName | null): { end: number; count: number } {
  let j = from;
  let count = 0;
  let last: HeaderName | "other" | undefined;
  while (j < lines.count && j - from < MAX_HEADER_LINES) {
    if (lines.q[j] !== q || lines.blank[j] === 1) break;
    const field = headerFieldAt(lines, j);
    if (field) {
      if (count === 0 && firstName !== null && field.name !== firstName) break;
      if (field.name !== "other") {
        if (headers[field.name] !== undefined) break;
        headers[field.name] = field.value;
      }
      last = field.name;
      count++;
      j++;
      continue;
    }
    if ((last === "to" || last === "cc") && visibleLength(lines, j) < 300) {
      const previous = headers[last] || "";
      const content = trimmedOf(lines, j);
      // Lotus Notes names ("Mark Taylor/HOU/ECT") wrap without an @.
      if (/[;,]$/.test(previous) || content.includes("@") || /\w\/[A-Z]{2,}/.test(content)) {
        headers[last] = `${previous} ${content}`.trim();
        j++;
        continue;
      }
    }
    break;
  }
  return { end: j, count };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Line `i` ends with a clock time: "08:15", "08:15:32 PM", "8.15 p.m.". Looks at a few characters only. */
function endsLikeTime(lines: Lines, i: number): boolean {
  const text = lines.text;
  const start = lines.cs[i] as number;
  let k = lastVisibleAt(lines, i);
  if (k < 0) return false;
  // "AM", "PM", "a.m." and the space before them.
  for (let n = 0; n < 5 && k > start && !isDigit(text.charCodeAt(k)); n++) {
    const c = text.charCodeAt(k) | 32;
    if (c !== 97 && c !== 112 && c !== 109 && c !== 46 && c !== 32) return false;
    k--;
  }
  if (k - 2 < start) return false;
  const sep = text.charCodeAt(k - 2);
  return isDigit(text.charCodeAt(k)) && isDigit(text.charCodeAt(k - 1)) && (sep === 58 || sep === 46);
}

/**
 * A Lotus Notes attribution at line `i`: "John Doe@ENRON on 04/30/2001 08:15 PM",
 * "Jane Smith <jane@x.com> on 04/30/2001 08:15:32 PM", or the name and the date on two lines.
 * `named` tells whether the name looks like an address (has @, / or <) rather than prose.
 */
function notesAttributionAt(lines: Lines, i: number, q: number): { headers: Headers; end: number; named: boolean } | null {
  if (i >= lines.count || lines.q[i] !== q || lines.blank[i] === 1) return null;
  const length = visibleLength(lines, i);
  if (length < 3 || length > 300) return null;
  // The date ends in a digit, "AM"/"PM" or "p.m.", on this line or the next: most lines end otherwise.
  const next = i + 1;
  if (!endsLikeTime(lines, i) && (next >= lines.count || !endsLikeTime(lines, next))) return null;
  const t = trimmedOf(lines, i);
  const on = t.toLowerCase().lastIndexOf(" on ");
  if (on > 0) {
    const date = t.slice(on + 4).trim();
    if (NOTES_DATE.test(date)) {
      const from = t.slice(0, on).trim();
      return { headers: { from, date }, end: i + 1, named: isNotesName(from) };
    }
  }
  if (length > 100 || t.includes(":") || next >= lines.count || lines.q[next] !== q || visibleLength(lines, next) > 40) return null;
  const date = trimmedOf(lines, next);
  if (!NOTES_DATE.test(date)) return null;
  return { headers: { from: t, date }, end: i + 2, named: isNotesName(t) };
}

/**
 * A sender as Notes names one: "John Doe@ENRON", "Sara Shackleton/HOU/ECT", "Jane Smith <jane@x.com>",
 * '"Carys Morgan" <carys@x.com>' — a few words, the last an address or Notes name; not a sentence.
 */
function isNotesName(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length > 4) return false;
  const last = words[words.length - 1] as string;
  return last.includes("@") || last.includes("/") || last.endsWith(">") || last.endsWith('"');
}

/** A header block (optionally after a divider or marker line) starting at line `i`, or null. */
function headerBlock(lines: Lines, i: number, marker: Marker | null): Block | null {
  const q = lines.q[i] as number;
  const headers: Headers = {};
  if (marker) {
    let j = i + 1;
    // Clients put up to two blank lines, or a second divider, between the marker and the headers.
    for (let skipped = 0; skipped < 3 && j < lines.count; skipped++) {
      if (lines.q[j] !== q || !(lines.blank[j] === 1 || markerAt(lines, j) === "divider")) break;
      j++;
    }
    // Lotus Notes puts the original sender's line after its "Forwarded by" line.
    const notes = marker === "forward" ? notesAttributionAt(lines, j, q) : null;
    if (notes) {
      Object.assign(headers, notes.headers);
      j = notes.end;
    }
    // After a marker the headers come in any order (Thunderbird starts with Subject).
    const run = readFields(lines, j, q, headers, marker === "divider" ? "from" : null);
    const found = run.count > 0 || notes !== null;
    if (marker === "forward") return { kind: "forward", headers, end: found ? run.end : i + 1 };
    if (marker === "original") return { kind: "outlook", headers, end: found ? run.end : i + 1 };
    const others = (headers.date !== undefined ? 1 : 0) + (headers.to !== undefined ? 1 : 0) + (headers.subject !== undefined ? 1 : 0);
    return headers.from !== undefined && others >= 1 ? { kind: "outlook", headers, end: run.end } : null;
  }
  const first = headerFieldAt(lines, i)?.name;
  if (first === "from") {
    // A second From line ends the block at one header (bodies of bare "From:" lines meet this on every line).
    // (`readFields` would stop there too, and at a line with other `>` markers.)
    if (i + 1 < lines.count && headerFieldAt(lines, i + 1)?.name === "from") return null;
    const run = readFields(lines, i, q, headers, "from");
    const others = (headers.date !== undefined ? 1 : 0) + (headers.to !== undefined ? 1 : 0) + (headers.subject !== undefined ? 1 : 0);
    if (others >= 2 && (headers.date !== undefined || headers.to !== undefined)) return { kind: "outlook", headers, end: run.end };
    return null;
  }
  // Lotus Notes' bare "To: … cc: … Subject:" block.
  if (first === "to") {
    const run = readFields(lines, i, q, headers, "to");
    if (headers.cc !== undefined && headers.subject !== undefined) return { kind: "outlook", headers, end: run.end };
    return null;
  }
  // Lotus Notes' attribution line, alone when the name is an address, otherwise followed by To/cc/Subject.
  const notes = notesAttributionAt(lines, i, q);
  if (!notes) return null;
  Object.assign(headers, notes.headers);
  // Notes may put "Please respond to <address>" between the sender's line and the To line.
  let fields = notes.end;
  if (fields < lines.count && lines.q[fields] === q && visibleLength(lines, fields) < 200 && /^please respond to\b/i.test(trimmedOf(lines, fields))) fields++;
  const run = readFields(lines, fields, q, headers, "to");
  if (headers.to !== undefined && (headers.cc !== undefined || headers.subject !== undefined)) return { kind: "outlook", headers, end: run.end };
  return notes.named && notes.end === i + 1 ? { kind: "outlook", headers, end: run.end } : null;
}

/** Splits "<date>, <name <address>>" as Gmail, Apple Mail and Thunderbird write it. */
function splitAttribution(body: string): Headers {
  const text = body.trim();
  const lt = text.lastIndexOf("<");
  const cut = (lt >= 0 ? text.slice(0, lt) : text).lastIndexOf(", ");
  if (cut < 0) return text ? { from: text } : {};
  const date = text.slice(0, cut).trim();
  const from = text.slice(cut + 2).trim();
  return { ...(from ? { from } : {}), ...(date ? { date } : {}) };
}

function attributionOf(text: string): Headers | null {
  // Every attribution read below has at least ten characters ("on 1 wrote:" less its space);
  // a bare "From:" or "Re:" line, met on every line of some bodies, is turned away at once.
  if (text.length > MAX_ATTRIBUTION || text.length < MIN_ATTRIBUTION) return null;
  const t = text.trim().replace(/\s+/g, " ");
  const lower = t.toLowerCase();
  // Apple Mail in Polish: "Wiadomość napisana przez Anna Nowak <a@x.pl> w dniu 03.06.2024, o godz. 10:12:".
  if (lower.startsWith("wiadomość napisana przez ") && lower.endsWith(":")) {
    const at = lower.lastIndexOf(" w dniu ");
    if (at > 0 && /\d/.test(t.slice(at))) return { from: t.slice(25, at).trim(), date: t.slice(at + 8, -1).trim() };
  }
  const start = ATTRIBUTION_STARTS.find((s) => lower.startsWith(s));
  // German and Dutch put the verb before the name: "Am 03.11.2025 um 09:12 schrieb Jane Smith <jane@x.com>:".
  for (const [opening, verb, ending] of ATTRIBUTION_VERB_FIRST) {
    if (start !== opening || !lower.endsWith(ending)) continue;
    const at = lower.indexOf(verb);
    if (at > 0 && /\d/.test(t.slice(0, at))) {
      const from = t.slice(at + verb.length, t.length - ending.length).trim();
      const date = t.slice(opening.length, at).trim();
      return { ...(from ? { from } : {}), ...(date ? { date } : {}) };
    }
  }
  // Thunderbird's older form: "Jane Smith wrote on 03/06/2024 10:12:".
  if (!start && lower.endsWith(":")) {
    const at = lower.lastIndexOf(" wrote on ");
    // The date is numeric with a time ("03/06/2024 10:12"), so "As I wrote on 3 June:" stays the sender's.
    if (at > 0 && wordCount(t.slice(0, at)) <= 6 && /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}[:.]\d{2}/.test(t.slice(at + 10))) {
      const date = t.slice(at + 10, -1).trim();
      return { from: t.slice(0, at).trim(), ...(date ? { date } : {}) };
    }
  }
  const end = ATTRIBUTION_ENDS.find((e) => lower.endsWith(e));
  if (!end) return null;
  const body = t.slice(start ? start.length : 0, t.length - end.length);
  if (start && /\d/.test(body)) return splitAttribution(body);
  // "Jane Smith <jane@x.com> wrote:" without a date.
  if (!start && end === "wrote:" && /<[^<>\s]+@[^<>\s]+>\s*$/.test(body)) return { from: body.trim() };
  // Gmail in Polish and some other languages leaves out the opening: "pon., 3 cze 2024 o 10:12 Anna <a@x.pl> napisał(a):".
  if (!start && /\d/.test(body) && /<[^<>\s]+@[^<>\s]+>\)?\s*$/.test(body)) {
    const lt = body.lastIndexOf("<");
    const before = body.slice(0, lt);
    const time = before.search(/\d{1,2}[:.]\d{2}\s/);
    if (time >= 0) {
      const space = before.indexOf(" ", time);
      return { from: body.slice(space + 1).trim(), date: before.slice(0, space).trim() };
    }
    return { from: body.trim() };
  }
  return null;
}

/** A reply attribution ("On … wrote:"), on one line or wrapped over two, starting at line `i`. */
function attributionBlock(lines: Lines, i: number): Block | null {
  const length = (lines.end[i] as number) - (lines.cs[i] as number);
  if (length > MAX_ATTRIBUTION) return null;
  const last = lastVisibleAt(lines, i);
  // (`attributionOf` turns away texts shorter than MIN_ATTRIBUTION: no copy is made for them.)
  if (last >= 0 && length >= MIN_ATTRIBUTION && lines.text.charCodeAt(last) === 58) {
    const single = attributionOf(contentOf(lines, i));
    if (single) return { kind: "reply", headers: single, end: i + 1 };
  }
  const next = i + 1;
  if (next >= lines.count || lines.q[next] !== lines.q[i] || lines.blank[next] === 1) return null;
  if (length + (lines.end[next] as number) - (lines.cs[next] as number) > MAX_ATTRIBUTION) return null;
  const nextLast = lastVisibleAt(lines, next);
  if (lines.text.charCodeAt(nextLast) !== 58) return null;
  // The openings all start with one of these letters: a line starting with any other ASCII
  // character is turned away before it is copied (bodies of bare "From:" lines meet this on every line).
  const first = lines.text.charCodeAt(firstVisibleAt(lines, i));
  if (first < 128 && !ATTRIBUTION_FIRST_LETTERS.includes(String.fromCharCode(first | 32))) return null;
  const content = contentOf(lines, i);
  const lower = content.trimStart().toLowerCase();
  if (!ATTRIBUTION_STARTS.some((s) => lower.startsWith(s))) return null;
  const head = content.trimEnd();
  const tail = trimmedOf(lines, next);
  const wrapped = attributionOf(head.endsWith("<") ? head + tail : `${head} ${tail}`);
  return wrapped ? { kind: "reply", headers: wrapped, end: i + 2 } : null;
}

function blockAt(lines: Lines, i: number): Block | null {
  // Cheap tests first: most lines are neither a marker, a From header nor an attribution.
  const marker = markerAt(lines, i);
  const block = headerBlock(lines, i, marker);
  if (block) return block;
  return attributionBlock(lines, i);
}

// ---------------------------------------------------------------------------------------------
// Output

/** Joins lines given as ranges of one string, copying runs of adjacent lines as one slice. */
class LineJoiner {
  private readonly chunks: string[] = [];
  private from = -1;
  private to = -1;

  constructor(private readonly text: string) {}

  range(start: number, end: number): void {
    if (this.from >= 0 && start === this.to + 1) {
      this.to = end;
      return;
    }
    this.flush();
    this.from = start;
    this.to = end;
  }

  literal(line: string): void {
    this.flush();
    this.chunks.push(line);
  }

  /** The lines joined by "\n"; with `trim`, without blank lines at either end. */
  join(trim = true): string {
    this.flush();
    const joined = this.chunks.join("\n");
    return trim ? trimBlankLines(joined) : joined;
  }

  private flush(): void {
    if (this.from >= 0) this.chunks.push(this.text.slice(this.from, this.to));
    this.from = -1;
  }
}

function trimBlankLines(text: string): string {
  let a = 0;
  while (a < text.length && (isSpace(text.charCodeAt(a)) || text.charCodeAt(a) === 10)) a++;
  if (a === text.length) return "";
  let b = text.length;
  while (b > a && (isSpace(text.charCodeAt(b - 1)) || text.charCodeAt(b - 1) === 10)) b--;
  const startOfLine = text.lastIndexOf("\n", a) + 1;
  const endOfLine = text.indexOf("\n", b);
  return text.slice(startOfLine, endOfLine < 0 ? text.length : endOfLine);
}

// ---------------------------------------------------------------------------------------------
// Disclaimers

/** A character as the disclaimer comparison sees it: lower case, dashes and quotes unified; -1 for white space. */
function matchCode(c: number): number {
  if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || isSpace(c)) return -1;
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (c >= 0x2010 && c <= 0x2015) return 45;
  if (c === 0x2018 || c === 0x2019) return 39;
  if (c === 0x201c || c === 0x201d) return 34;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** `text` as comparison codes, runs of white space as one space, without leading or trailing space. */
export function matchCodes(text: string): number[] {
  const codes: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = matchCode(text.charCodeAt(i));
    if (c < 0) {
      pendingSpace = codes.length > 0;
      continue;
    }
    if (pendingSpace) codes.push(32);
    pendingSpace = false;
    codes.push(c);
  }
  return codes;
}

/** Each key's failure table and its plain first word (see `findNormalized`). */
const searchTables = new WeakMap<readonly number[], [fail: Int32Array, first: string]>();

/**
 * Every non-overlapping occurrence of `key` (from `matchCodes`) in `text`, compared case- and
 * white-space-insensitively, as [start, end) offsets in `text`. Knuth–Morris–Pratt over the
 * normalised characters as they are read, so it is linear and needs memory only for the key.
 * Between matches it jumps to the next place the key's first word is written (a native search
 * of the lower-cased text), which is most of the text when the key is not there.
 * @param text - the text
 * @param lower - `text.toLowerCase()`
 * @param key - from `matchCodes`
 * @returns the occurrences
 */
export function findNormalized(text: string, lower: string, key: readonly number[]): Array<[number, number]> {
  const m = key.length;
  // The key's normalised characters each come from at least one character of the text.
  if (text.length < m) return [];
  // The engine searches for the same disclaimer in every message: its table is built once
  // (keys are never changed in place).
  let table = searchTables.get(key);
  if (table === undefined) {
    const fail = new Int32Array(m);
    for (let i = 1, k = 0; i < m; i++) {
      while (k > 0 && key[i] !== key[k]) k = fail[k - 1] as number;
      if (key[i] === key[k]) k++;
      fail[i] = k;
    }
    let first = "";
    for (const code of key) {
      if (code >= 128 || code === 32 || code === 45 || code === 39 || code === 34) break;
      first += String.fromCharCode(code);
    }
    searchTables.set(key, (table = [fail, first]));
  }
  const [fail, first] = table;
  const found: Array<[number, number]> = [];
  let n = 0;
  let k = 0;
  let pendingSpace = -1;
  // The key's first characters up to its first space stand for themselves in the lower-cased
  // text when they are ASCII and not dashes or quotes (which other characters are read as), and
  // when lower-casing kept every offset; then nothing before the next place they are written
  // can start a match. (Its first word is far rarer than its first letter: a megabyte of prose
  // holds a "t" every few characters, and each one cost a step of the search.)
  // (Most messages do not contain the disclaimer's first word at all: the first search ends it.)
  const prefix = lower.length === text.length ? first : "";
  // Where in `text` each of the last m normalised characters came from.
  const origin = new Int32Array(m);
  const step = (code: number, at: number): void => {
    origin[n % m] = at;
    n++;
    while (k > 0 && code !== key[k]) k = fail[k - 1] as number;
    if (code === key[k]) k++;
    if (k === m) {
      found.push([origin[(n - m) % m] as number, at + 1]);
      k = 0;
    }
  };
  for (let i = 0; i < text.length; i++) {
    if (k === 0 && prefix !== "") {
      const next = lower.indexOf(prefix, i);
      if (next < 0) break;
      if (next > i) {
        i = next;
        pendingSpace = -1;
      }
    }
    const code = matchCode(text.charCodeAt(i));
    if (code < 0) {
      if (n > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) step(32, pendingSpace);
    pendingSpace = -1;
    step(code, i);
  }
  return found;
}

/** The comparison codes of the last disclaimer text seen (the same in every check until SMT change it). */
let lastDisclaimer: [text: string, key: number[]] | undefined;

function legalKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim().replace(/e-mail/g, "email").replace(/[\u2018\u2019]/g, "'");
}

// ---------------------------------------------------------------------------------------------
// The sender's lines: disclaimer, signature, authored

const SENDER_LINE = -1;
const HEADER_LINE = -2;
/** A picture or attachment placeholder among the sender's lines: neither text nor history. */
const PLACEHOLDER_LINE = -3;

function isPlaceholder(lines: Lines, i: number): boolean {
  const a = firstVisibleAt(lines, i);
  if (a < 0) return false;
  const c = lines.text.charCodeAt(a);
  return (c === 91 || c === 60) && visibleLength(lines, i) <= 400 && PLACEHOLDER.test(trimmedOf(lines, i));
}

const AUTHORED = 0;
const SIGNATURE = 1;
const DISCLAIMER = 2;
type Role = typeof AUTHORED | typeof SIGNATURE | typeof DISCLAIMER;

/** A line cut where the organisation's disclaimer starts or ends in mid-line. */
type SplitLine = Array<{ text: string; role: Role }>;

type Sender = {
  lines: Lines;
  /** The sender's line numbers, in order: the first `n` entries. */
  ids: Int32Array;
  n: number;
  role: Uint8Array;
  splits: Map<number, SplitLine>;
  /** The sender's lines joined by "\n", and where each starts in it. */
  joined: string;
  /** `joined` in lower case. */
  lower: string;
  offsets: Int32Array;
};

// `n` rather than a `subarray` of `ids`: a typed array small enough to live in V8's heap is
// moved out of it (its buffer made) when cut, about 0.4 µs each.
function senderOf(lines: Lines, ids: Int32Array, n: number): Sender {
  const offsets = new Int32Array(n);
  const joiner = new LineJoiner(lines.text);
  let offset = 0;
  for (let k = 0; k < n; k++) {
    const line = ids[k] as number;
    offsets[k] = offset;
    joiner.range(lines.start[line] as number, lines.end[line] as number);
    offset += (lines.end[line] as number) - (lines.start[line] as number) + 1;
  }
  const joined = joiner.join(false);
  return { lines, ids, n, role: new Uint8Array(lines.count), splits: new Map(), joined, lower: lowerCase(joined), offsets };
}

/** Index k of the sender line whose text contains offset `at` of `sender.joined`. */
function senderLineAt(sender: Sender, at: number): number {
  let lo = 0;
  let hi = sender.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sender.offsets[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Sets the organisation's disclaimer apart, wherever and however wrapped it appears. */
function markOrganisationDisclaimer(sender: Sender, disclaimerText: string | undefined): void {
  if (!disclaimerText || sender.n === 0) return;
  if (lastDisclaimer?.[0] !== disclaimerText) lastDisclaimer = [disclaimerText, matchCodes(disclaimerText)];
  const key = lastDisclaimer[1];
  if (key.length < 20) return;
  const text = sender.joined;
  for (const [from, to] of findNormalized(text, sender.lower, key)) {
    const first = senderLineAt(sender, from);
    const last = senderLineAt(sender, to - 1);
    for (let k = first; k <= last; k++) {
      const line = sender.ids[k] as number;
      const lineStart = sender.offsets[k] as number;
      const lineEnd = lineStart + (sender.lines.end[line] as number) - (sender.lines.start[line] as number);
      const before = text.slice(lineStart, Math.max(lineStart, from));
      const after = text.slice(Math.min(lineEnd, to), lineEnd);
      if ((isBlank(before) && isBlank(after)) || sender.splits.has(line)) {
        sender.role[line] = DISCLAIMER;
        continue;
      }
      const split: SplitLine = [];
      if (!isBlank(before)) split.push({ text: before, role: AUTHORED });
      split.push({ text: text.slice(Math.max(lineStart, from), Math.min(lineEnd, to)), role: DISCLAIMER });
      if (!isBlank(after)) split.push({ text: after, role: AUTHORED });
      sender.splits.set(line, split);
    }
  }
}

/** Sets apart generic legal disclaimers: a paragraph from the line where a legal phrase starts. */
function markLegalDisclaimers(sender: Sender): void {
  const { ids, n, lines, role, splits } = sender;
  const lower = sender.lower;
  const candidate = new Uint8Array(n);
  let any = false;
  LEGAL_ANCHOR_SEARCH.lastIndex = 0;
  for (let m = LEGAL_ANCHOR_SEARCH.exec(lower); m !== null; m = LEGAL_ANCHOR_SEARCH.exec(lower)) {
    candidate[senderLineAt(sender, m.index)] = 1;
    any = true;
  }
  if (!any) return;
  const usable = (k: number): boolean => {
    const line = ids[k] as number;
    return lines.blank[line] === 0 && role[line] === AUTHORED && !splits.has(line);
  };
  let k = 0;
  while (k < n) {
    if (!usable(k)) {
      k++;
      continue;
    }
    let end = k + 1;
    let hit = candidate[k] === 1;
    while (end < n && usable(end) && ids[end] === (ids[end - 1] as number) + 1) {
      if (candidate[end] === 1) hit = true;
      end++;
    }
    if (hit) {
      const keys: string[] = [];
      for (let m = k; m < end; m++) keys.push(legalKey(rawOf(lines, ids[m] as number)));
      const paragraph = keys.join(" ");
      let first = -1;
      for (const phrase of LEGAL_PHRASES) {
        const at = paragraph.indexOf(phrase);
        if (at >= 0 && (first < 0 || at < first)) first = at;
      }
      if (first >= 0) {
        let from = k;
        for (let m = k, offset = 0; m < end && offset <= first; m++) {
          from = m;
          offset += (keys[m - k] as string).length + 1;
        }
        for (let m = from; m < end; m++) role[ids[m] as number] = DISCLAIMER;
      }
    }
    k = end;
  }
}

function isSignOff(text: string): boolean {
  const t = text.toLowerCase().replace(/[.,!:;\s]+$/, "");
  if (t.length === 0) return false;
  if (SIGN_OFFS.has(t)) return true;
  // "Kind regards, Amy" / "Many thanks, Amy Jones": a sign-off and at most three more words.
  const comma = t.indexOf(",");
  if (comma > 0 && SIGN_OFFS.has(t.slice(0, comma).trim())) return t.slice(comma + 1).trim().split(/\s+/).length <= 3;
  return false;
}

/** "P.S. …", or an exclamation: more of the message after the sign-off, not a signature line. */
function isAfterthought(text: string): boolean {
  return /^p\.?\s?p?\.?\s?s\b/i.test(text) || (text.endsWith("!") && wordCount(text) >= 3);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Marks the signature at the end of one run of the sender's lines (`ids[from..to)`). */
function markSignature(sender: Sender, from: number, to: number): void {
  const { ids, lines, role, splits } = sender;
  const isText = (k: number): boolean => role[ids[k] as number] === AUTHORED && !splits.has(ids[k] as number);
  const isBlankAt = (k: number): boolean => lines.blank[ids[k] as number] === 1;
  // 1. The "-- " delimiter (RFC 3676, 4.3): everything after it.
  for (let k = from; k < to; k++) {
    const line = ids[k] as number;
    // Cheapest test first: blank lines (every line of some bodies) are never the delimiter.
    if (lines.blank[line] === 1 || visibleLength(lines, line) !== 2 || !isText(k) || trimmedOf(lines, line) !== "--") continue;
    for (let m = k; m < to; m++) if (isText(m)) role[ids[m] as number] = SIGNATURE;
    return;
  }
  // 2. "Sent from my iPhone" and the like at the end.
  let end = to;
  const skipBack = (): void => {
    while (end > from && (isBlankAt(end - 1) || role[ids[end - 1] as number] === DISCLAIMER)) end--;
  };
  skipBack();
  while (end > from && isText(end - 1) && visibleLength(lines, ids[end - 1] as number) <= 80 && MOBILE_SIGNATURE.test(trimmedOf(lines, ids[end - 1] as number))) {
    role[ids[end - 1] as number] = SIGNATURE;
    end--;
    skipBack();
  }
  // 3. A sign-off line followed by a few short lines (name, role, centre, phone).
  let nonBlank = 0;
  for (let k = end - 1; k >= from; k--) {
    const line = ids[k] as number;
    if (isBlankAt(k) || role[line] === DISCLAIMER) continue;
    if (!isText(k)) return;
    const length = visibleLength(lines, line);
    if (length <= 48 && isSignOff(trimmedOf(lines, line))) {
      if (nonBlank === 0) return;
      for (let m = k + 1; m < end; m++) if (isText(m)) role[ids[m] as number] = SIGNATURE;
      return;
    }
    nonBlank++;
    // Signature lines are few, short and not questions; anything else is still the message.
    if (nonBlank > MAX_SIGNATURE_LINES || length > MAX_SIGNATURE_LINE_LENGTH) return;
    const trimmed = trimmedOf(lines, line);
    if (trimmed.endsWith("?") || wordCount(trimmed) > MAX_SIGNATURE_LINE_WORDS || isAfterthought(trimmed)) return;
  }
}

/** The sender's authored, signature and disclaimer texts, in one pass over the sender's lines. */
function senderTexts(sender: Sender): [authored: string, signature: string, disclaimer: string] {
  const { lines, role, splits, ids, n } = sender;
  const joiners = [new LineJoiner(lines.text), new LineJoiner(lines.text), new LineJoiner(lines.text)] as const;
  for (let k = 0; k < n; k++) {
    const line = ids[k] as number;
    const split = splits.size === 0 ? undefined : splits.get(line);
    if (split) {
      for (const wanted of [AUTHORED, SIGNATURE, DISCLAIMER] as const) {
        const pieces = split.filter((p) => p.role === wanted).map((p) => p.text.trim());
        if (pieces.length > 0) joiners[wanted].literal(pieces.join(" "));
      }
    } else {
      joiners[role[line] as Role].range(lines.start[line] as number, lines.end[line] as number);
    }
  }
  return [joiners[AUTHORED].join(), joiners[SIGNATURE].join(), joiners[DISCLAIMER].join()];
}

function kindFromSubject(subject: string | undefined): "reply" | "forward" | undefined {
  if (subject === undefined) return undefined;
  if (FORWARD_SUBJECT.test(subject)) return "forward";
  if (REPLY_SUBJECT.test(subject)) return "reply";
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/**
 * Splits a plain-text body into its parts. Runs in time linear in the body's length.
 * @param text - the plain-text body
 * @param options - the organisation's disclaimer, and how the message was composed
 * @returns the body's parts: `authored`, `signature` and `disclaimer` are the sender's lines,
 *   `quoted` is every line of quoted history as written (headers and `>` included), and
 *   `quotedParts` lists each quoted message in order of appearance, its text without `>`
 */
export function segmentBody(text: string, options: SegmentOptions = {}): BodySegments {
  const lines = indexLines(text);
  const parts: PartFrame[] = [];
  const stack: PartFrame[] = [];
  /** Per line: the index of the part whose text it is, HEADER_LINE for quoted header lines, SENDER_LINE for the sender's. */
  const owner = new Int32Array(lines.count);
  const senderIds = new Int32Array(lines.count);
  const senderRuns = new Int32Array(lines.count);
  let senderCount = 0;
  let run = 0;
  let quotedSinceSender = false;

  // (An empty array read at index -1 takes a slow path in V8; hence the length checks.)
  const topFrame = (): PartFrame | undefined => (stack.length > 0 ? stack[stack.length - 1] : undefined);
  const baseOf = (frame: PartFrame | undefined): number => (frame ? (frame.baseQ ?? frame.headerQ) : 0);
  const open = (kind: BlockKind, headers: Headers, depth: number, headerQ: number, baseQ: number | undefined): void => {
    const frame: PartFrame = { kind, headers, depth, headerQ, baseQ, parent: topFrame(), index: parts.length };
    parts.push(frame);
    stack.push(frame);
  };

  for (let i = 0; i < lines.count; i++) {
    const q = lines.q[i] as number;
    const blank = lines.blank[i] === 1;
    if (!blank) {
      // Past MAX_QUOTED_PARTS header blocks, further ones are read as the text of the part
      // they stand in: no real thread is that long, and a body made of nothing but header
      // lines would otherwise cost a part (and its joiner) per line.
      const block = parts.length < MAX_QUOTED_PARTS ? blockAt(lines, i) : null;
      if (block) {
        while (stack.length > 0 && baseOf(topFrame()) > q) stack.pop();
        const parent = topFrame();
        open(block.kind, block.headers, parent ? parent.depth + 1 : 1, q, undefined);
        owner.fill(HEADER_LINE, i, block.end);
        quotedSinceSender = true;
        i = block.end - 1;
        continue;
      }
    }
    // A blank line stays with what it follows; fewer `>` close parts, more `>` open one.
    if (!blank || q > baseOf(topFrame())) {
      for (let frame = topFrame(); frame; frame = topFrame()) {
        if (frame.baseQ === undefined && q >= frame.headerQ) frame.baseQ = q;
        if (frame.baseQ !== undefined && q >= frame.baseQ) break;
        stack.pop();
      }
      const frame = topFrame();
      const base = baseOf(frame);
      if (q > base) open("reply", {}, (frame ? frame.depth : 0) + (q - base), q, q);
    }
    const current = topFrame();
    if (current) {
      owner[i] = current.index;
      quotedSinceSender = true;
    } else if (!blank && isPlaceholder(lines, i)) {
      owner[i] = PLACEHOLDER_LINE;
    } else {
      owner[i] = SENDER_LINE;
      if (quotedSinceSender && senderCount > 0) run++;
      quotedSinceSender = false;
      senderIds[senderCount] = i;
      senderRuns[senderCount++] = run;
    }
  }

  const sender = senderOf(lines, senderIds, senderCount);
  markOrganisationDisclaimer(sender, options.disclaimerText);
  markLegalDisclaimers(sender);
  for (let k = 0; k < senderCount; ) {
    let end = k + 1;
    while (end < senderCount && senderRuns[end] === senderRuns[k]) end++;
    markSignature(sender, k, end);
    k = end;
  }

  // The header lines are all read: the remembered line must not keep the body alive.
  lastFieldLines = undefined;
  lastField = null;
  lastFieldText = "";
  lastFieldOfText = null;

  const quotedJoiner = new LineJoiner(lines.text);
  const partJoiners = parts.map(() => new LineJoiner(lines.text));
  for (let i = 0; i < lines.count; i++) {
    const o = owner[i] as number;
    if (o === SENDER_LINE || o === PLACEHOLDER_LINE) continue;
    quotedJoiner.range(lines.start[i] as number, lines.end[i] as number);
    if (o >= 0) (partJoiners[o] as LineJoiner).range(lines.cs[i] as number, lines.end[i] as number);
  }

  // Outlook writes the same header block for replies and forwards: the subject above tells.
  const rootKind = options.composeType === "forward" || options.composeType === "reply" ? options.composeType : kindFromSubject(options.subject);
  const quotedParts: QuotedPart[] = parts.map((frame) => {
    let kind: "reply" | "forward";
    if (frame.kind !== "outlook") kind = frame.kind;
    else if (frame.parent) kind = kindFromSubject(frame.parent.headers.subject) || "reply";
    else kind = rootKind || "reply";
    return { kind, headers: frame.headers, text: (partJoiners[frame.index] as LineJoiner).join(), depth: frame.depth };
  });

  const [authored, signature, disclaimer] = senderTexts(sender);
  return {
    full: text,
    authored,
    signature,
    disclaimer,
    quoted: quotedJoiner.join(),
    quotedParts,
  };
}
