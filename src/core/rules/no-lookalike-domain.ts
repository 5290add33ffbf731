/**
 * @fileoverview Disallow recipient domains that imitate one of the Centre's own or trusted
 * domains: a near spelling (`norcotearlyyearcentre.co.uk`), the same name with another ending
 * (`norcotearlyyearscentre.com`), look-alike letters (Cyrillic `о`, `rn` for `m`, `0` for `o`,
 * international `xn--` names), added words or hyphens (`norcot-earlyyearscentre.co.uk`,
 * `reading-council.com`) and the real name put in front of another domain
 * (`norcotearlyyearscentre.co.uk.evil.com`).
 */
import confusables from "../data/lookalike-domain/confusables.json";
import domainData from "../data/lookalike-domain/domains.json";
import type { RecipientField, RecipientInfo } from "../model/snapshot";
import { CLAUSES } from "../policy/clauses";
import { removeMarks } from "../text/char-classes";
import { lazy } from "../text/regex-compat";
import { defineRule, type RuleServices } from "./rule";

export type NoLookalikeDomainOptions = {
  /** Domains that look like a protected one but are known to be genuine, e.g. `reading.co.uk`. */
  ignoreDomains: string[];
};

type Kind = "similarSpelling" | "differentEnding" | "lookalikeCharacters" | "addedWords" | "hiddenInSubdomain";

/** A protected (internal or trusted) domain, prepared once per check. */
type Protected = Readonly<{
  domain: string;
  owner: "internal" | "trusted";
  registrable: string;
  suffix: string;
  /** The registrable label as written: `norcotearlyyearscentre`. */
  label: string;
  /** The label folded for comparison: look-alikes replaced, hyphens removed. */
  key: string;
  /** The registrable domain folded, for finding it inside a sub-domain. */
  registrableKey: string;
  /** Words that are an impostor's usual additions to this name (its suffix labels included). */
  words: ReadonlySet<string>;
}>;

type Match = Readonly<{ kind: Kind; imitated: Protected; actual?: string }>;

/** Labels shorter than this are never compared by spelling: too many real names lie one letter away. */
const MIN_FUZZY_LENGTH = 5;
/** From this length a label may be two edits away (Damerau-Levenshtein ≤ 2) and still count. */
const LONG_LABEL_LENGTH = 10;
/** From this length a name is distinctive: any added word or sub-domain use of it counts. */
const DISTINCTIVE_LENGTH = 8;
/** Longest host compared; anything longer is not a valid domain name. */
const MAX_HOST_LENGTH = 253;

/** Each look-alike character → the letter it imitates (each entry of the data: the letter, then its look-alikes). */
const CHARACTER_MAP: ReadonlyMap<string, string> = new Map(
  confusables.characters.flatMap((entry) => [...entry.slice(1)].map((ch): [string, string] => [ch, entry.charAt(0)])),
);
const SEQUENCES: readonly (readonly [string, string])[] = Object.entries(confusables.sequences);
const SUSPICIOUS_WORDS: readonly string[] = domainData.suspiciousWords;
const VETTED_SUFFIXES: readonly string[] = domainData.vettedSuffixes;
const WELL_KNOWN: ReadonlySet<string> = new Set(domainData.wellKnown);

/**
 * Folds a name so that look-alikes compare equal: lower case, compatibility forms and accents
 * removed, confusable letters and digits replaced by the letter they imitate, `rn` → `m`, `vv` → `w`.
 * Both sides of a comparison are folded, so `l` → `i` and the like are harmless.
 * @param text - a label or domain, in Unicode
 * @returns the folded text
 */
export function foldConfusables(text: string): string {
  const plain = removeMarks(text.toLowerCase().normalize("NFKD"));
  let out = "";
  for (const ch of plain) out += CHARACTER_MAP.get(ch) || ch;
  for (const [from, to] of SEQUENCES) out = out.split(from).join(to);
  return out;
}

function keyOf(label: string): string {
  return foldConfusables(label).replace(/-/g, "");
}

/** The suspicious words folded, once (every check compares with them). */
const SUSPICIOUS_KEYS = lazy(() => SUSPICIOUS_WORDS.map(keyOf));

