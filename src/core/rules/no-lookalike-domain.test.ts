import { toASCII, toUnicode } from "punycode/";
import rule, { boundedEditDistance, decodeHost, foldConfusables } from "./no-lookalike-domain";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";
import { removeMarks } from "../text/char-classes";
import { fullServices } from "../text/public-suffix-full";
import { mulberry32 } from "../../../test/random";

const CENTRE = "norcotearlyyearscentre.co.uk";
const to = (...emails: string[]) => makeDraft({ to: emails.map((email) => ({ email, name: "Someone" })) });
const flagged = (domain: string, messageId: string, imitates = CENTRE) => ({
  name: `${domain}: ${messageId}`,
  draft: to(`someone@${domain}`),
  errors: [{ messageId, field: "to" as const, data: { domain, imitates }, evidenceIncludes: [domain, imitates] }],
});

runRuleTests(rule, {
  valid: [
    { name: "colleague", draft: to(`b.smith@${CENTRE}`) },
    { name: "sub-domain of the Centre", draft: to(`b.smith@mail.${CENTRE}`) },
    { name: "trusted partner itself", draft: to("officer@reading.gov.uk") },
    { name: "partner's other trusted domain", draft: to("worker@brighterfuturesforchildren.org") },
    { name: "webmail providers", draft: to("a@gmail.com", "b@outlook.com", "c@hotmail.co.uk", "d@yahoo.com", "e@icloud.com", "f@btinternet.com") },
    { name: "University of Reading is a vetted ac.uk name, not an imitation of reading.gov.uk", draft: to("tutor@reading.ac.uk") },
    { name: "a school under sch.uk", draft: to("office@norcot.reading.sch.uk") },
    { name: "another council", draft: to("officer@wokingham.gov.uk", "officer@readingcouncil.gov.uk") },
    { name: "one letter off a short name, but a different first letter", draft: to("info@leading.co.uk", "info@heading.com") },
    { name: "unrelated businesses", draft: to("orders@tesco.com", "bookings@earlyyears.org", "x@readingbuses.co.uk", "y@norcot.com") },
    { name: "ignored by SMT", options: { ignoreDomains: ["Reading.co.uk"] }, draft: to("news@reading.co.uk", "x@mail.reading.co.uk") },
    { name: "no protected domains configured", organisation: { internalDomains: [], trustedDomains: [] }, draft: to("a@norcotearlyyearscentre.com") },
    { name: "full public suffix list services", services: fullServices, draft: to("a@gmail.com", "officer@reading.gov.uk") },
    { name: "IP-literal domain", draft: to("a@[192.168.0.1]") },
  ],
  invalid: [
    flagged("norcotearlyyearcentre.co.uk", "similarSpelling"),
    flagged("norcotearlyyearscenter.co.uk", "similarSpelling"),
    flagged("norcotaerlyyearscentre.co.uk", "similarSpelling"),
    flagged("norcotearlyyearscentre.com", "differentEnding"),
    flagged("norcotearlyyearscentre.uk", "differentEnding"),
    flagged("norcotearlyyearscentre.org.uk", "differentEnding"),
    flagged("mail.norcotearlyyearscentre.com", "differentEnding"),
    flagged("reading.co.uk", "differentEnding", "reading.gov.uk"),
    flagged("readimg.co.uk", "similarSpelling", "reading.gov.uk"),
    flagged("brighterfuturesforchildren.org.uk", "differentEnding", "brighterfuturesforchildren.org"),
    flagged("norc0tearlyyearscentre.co.uk", "lookalikeCharacters"),
    flagged("norcotear1yyearscentre.co.uk", "lookalikeCharacters"),
    flagged("norcotearlyyearscentre.net", "differentEnding"),
    flagged("nоrcotearlyyearscentre.co.uk", "lookalikeCharacters"), // Cyrillic о
    flagged("norcotеarlyyеarscеntrе.co.uk", "lookalikeCharacters"), // Cyrillic е
    flagged("reαding.co.uk", "lookalikeCharacters", "reading.gov.uk"), // Greek α
    flagged("xn--reding-qxe.co.uk", "lookalikeCharacters", "reading.gov.uk"), // the same, as punycode
    flagged("norcot-earlyyearscentre.co.uk", "addedWords"),
    flagged("norcotearlyyearscentre-uk.com", "addedWords"),
    flagged("norcotearlyyearscentreuk.co.uk", "addedWords"),
    flagged("mynorcotearlyyearscentre.com", "addedWords"),
    flagged("reading-council.com", "addedWords", "reading.gov.uk"),
    flagged("readinggov.uk", "addedWords", "reading.gov.uk"),
    flagged("reading-gov-uk.co.uk", "addedWords", "reading.gov.uk"),
    {
      name: "the Centre's domain in front of another: hiddenInSubdomain",
      draft: to("head@norcotearlyyearscentre.co.uk.evil.com"),
      errors: [{ messageId: "hiddenInSubdomain", data: { domain: "norcotearlyyearscentre.co.uk.evil.com", imitates: CENTRE, actual: "evil.com" } }],
    },
    {
      name: "the Centre's name as a sub-domain of a hosting platform",
      draft: to("head@norcotearlyyearscentre.github.io"),
      errors: [{ messageId: "hiddenInSubdomain", data: { actual: "github.io" } }],
    },
    {
      name: "the partner's domain in front of another",
      draft: to("officer@reading.gov.uk.secure-login.net"),
      errors: [{ messageId: "hiddenInSubdomain", data: { imitates: "reading.gov.uk", actual: "secure-login.net" } }],
    },
    {
      name: "rn for m and vv for w",
      organisation: { internalDomains: ["smallworld.org.uk"] },
      draft: to("a@srnallvvorld.org.uk"),
      errors: [{ messageId: "lookalikeCharacters", data: { domain: "srnallvvorld.org.uk", imitates: "smallworld.org.uk", owner: "the Centre's own domain" } }],
    },
    {
      name: "punycode domain is decoded and shown as it displays",
      draft: to("head@xn--nrcotearlyyearscentre-hhr.co.uk"),
      errors: [{ messageId: "lookalikeCharacters", evidenceIncludes: ["xn--nrcotearlyyearscentre-hhr.co.uk", "displayed as"] }],
    },
    {
      name: "one finding per domain, in the field of its first recipient, with a fix removing all its recipients",
      draft: makeDraft({
        to: ["parent@gmail.com"],
        cc: ["a@norcotearlyyearscentre.com", "b@norcotearlyyearscentre.com"],
        bcc: ["c@norcotearlyyearscentre.com", "d@reading-gov.co.uk"],
      }),
      errors: [
        { messageId: "differentEnding", field: "cc", fix: { kind: "remove-recipients", targets: ["a@norcotearlyyearscentre.com", "b@norcotearlyyearscentre.com", "c@norcotearlyyearscentre.com"] } },
        { messageId: "addedWords", field: "bcc", data: { owner: "a trusted partner's domain" } },
      ],
    },
    {
      name: "full public suffix list services find the same",
      services: fullServices,
      draft: to("a@norcotearlyyearscentre.co.uk.evil.com", "b@norcotearlyyearscentre.com"),
      errors: [{ messageId: "hiddenInSubdomain" }, { messageId: "differentEnding" }],
    },
  ],
});

