import rule, { withoutDisclaimer } from "./disclaimer";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";
import { CENTRE_DISCLAIMER_TEXT, defaultOrganisation } from "../policy/default-organisation";
import { words } from "./utils/phrase-match";
import { generator } from "../../../test/random";

const fix = { kind: "insert-disclaimer" } as const;
const PARENT = { email: "jane.parent@gmail.com", name: "Jane Parent", type: "externalUser" };
const TEXT = "Hi Ben,\n\nThe rota for next week is on the board.\n\nThanks,\nAmy";

/** Re-wraps text at `width` characters, as some clients do when converting to plain text. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line.length + word.length + 1 > width && line) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join("\r\n");
}

const sentences = CENTRE_DISCLAIMER_TEXT.split(/(?<=\.) /);
const firstHalf = sentences.slice(0, 2).join(" ");

runRuleTests(rule, {
  valid: [
    { name: "disclaimer exactly as written", draft: makeDraft({ body: `${TEXT}\n\n${CENTRE_DISCLAIMER_TEXT}` }) },
    { name: "re-wrapped at 60 characters with CRLF", draft: makeDraft({ body: `${TEXT}\r\n\r\n${wrap(CENTRE_DISCLAIMER_TEXT, 60)}` }) },
    {
      name: "different case, punctuation and dashes",
      draft: makeDraft({
        body: `${TEXT}\n\n${CENTRE_DISCLAIMER_TEXT.toUpperCase().replace(/[;,.—]/g, " ").replace(/e-mail/gi, "E - MAIL")}`,
      }),
    },
    {
      name: "HTML version converted to text, with the link address after its text",
      draft: makeDraft({
        bodyHtml: `<p>${TEXT}</p><p style="font-size:9pt">${CENTRE_DISCLAIMER_TEXT.replace(
          "www.norcotearlyyearscentre.co.uk",
          '<a href="https://www.norcotearlyyearscentre.co.uk">www.norcotearlyyearscentre.co.uk</a> [https://www.norcotearlyyearscentre.co.uk]',
        )}</p>`,
        body: undefined,
      }),
    },
    {
      name: "non-breaking spaces and curly apostrophes",
      draft: makeDraft({ body: `${TEXT}\n${CENTRE_DISCLAIMER_TEXT.replace(/ /g, "\u00a0")}` }),
    },
    {
      name: "disclaimer above the signature and quoted history",
      draft: makeDraft({ composeType: "reply", body: `Thanks!\n\n${CENTRE_DISCLAIMER_TEXT}\n\n-----Original Message-----\nFrom: Ben\nHello` }),
    },
    {
      name: "externalOnly: only colleagues receive it",
      options: { externalOnly: true },
      draft: makeDraft({ body: TEXT }),
    },
    {
      name: "externalOnly: trusted partner is not external",
      options: { externalOnly: true },
      draft: makeDraft({ to: ["officer@reading.gov.uk"], body: TEXT }),
    },
    {
      name: "externalOnly: no recipients at all",
      options: { externalOnly: true },
      draft: makeDraft({ to: [], body: TEXT }),
    },
    {
      name: "an organisation's own short disclaimer",
      organisation: { disclaimer: { text: "Confidential.", html: "<p>Confidential.</p>" } },
      draft: makeDraft({ body: `${TEXT}\n\nCONFIDENTIAL` }),
    },
    {
      name: "the HTML wording is enough when SMT edited the two versions differently",
      organisation: { disclaimer: { text: "This message is private to its recipients.", html: "<p>Private message, please do not forward.</p>" } },
      draft: makeDraft({ body: `${TEXT}\n\nPrivate message - please do not forward!` }),
    },
    {
      name: "a disclaimer with no words cannot be checked",
      organisation: { disclaimer: { text: "— —", html: "<hr>" } },
      draft: makeDraft({ body: TEXT }),
    },
  ],
  invalid: [
    {
      name: "missing: autoInsert on (default)",
      draft: makeDraft({ body: TEXT }),
      errors: [{ messageId: "missingAutoInsert", field: "body", fix }],
    },
    {
      name: "missing: autoInsert off",
      options: { autoInsert: false },
      draft: makeDraft({ body: TEXT }),
      errors: [{ messageId: "missing", field: "body", fix }],
    },
    {
      name: "missing on mail to a parent with externalOnly",
      options: { externalOnly: true },
      draft: makeDraft({ to: [PARENT], body: TEXT }),
      errors: [{ messageId: "missingAutoInsert", fix }],
    },
    {
      name: "empty body",
      draft: makeDraft({ body: "" }),
      errors: [{ messageId: "missingAutoInsert", fix }],
    },
    {
      name: "no recipients: every e-mail needs it",
      draft: makeDraft({ to: [], body: TEXT }),
      errors: [{ messageId: "missingAutoInsert" }],
    },
    {
      name: "the Centre's name in a signature is not the disclaimer",
      draft: makeDraft({ body: `${TEXT}\n\nAmy Jones\nNorcot Early Years Centre\nwww.norcotearlyyearscentre.co.uk` }),
      errors: [{ messageId: "missingAutoInsert" }],
    },
    {
      name: "only the first half of the disclaimer",
      draft: makeDraft({ body: `${TEXT}\n\n${firstHalf}` }),
      errors: [{ messageId: "altered", field: "body", fix, evidenceIncludes: ["% of the standard wording"] }],
    },
    {
      name: "the disclaimer with wording changed",
      draft: makeDraft({
        body: `${TEXT}\n\n${CENTRE_DISCLAIMER_TEXT.replace("please tell the sender and delete it", "just ignore it").replace("not necessarily", "definitely")}`,
      }),
      errors: [{ messageId: "altered" }],
    },
    {
      name: "a truncated disclaimer reports a percentage below 100",
      draft: makeDraft({ body: `${TEXT}\n\n${CENTRE_DISCLAIMER_TEXT.slice(0, -60)}` }),
      errors: [{ messageId: "altered" }],
    },
  ],
});

describe("disclaimer (details)", () => {
  it("reports the share of the wording found for a partial disclaimer", () => {
    const [finding] = runRule(rule, { draft: makeDraft({ body: firstHalf }) });
    expect(finding?.data?.percent).toBeGreaterThanOrEqual(50);
    expect(finding?.data?.percent).toBeLessThan(100);
  });

  it("reports missing or altered, and the share, as counting the disclaimer's four-word windows in the body does", () => {
    // The rule first rules windows out by the words the body lacks; the reference counts them all.
    const all = words(CENTRE_DISCLAIMER_TEXT);
    const windows = [...new Set(all.slice(0, -3).map((_, i) => all.slice(i, i + 4).join(" ")))];
    const share = (body: string): number => {
      const text = ` ${words(body).join(" ")} `;
      return windows.filter((w) => text.includes(` ${w} `)).length / windows.length;
    };
    const random = generator(3);
    const outcomes = new Set<string>();
    const pieces = [CENTRE_DISCLAIMER_TEXT, ...sentences, "Thanks, Amy", "The rota is on the board.", "Please tell the kitchen.", "Those views are mine."];
    for (let n = 0; n < 300; n++) {
      let body = "";
      for (let k = Math.floor(random() * 6); k > 0; k--) {
        const piece = pieces[Math.floor(random() * pieces.length)] as string;
        const cut = piece.split(" ");
        const from = Math.floor(random() * cut.length);
        body += `${cut.slice(random() < 0.5 ? 0 : from, random() < 0.5 ? cut.length : from + 1 + Math.floor(random() * cut.length)).join(" ")}\n`;
      }
      const found = runRule(rule, { draft: makeDraft({ body: body || "Hi" }) });
      const expected = share(body || "Hi");
      const want = expected === 1 ? [] : expected >= 0.5 ? [["altered", Math.min(99, Math.floor(expected * 100))]] : [["missingAutoInsert", undefined]];
      expect([body, found.map((f) => [f.messageId, f.data?.percent])]).toEqual([body, want]);
      outcomes.add(want.length === 0 ? "present" : String(want[0]?.[0]));
    }
    expect([...outcomes].sort()).toEqual(["altered", "missingAutoInsert", "present"]);
  });

  it("with two versions sharing words, reports as the better of their window counts does", () => {
    // Each word is searched once for both versions: a word's answer must not be taken for another's.
    const text = "Private and confidential: this message is for the named recipients only. Please delete it if it reached you in error.";
    const html = "<p>Confidential message for the named recipients only; if you received it in error, tell us and delete it.</p>";
    const organisation = { disclaimer: { text, html } };
    const windowsOf = (wording: string): string[] => {
      const all = words(wording);
      return [...new Set(all.slice(0, -3).map((_, i) => all.slice(i, i + 4).join(" ")))];
    };
    const versions = [windowsOf(text), windowsOf(html.replace(/<[^>]+>/g, " "))];
    const share = (body: string): number => {
      const padded = ` ${words(body).join(" ")} `;
      return Math.max(...versions.map((ws) => ws.filter((w) => padded.includes(` ${w} `)).length / ws.length));
    };
    const pieces = [text, html.replace(/<[^>]+>/g, ""), ...text.split(/(?<=[.:]) /), ...html.replace(/<[^>]+>/g, "").split(/(?<=[;,]) /), "Thanks, Amy", "The named children are in the garden.", "Only the rota is private."];
    const random = generator(11);
    const outcomes = new Set<string>();
    for (let n = 0; n < 400; n++) {
      let body = "";
      for (let k = Math.floor(random() * 6); k > 0; k--) {
        const cut = (pieces[Math.floor(random() * pieces.length)] as string).split(" ");
        const from = Math.floor(random() * cut.length);
        body += `${cut.slice(random() < 0.5 ? 0 : from, random() < 0.5 ? cut.length : from + 1 + Math.floor(random() * cut.length)).join(" ")}\n`;
      }
      const found = runRule(rule, { organisation, draft: makeDraft({ body: body || "Hi" }) });
      const expected = share(body || "Hi");
      const want = expected === 1 ? [] : expected >= 0.5 ? [["altered", Math.min(99, Math.floor(expected * 100))]] : [["missingAutoInsert", undefined]];
      expect([body, found.map((f) => [f.messageId, f.data?.percent])]).toEqual([body, want]);
      outcomes.add(want.length === 0 ? "present" : String(want[0]?.[0]));
    }
    expect([...outcomes].sort()).toEqual(["altered", "missingAutoInsert", "present"]);
  });

  it("reports on bodies over 64 KB (longest words searched for together) as counting the four-word windows does", () => {
    const all = words(CENTRE_DISCLAIMER_TEXT);
    const windows = [...new Set(all.slice(0, -3).map((_, i) => all.slice(i, i + 4).join(" ")))];
    const share = (body: string): number => {
      const text = ` ${words(body).join(" ")} `;
      return windows.filter((w) => text.includes(` ${w} `)).length / windows.length;
    };
    const filler = "The children planted cress in the garden and watered it every morning.\n".repeat(1_000);
    const random = generator(7);
    const outcomes = new Set<string>();
    const cut = CENTRE_DISCLAIMER_TEXT.split(" ");
    const tails: string[] = [];
    for (let n = 0; n < 60; n++) {
      let tail = "";
      for (let k = Math.floor(random() * 6); k > 0; k--) {
        const from = Math.floor(random() * cut.length);
        tail += `${cut.slice(random() < 0.5 ? 0 : from, from + 1 + Math.floor(random() * cut.length)).join(" ")}\n`;
      }
      tails.push(tail);
    }
    for (const tail of tails) {
      const body = random() < 0.5 ? `${filler}${tail}` : `${tail}${filler}`;
      expect(body.length).toBeGreaterThan(65_536);
      const found = runRule(rule, { draft: makeDraft({ body }) });
      const expected = share(body);
      const want = expected === 1 ? [] : expected >= 0.5 ? [["altered", Math.min(99, Math.floor(expected * 100))]] : [["missingAutoInsert", undefined]];
      expect([tail, found.map((f) => [f.messageId, f.data?.percent])]).toEqual([tail, want]);
      outcomes.add(want.length === 0 ? "present" : String(want[0]?.[0]));
    }
    expect([...outcomes].sort()).toEqual(["altered", "missingAutoInsert", "present"]);
  });

  it("checks a 1 MB body, with the disclaimer at the end or without it", () => {
    const body = `${"The children enjoyed painting in the garden today. ".repeat(20_000)}\n${CENTRE_DISCLAIMER_TEXT}`;
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(runRule(rule, { draft: makeDraft({ body }) })).toEqual([]);
    const missing = runRule(rule, { draft: makeDraft({ body: body.slice(0, 1_000_000) }) });
    expect(missing.map((f) => f.messageId)).toEqual(["missingAutoInsert"]);
  });

  it("withoutDisclaimer takes the wording out, and leaves a text without all of it as it was (lower-cased)", () => {
    const cut = withoutDisclaimer(`Please find the rota attached.\n\n${wrap(CENTRE_DISCLAIMER_TEXT, 60)}`, defaultOrganisation);
    expect(cut.startsWith("please find the rota attached.")).toBe(true);
    expect(cut).not.toMatch(/confidential|attachments|norcotearlyyearscentre/);
    // Its longest word alone, or the wording with a word missing, is not the disclaimer.
    expect(withoutDisclaimer("See www.NorcotEarlyYearsCentre.co.uk for the rota", defaultOrganisation)).toBe("see www.norcotearlyyearscentre.co.uk for the rota");
    const partial = CENTRE_DISCLAIMER_TEXT.replace("confidential", "private");
    expect(withoutDisclaimer(partial, defaultOrganisation)).toBe(partial.toLowerCase());
    expect(withoutDisclaimer("Thanks, Amy", defaultOrganisation)).toBe("thanks, amy");
  });
});