/**
 * Damerau-Levenshtein distance (optimal string alignment) with a bound: stops as soon as the
 * distance must exceed `max`. Linear memory; time O(|a|·|b|) at worst, for labels of ≤ 63 letters.
 * @param a - first string
 * @param b - second string
 * @param max - the largest distance of interest
 * @returns the distance, or `max + 1` when it is larger than `max`
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return Math.min(prev[b.length] as number, max + 1);
}

/**
 * Tells whether `text` is made only of the given words (a word break), e.g. `councilgov`.
 * @param text - folded text without hyphens
 * @param words - the allowed words
 * @returns true when it splits into them (the empty text does)
 */
function madeOfWords(text: string, words: ReadonlySet<string>): boolean {
  const ok: boolean[] = [true];
  for (let end = 1; end <= text.length; end++) {
    ok[end] = false;
    for (let start = Math.max(0, end - 12); start < end; start++) {
      if (ok[start] && words.has(text.slice(start, end))) {
        ok[end] = true;
        break;
      }
    }
  }
  return ok[text.length] === true;
}

/** Bootstring parameters of Punycode (RFC 3492 §5). */
const PUNY_BASE = 36;
const PUNY_T_MAX = 26;
const PUNY_MAX_INT = 0x7fffffff;

/**
 * Punycode's bias adaptation (RFC 3492 §6.1).
 * @param delta - the last delta
 * @param points - code points decoded so far, this one included
 * @param first - whether it is the first delta
 * @returns the new bias
 */
function adaptBias(delta: number, points: number, first: boolean): number {
  let k = 0;
  delta = first ? Math.floor(delta / 700) : delta >> 1;
  delta += Math.floor(delta / points);
  for (; delta > 455; k += PUNY_BASE) delta = Math.floor(delta / 35);
  return Math.floor(k + (36 * delta) / (delta + 38));
}

/**
 * Decodes the part of an `xn--` label after the prefix (RFC 3492 §6.2), throwing on bad input
 * as the punycode package does; the on-send bundle has room for this decoder, not the package.
 * @param input - lower-case Punycode
 * @returns the label in Unicode
 */
function decodePunycode(input: string): string {
  const output: number[] = [];
  let i = 0;
  let n = 128;
  let bias = 72;
  const basic = Math.max(input.lastIndexOf("-"), 0);
  for (let j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) throw new RangeError("not basic");
    output.push(input.charCodeAt(j));
  }
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const old = i;
    for (let w = 1, k = PUNY_BASE; ; k += PUNY_BASE) {
      const c = input.charCodeAt(index++);
      // 0-9 are 26-35, A-Z and a-z 0-25; anything else (or the end) is invalid.
      const digit = c >= 0x30 && c < 0x3a ? c - 22 : c >= 0x41 && c < 0x5b ? c - 0x41 : c >= 0x61 && c < 0x7b ? c - 0x61 : PUNY_BASE;
      if (digit >= PUNY_BASE || digit > Math.floor((PUNY_MAX_INT - i) / w)) throw new RangeError("invalid");
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + PUNY_T_MAX ? PUNY_T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(PUNY_MAX_INT / (PUNY_BASE - t))) throw new RangeError("overflow");
      w *= PUNY_BASE - t;
    }
    const out = output.length + 1;
    bias = adaptBias(i - old, out, old === 0);
    if (Math.floor(i / out) > PUNY_MAX_INT - n) throw new RangeError("overflow");
    n += Math.floor(i / out);
    i %= out;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/**
 * A host with its `xn--` labels in Unicode, as the punycode package's `toUnicode` gives it
 * (test/…/no-lookalike-domain.test.ts compares the two), or the host itself when one is invalid.
 * @param host - a lower-case host name
 * @returns the host as displayed
 */
export function decodeHost(host: string): string {
  if (!host.includes("xn--")) return host;
  try {
    const parts = host.split("@");
    const prefix = parts.length > 1 ? `${parts[0] as string}@` : "";
    const domain = (parts.length > 1 ? parts[1] : host) as string;
    return (
      prefix +
      domain
        .replace(/[.\u3002\uff0e\uff61]/g, ".")
        .split(".")
        .map((label) => (label.startsWith("xn--") ? decodePunycode(label.slice(4).toLowerCase()) : label))
        .join(".")
    );
  } catch {
    return host;
  }
}