describe("no-lookalike-domain (details)", () => {
  it("folds look-alike characters", () => {
    expect(foldConfusables("nоrcоt")).toBe(foldConfusables("norcot"));
    expect(foldConfusables("rnicrosoft")).toBe(foldConfusables("microsoft"));
    expect(foldConfusables("ＮＯＲＣＯＴ")).toBe(foldConfusables("norcot"));
    expect(foldConfusables("nórcôt")).toBe(foldConfusables("norcot"));
    expect(foldConfusables("paypa1")).toBe(foldConfusables("paypal"));
    expect(foldConfusables("reading")).not.toBe(foldConfusables("heading"));
  });

  it("folds each look-alike character to the letter it imitates, and only those", () => {
    // The table as it was written before the data listed the look-alikes after their letter.
    const imitates: Record<string, string> = {
      а: "a", ɑ: "a", α: "a", ь: "b", ᖯ: "b", с: "c", ς: "c", ᴄ: "c", ԁ: "d", е: "e", ε: "e", ҽ: "e", ɡ: "g", ց: "g",
      һ: "h", հ: "h", і: "i", ı: "i", ɩ: "i", ɪ: "i", ι: "i", ӏ: "i", "1": "i", l: "i", "|": "i", ј: "j", ϳ: "j", ȷ: "j",
      κ: "k", к: "k", п: "n", η: "n", ո: "n", о: "o", ο: "o", օ: "o", σ: "o", ᴏ: "o", "0": "o", р: "p", ρ: "p", ԛ: "q",
      г: "r", ᴦ: "r", ѕ: "s", ꜱ: "s", т: "t", τ: "t", υ: "u", ս: "u", ʋ: "u", μ: "u", ν: "v", ѵ: "v", ᴠ: "v", ԝ: "w",
      ω: "w", ᴡ: "w", х: "x", χ: "x", у: "y", ү: "y", ʏ: "y", γ: "y", ᴢ: "z",
    };
    for (const [ch, letter] of Object.entries(imitates)) expect([ch, foldConfusables(`x${ch}x`)]).toEqual([ch, `x${letter}x`]);
    // Every other character of the Basic Multilingual Plane that lower case, NFKD and mark removal leave as it is stays so.
    const changed: string[] = [];
    for (let code = 0x21; code < 0xd800; code++) {
      const ch = String.fromCharCode(code);
      if (ch in imitates || removeMarks(ch.toLowerCase().normalize("NFKD")) !== ch) continue;
      if (foldConfusables(ch) !== ch) changed.push(ch);
    }
    expect(changed).toEqual([]);
  });

  it("computes a bounded Damerau-Levenshtein distance", () => {
    expect(boundedEditDistance("reading", "reading", 2)).toBe(0);
    expect(boundedEditDistance("reading", "raeding", 2)).toBe(1); // transposition
    expect(boundedEditDistance("reading", "readng", 2)).toBe(1);
    expect(boundedEditDistance("reading", "rexading", 2)).toBe(1);
    expect(boundedEditDistance("reading", "rxxding", 2)).toBe(2);
    expect(boundedEditDistance("reading", "wokingham", 2)).toBe(3);
    expect(boundedEditDistance("a", "abcdef", 2)).toBe(3);
  });

  it("checks 1,000 recipients and finds the one lookalike", () => {
    const emails: string[] = [];
    for (let i = 0; i < 1000; i++) emails.push(i % 2 === 0 ? `parent${i}@gmail.com` : `p${i}@family${i}.co.uk`);
    emails.push("x@norcotearlyyearscentre.com");
    const found = runRule(rule, { draft: makeDraft({ bcc: emails }) });
    expect(found.map((f) => f.messageId)).toEqual(["differentEnding"]);
  });

  it("copes with a very long made-up domain", () => {
    expect(runRule(rule, { draft: to(`a@${"n".repeat(50_000)}.co.uk`) })).toEqual([]);
    expect(runRule(rule, { draft: to(`a@${"norcot.".repeat(30)}com`) })).toEqual([]);
  });
});