function isVetted(suffix: string): boolean {
  return VETTED_SUFFIXES.some((v) => suffix === v || suffix.endsWith(`.${v}`));
}

function prepareProtected(domain: string, owner: Protected["owner"], services: RuleServices): Protected | null {
  const split = services.splitDomain(domain);
  if (split === null) return null;
  const label = split.registrable.slice(0, split.registrable.length - split.suffix.length - 1);
  if (label === "" || label.includes(".")) return null;
  // Words are compared with folded labels, so they are folded too (`mail` → `maii`).
  const words = new Set([...SUSPICIOUS_KEYS(), ...split.suffix.split(".").map(keyOf)]);
  return {
    domain,
    owner,
    registrable: split.registrable,
    suffix: split.suffix,
    label,
    key: keyOf(label),
    registrableKey: foldConfusables(split.registrable),
    words,
  };
}

/**
 * Compares one recipient host with one protected domain.
 * @returns the kind of imitation, or null
 */
function compare(labels: readonly string[], registrable: string, suffix: string, p: Protected): Match | null {
  const suffixCount = suffix.split(".").length;
  const label = labels[labels.length - suffixCount - 1] as string;
  const sub = labels.slice(0, labels.length - suffixCount - 1);
  if (registrable === p.registrable) return null;

  // The real name in front of another domain: norcotearlyyearscentre.co.uk.evil.com.
  if (sub.length > 0) {
    const subKey = `.${foldConfusables(sub.join("."))}.`;
    if (subKey.includes(`.${p.registrableKey}.`) || (p.key.length >= DISTINCTIVE_LENGTH && sub.some((s) => keyOf(s) === p.key))) {
      return { kind: "hiddenInSubdomain", imitated: p, actual: registrable };
    }
  }

  const key = keyOf(label);
  if (key === "" || p.key === "") return null;
  if (key === p.key) {
    if (label === p.label) return { kind: "differentEnding", imitated: p };
    if (label.replace(/-/g, "") === p.label.replace(/-/g, "")) return { kind: "addedWords", imitated: p };
    return { kind: "lookalikeCharacters", imitated: p };
  }

  // Added words: norcotearlyyearscentre-uk.com, reading-council.com.
  const at = key.indexOf(p.key);
  if (at >= 0) {
    const extra = key.slice(0, at) + key.slice(at + p.key.length);
    const distinctive = p.key.length >= DISTINCTIVE_LENGTH;
    if (distinctive || (madeOfWords(key.slice(0, at), p.words) && madeOfWords(key.slice(at + p.key.length), p.words))) {
      if (extra !== "") return { kind: "addedWords", imitated: p };
    }
  }

  // Near spelling. For short names the first letter must agree: people notice it, and
  // "leading" or "heading" are not imitations of "reading".
  if (p.key.length >= MIN_FUZZY_LENGTH) {
    const long = p.key.length >= LONG_LABEL_LENGTH;
    if (long || key[0] === p.key[0]) {
      const distance = boundedEditDistance(key, p.key, long ? 2 : 1);
      if (distance <= (long ? 2 : 1)) return { kind: "similarSpelling", imitated: p };
    }
  }
  return null;
}

/**
 * Checks one recipient domain against the protected domains.
 * @param domain - lower-case recipient domain
 * @param protectedDomains - prepared internal and trusted domains
 * @param services - the public-suffix splitter
 * @returns the first imitation found, or null
 */
function checkDomain(domain: string, protectedDomains: readonly Protected[], services: RuleServices): Match | null {
  if (domain === "" || domain.length > MAX_HOST_LENGTH) return null;
  const split = services.splitDomain(domain);
  if (split === null || WELL_KNOWN.has(split.registrable) || isVetted(split.suffix)) return null;
  const decoded = decodeHost(domain.replace(/\.$/, ""));
  const labels = decoded.split(".");
  const suffixCount = split.suffix.split(".").length;
  if (labels.length < suffixCount + 1) return null;
  const registrable = labels.slice(labels.length - suffixCount - 1).join(".");
  const suffix = labels.slice(labels.length - suffixCount).join(".");
  for (const p of protectedDomains) {
    const match = compare(labels, registrable, suffix, p);
    if (match !== null) return match.kind === "hiddenInSubdomain" ? { ...match, actual: split.registrable } : match;
  }
  return null;
}

const OWNER_WORDS: Readonly<Record<Protected["owner"], string>> = {
  internal: "the Centre's own domain",
  trusted: "a trusted partner's domain",
};

/**
 * A finding's evidence: how an `xn--` domain is displayed, when it is one.
 * @param domain - the address domain
 * @returns e.g. " (displayed as bücher.de)" for xn--bcher-kva.de, or "" for a domain shown as written
 */
function displayedAs(domain: string): string {
  const decoded = decodeHost(domain);
  return decoded === domain ? "" : ` (displayed as ${decoded})`;
}

export default defineRule<NoLookalikeDomainOptions>({
  meta: {
    id: "no-lookalike-domain",
    title: "Recipient domain imitates a trusted one",
    description: "Disallow recipient domains that imitate an internal or trusted domain",
    category: "recipients",
    defaultSeverity: "warn",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        ignoreDomains: {
          type: "array",
          description: "Domains that look like the Centre's or a partner's but are known to be genuine.",
          items: { type: "string", minLength: 1, maxLength: 253 },
          uniqueItems: true,
        },
      },
    },
    defaultOptions: { ignoreDomains: [] },
    messages: {
      similarSpelling:
        "The address domain {{domain}} is spelt almost like {{imitates}}, {{owner}}. Please check the address: it may be a typing mistake, or someone pretending to be them.",
      differentEnding:
        "The address domain {{domain}} has the same name as {{imitates}}, {{owner}}, but a different ending. Please check the address before sending: it may belong to someone else.",
      lookalikeCharacters:
        "The address domain {{domain}} uses letters or digits that only look like those of {{imitates}}, {{owner}}. Please check the address before sending: it may be someone pretending to be them.",
      addedWords:
        "The address domain {{domain}} adds words or hyphens to {{imitates}}, {{owner}}. Please check the address before sending: it may not belong to them.",
      hiddenInSubdomain:
        "The address domain {{domain}} starts with {{imitates}}, {{owner}}, but really belongs to {{actual}}. Please check the address before sending.",
    },
    clause: CLAUSES.insecure,
  },
  check(snapshot, context) {
    const { organisation, services, options } = context;
    const candidates = snapshot.recipients.filter((r) => !r.internal && !r.trusted && r.domain !== "");
    if (candidates.length === 0) return;

    const protectedDomains: Protected[] = [];
    for (const [list, owner] of [
      [organisation.internalDomains, "internal"],
      [organisation.trustedDomains, "trusted"],
    ] as const) {
      for (const d of list) {
        const p = prepareProtected(d.toLowerCase(), owner, services);
        if (p !== null) protectedDomains.push(p);
      }
    }
    if (protectedDomains.length === 0) return;
    const ignored = options.ignoreDomains.map((d) => d.toLowerCase());

    // One verdict per domain within this check: 1,000 recipients at gmail.com cost one comparison.
    const verdicts = new Map<string, Match | null>();
    const byDomain = new Map<string, RecipientInfo[]>();
    for (const r of candidates) {
      if (ignored.some((d) => r.domain === d || r.domain.endsWith(`.${d}`))) continue;
      let verdict = verdicts.get(r.domain);
      if (verdict === undefined) {
        verdict = checkDomain(r.domain, protectedDomains, services);
        verdicts.set(r.domain, verdict);
      }
      if (verdict === null) continue;
      const list = byDomain.get(r.domain);
      if (list) list.push(r);
      else byDomain.set(r.domain, [r]);
    }

    for (const [domain, recipients] of byDomain) {
      const match = verdicts.get(domain);
      if (!match) continue;
      const first = recipients[0] as RecipientInfo;
      const field: RecipientField = first.field;
      context.report({
        messageId: match.kind,
        data: {
          domain,
          imitates: match.imitated.domain,
          owner: OWNER_WORDS[match.imitated.owner],
          ...(match.actual !== undefined ? { actual: match.actual } : {}),
        },
        field,
        evidence: `${domain}${displayedAs(domain)} imitates ${match.imitated.domain}`,
        fix: { kind: "remove-recipients", targets: [...new Set(recipients.map((r) => r.email))] },
      });
    }
  },
});