describe("decodeHost (the handler's own Punycode decoder)", () => {
  /** What the rule showed before, with the punycode package: its toUnicode, or the host itself when that throws. */
  const byPackage = (host: string): string => {
    if (!host.includes("xn--")) return host;
    try {
      return toUnicode(host);
    } catch {
      return host;
    }
  };

  it("decodes real international names as the punycode package does", () => {
    for (const host of ["xn--nrcotearlyyearscentre-2xc.co.uk", "xn--80ak6aa92e.com", "mail.xn--mnchen-3ya.de", "xn--bcher-kva.example", "xn--fsqu00a.xn--3lr804guic", "XN--bcher-kva.example", "a@xn--bcher-kva.example", "xn--.com", "xn--a.com"]) {
      expect(decodeHost(host)).toBe(byPackage(host));
    }
    expect(decodeHost("xn--80ak6aa92e.com")).toBe("аррӏе.com");
    expect(decodeHost("norcot.co.uk")).toBe("norcot.co.uk");
  });

  it("gives the punycode package's answer on 5,000 generated hosts, valid and broken", () => {
    const next = mulberry32(20260106);
    const pick = (chars: string): string => chars[Math.floor(next() * chars.length)] as string;
    const unicode = "abcdefghijklmnopqrstuvwxyzаеорсухіѕјԁһӏäöüéèçßñøåłżœæ中文字ü日本語한국어αβγ😀-";
    const puny = "abcdefghijklmnopqrstuvwxyz0123456789-ABCXYZ";
    const differ: string[] = [];
    let threw = 0;
    for (let n = 0; n < 5_000; n++) {
      const labels: string[] = [];
      const count = 1 + Math.floor(next() * 3);
      for (let l = 0; l < count; l++) {
        const length = Math.floor(next() * 14);
        let label = "";
        if (next() < 0.5) {
          // A real label encoded by the package, sometimes damaged afterwards.
          for (let c = 0; c < Math.max(1, length); c++) label += pick(unicode);
          label = toASCII(label);
          if (next() < 0.3 && label.length > 5) {
            const at = 4 + Math.floor(next() * (label.length - 4));
            label = label.slice(0, at) + pick(puny + "é!.") + label.slice(at + 1);
          }
        } else {
          label = "xn--";
          for (let c = 0; c < length; c++) label += pick(puny);
          // Runs of large digits overflow the decoder's integers at different places.
          if (next() < 0.2) for (let c = Math.floor(next() * 12); c > 0; c--) label += pick("z9");
          if (next() < 0.5) label += pick("aab9é");
        }
        labels.push(label);
      }
      const separators = ".....。．｡@";
      let host = labels[0] as string;
      for (const label of labels.slice(1)) host += pick(separators) + label;
      const expected = byPackage(host);
      if (expected === host && host.includes("xn--")) threw++;
      if (decodeHost(host) !== expected) differ.push(host);
    }
    expect(differ).toEqual([]);
    // Both kinds were tried: hosts the package decodes and hosts it refuses.
    expect(threw).toBeGreaterThan(500);
    expect(threw).toBeLessThan(4_500);
  });
});
