import { readFileSync } from "fs";
import { join } from "path";
import { CENTRE_DISCLAIMER_TEXT } from "../policy/default-organisation";
import { findNormalized, matchCodes, MAX_QUOTED_PARTS, segmentBody } from "./segment";
import { generator } from "../../../test/random";
import { APPLE_FORWARDED_PART } from "../../../test/fixtures/apple-forward";
import { HEADER_CASES } from "../../../test/fixtures/headers/cases";

const FIXTURES = join(__dirname, "../../../test/fixtures/bodies");
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), "utf8");
const withDisclaimer = { disclaimerText: CENTRE_DISCLAIMER_TEXT };

/** Every non-blank line of the body lands in exactly one of authored, signature, disclaimer, quoted. */
function expectPartition(text: string, options: Parameters<typeof segmentBody>[1] = withDisclaimer): void {
  const result = segmentBody(text, options);
  const nonBlank = (s: string): string[] => s.split("\n").filter((l) => l.trim() !== "");
  const pieces = [...nonBlank(result.authored), ...nonBlank(result.signature), ...nonBlank(result.disclaimer), ...nonBlank(result.quoted)];
  expect(pieces.sort()).toEqual(nonBlank(text.replace(/\r\n?/g, "\n")).sort());
}

describe("segmentBody: Outlook", () => {
  test("desktop reply: authored, sign-off signature, header block, quoted text", () => {
    const result = segmentBody(fixture("outlook-desktop-reply.txt"), withDisclaimer);
    expect(result.authored).toBe(
      "Hi Sarah,\n\nThanks for letting me know. We will keep Oliver's spare clothes in his tray and I have\n" +
        "told the room team about the new pick-up arrangements.\n\nKind regards,",
    );
    expect(result.signature).toBe("Amy Jones\nRoom Leader – Caterpillars Room\nNorcot Early Years Centre\n0118 937 5000");
    expect(result.disclaimer).toBe("");
    expect(result.quoted.startsWith("From: Sarah Parent <sarah.parent@example.com>\nSent: 03 November 2025 09:12")).toBe(true);
    expect(result.quotedParts).toEqual([
      {
        kind: "reply",
        headers: {
          from: "Sarah Parent <sarah.parent@example.com>",
          date: "03 November 2025 09:12",
          to: "Amy Jones <a.jones@norcotearlyyearscentre.co.uk>",
          cc: "Office <office@norcotearlyyearscentre.co.uk>",
          subject: "Pick-up on Friday",
        },
        text: "Hello Amy,\n\nJust to say that Oliver's grandmother will collect him on Friday at 3pm.\n\nMany thanks,\nSarah",
        depth: 1,
      },
    ]);
  });

  test("Outlook on the web divider, and a To list wrapped onto a second line", () => {
    const result = segmentBody(fixture("outlook-web-reply.txt"));
    expect(result.authored).toBe("Hello Tom,\n\nYes, the staff meeting is moved to Wednesday at 4pm in the Sunflower room.\n\nThanks,");
    expect(result.signature).toBe("Priya");
    expect(result.quoted.split("\n")[0]).toBe("________________________________");
    expect(result.quotedParts).toHaveLength(1);
    expect(result.quotedParts[0]?.headers.to).toBe(
      "Priya Shah <p.shah@norcotearlyyearscentre.co.uk>; Amy Jones <a.jones@norcotearlyyearscentre.co.uk>; Office <office@norcotearlyyearscentre.co.uk>",
    );
    expect(result.quotedParts[0]?.headers.subject).toBe("Staff meeting");
    expect(result.quotedParts[0]?.text).toBe("Is the staff meeting still on Tuesday?\n\nTom");
  });

  test("-----Original Message-----", () => {
    const result = segmentBody(fixture("outlook-original-message.txt"));
    expect(result.authored).toBe("Please see below - can you add this to the newsletter?");
    expect(result.quotedParts[0]?.headers).toEqual({
      from: "Reading Borough Council [mailto:news@reading.gov.uk]",
      date: "31 October 2025 16:45",
      to: "office@norcotearlyyearscentre.co.uk",
      subject: "Free flu vaccinations for 2-3 year olds",
    });
    expect(result.quotedParts[0]?.text).toBe("Parents of children aged 2 and 3 can book a free nasal flu vaccination at their GP.");
  });

  test("the marker alone still starts quoted history", () => {
    const result = segmentBody("See below.\n-----Original Message-----\nsome old text");
    expect(result.authored).toBe("See below.");
    expect(result.quotedParts).toEqual([{ kind: "reply", headers: {}, text: "some old text", depth: 1 }]);
  });

  test("Date: instead of Sent:", () => {
    const result = segmentBody(fixture("outlook-date-spelling.txt"));
    expect(result.authored).toBe("Thank you, noted.");
    expect(result.quotedParts[0]?.headers.date).toBe("Monday, 3 November 2025 at 09:12");
    expect(result.quotedParts[0]?.text).toBe("Can I book the 5.30 slot please?");
  });

  test("German Outlook headers (Von/Gesendet/An/Betreff)", () => {
    const result = segmentBody(fixture("outlook-german.txt"));
    expect(result.authored).toBe("Danke, das passt.");
    expect(result.quotedParts[0]?.headers).toEqual({
      from: "Jana Schmidt <jana@example.de>",
      date: "Montag, 3. November 2025 09:12",
      to: "Amy Jones <a.jones@norcotearlyyearscentre.co.uk>",
      subject: "Termin",
    });
  });

  test("bold header keys from an HTML conversion (*From:*)", () => {
    const body = "Noted.\n\n*From:* Jane <jane@example.com>\n*Sent:* 3 November 2025 09:12\n*To:* Amy <amy@example.com>\n*Subject:* Trip\n\nOld";
    const result = segmentBody(body);
    expect(result.authored).toBe("Noted.");
    expect(result.quotedParts[0]?.headers.from).toBe("Jane <jane@example.com>");
    expect(result.quotedParts[0]?.text).toBe("Old");
  });

  test("a From: line in the sender's own text is not a header block", () => {
    const body = "From: the office team\nTo: all parents\n\nThe nursery closes at 3pm on Friday.";
    const result = segmentBody(body);
    expect(result.authored).toBe(body);
    expect(result.quotedParts).toEqual([]);
  });

  test("a divider on its own is not quoted history", () => {
    const body = "Agenda below\n________________________________\n1. Rota\n2. Trips";
    expect(segmentBody(body).authored).toBe(body);
  });
});

describe("segmentBody: Gmail and Apple Mail", () => {
  test("Gmail reply: On … wrote: with > quoting", () => {
    const result = segmentBody(fixture("gmail-reply.txt"));
    expect(result.authored).toBe("That's great, thank you - see you at 9.");
    expect(result.quotedParts).toEqual([
      {
        kind: "reply",
        headers: { from: "Jane Smith <jane.smith@gmail.com>", date: "Mon, 3 Nov 2025 at 09:12" },
        text: "Hi Amy,\n\nCan Lily start her settling-in session on Wednesday?\n\nJane",
        depth: 1,
      },
    ]);
  });

  test("the shortest attributions are read; short lines ending in a colon stay the sender's", () => {
    expect(segmentBody("Thanks.\n\non 1wrote:\n> Hi").quotedParts[0]?.headers).toEqual({ from: "1" });
    expect(segmentBody("Thanks.\n\nOn 1 wrote:\n> Hi").quotedParts[0]?.headers).toEqual({ from: "1" });
    const own = "Rota:\nFrom:\nRe:\nNotes:\nwrote:";
    const result = segmentBody(own);
    expect(result.authored).toBe(own);
    expect(result.quotedParts).toEqual([]);
  });

  test("Gmail attribution wrapped over two lines", () => {
    const result = segmentBody(fixture("gmail-reply-wrapped.txt"));
    expect(result.authored).toBe("Wednesday is fine.");
    expect(result.quotedParts[0]?.headers).toEqual({ from: "Jane Smith <jane.smith@gmail.com>", date: "Mon, 3 Nov 2025 at 09:12" });
    expect(result.quotedParts[0]?.text).toBe("Can Lily start on Wednesday?");
  });

  test("Gmail forward", () => {
    const result = segmentBody(fixture("gmail-forward.txt"));
    expect(result.authored).toBe("FYI - see below from the council.");
    expect(result.quotedParts).toEqual([
      {
        kind: "forward",
        headers: {
          from: "Early Years Team <earlyyears@reading.gov.uk>",
          date: "Fri, 31 Oct 2025 at 16:45",
          subject: "Funding deadline",
          to: "<office@norcotearlyyearscentre.co.uk>",
        },
        text: "Headcount returns are due by 14 November.\n\nEarly Years Team",
        depth: 1,
      },
    ]);
  });

  test("Apple Mail forward, after a mobile signature", () => {
    const result = segmentBody(fixture("apple-forward.txt"));
    expect(result.authored).toBe("Forwarding as discussed.");
    expect(result.signature).toBe("Sent from my iPhone");
    expect(result.quotedParts[0]).toEqual(APPLE_FORWARDED_PART);
  });

  test("Apple Mail reply attribution inside the quote", () => {
    const result = segmentBody(fixture("apple-reply.txt"));
    expect(result.authored).toBe("Lovely, thank you!");
    expect(result.quotedParts).toEqual([
      { kind: "reply", headers: { from: "Jane <jane@example.com>", date: "3 Nov 2025, at 09:12" }, text: "Lily loved the farm visit.", depth: 1 },
    ]);
  });

  test("other languages: French and German attributions", () => {
    const fr = segmentBody("Merci.\n\nLe lun. 3 nov. 2025 à 09:12, Jeanne <jeanne@example.fr> a écrit :\n> Bonjour");
    expect(fr.authored).toBe("Merci.");
    expect(fr.quotedParts[0]?.headers).toEqual({ from: "Jeanne <jeanne@example.fr>", date: "lun. 3 nov. 2025 à 09:12" });
    const de = segmentBody("Danke.\n\nAm 03.11.2025 um 09:12 schrieb Jana Schmidt <jana@example.de>:\n> Hallo");
    expect(de.quotedParts[0]?.headers).toEqual({ from: "Jana Schmidt <jana@example.de>", date: "03.11.2025 um 09:12" });
    expect(de.quotedParts[0]?.text).toBe("Hallo");
  });

  test("'wrote:' in ordinary prose without a date or address is not an attribution", () => {
    const body = "On the trip Jane wrote:\nthe best poem.";
    expect(segmentBody(body).authored).toBe(body);
  });
});

describe("segmentBody: > quoting and chains", () => {
  test("depth is the number of > markers; inline replies stay authored", () => {
    const result = segmentBody(fixture("deep-quotes.txt"));
    expect(result.authored).toBe("I agree with Sam.\n\nMy closing line.");
    expect(result.quotedParts).toEqual([
      { kind: "reply", headers: {}, text: "Sam wrote this first line.\nSam again.", depth: 1 },
      { kind: "reply", headers: {}, text: "Jo wrote this.\nJo again.", depth: 2 },
      { kind: "reply", headers: {}, text: "Kim started it.", depth: 3 },
    ]);
  });

  test("'> > >' spacing counts like '>>>'", () => {
    const result = segmentBody("> > > deep\n>>> deep too");
    expect(result.quotedParts).toEqual([{ kind: "reply", headers: {}, text: "deep\ndeep too", depth: 3 }]);
  });

  test("nested Gmail attributions", () => {
    const body = "Yes.\n\nOn Mon, 3 Nov 2025 at 09:12, B <b@x.com> wrote:\n> B's text\n>\n> On Sun, 2 Nov 2025 at 08:00, C <c@x.com> wrote:\n>> C's text\n";
    const result = segmentBody(body);
    expect(result.quotedParts.map((p) => [p.headers.from, p.depth, p.text])).toEqual([
      ["B <b@x.com>", 1, "B's text"],
      ["C <c@x.com>", 2, "C's text"],
    ]);
  });

  test("FW: FW: chain: one part per header block, depth increasing, kinds from the subjects", () => {
    const result = segmentBody(fixture("nested-fw-fw.txt"), { composeType: "forward" });
    expect(result.authored).toBe("Sharing this with the team.");
    expect(result.quotedParts.map((p) => [p.kind, p.depth, p.headers.from, p.text])).toEqual([
      ["forward", 1, "Priya Shah <p.shah@norcotearlyyearscentre.co.uk>", "Saw this, made me laugh."],
      ["forward", 2, "Tom Baker <tom.baker@example.com>", "Ha!"],
      ["forward", 3, "Chain Sender <chain@example.net>", "Forward this to 10 friends or you will have bad luck for a year."],
    ]);
  });

  test("kind of the first Outlook block comes from the subject when composeType is not given", () => {
    const body = "See below\n\nFrom: A <a@x.com>\nSent: 3 Nov 2025\nSubject: Hi\n\nold";
    expect(segmentBody(body, { subject: "FW: Hi" }).quotedParts[0]?.kind).toBe("forward");
    expect(segmentBody(body, { subject: "RE: Hi" }).quotedParts[0]?.kind).toBe("reply");
    expect(segmentBody(body).quotedParts[0]?.kind).toBe("reply");
  });

  test("a Gmail reply quoting an Outlook message", () => {
    const body = "Ok.\n\nOn Mon, 3 Nov 2025 at 09:12, B <b@x.com> wrote:\n> B text\n>\n> From: C <c@x.com>\n> Sent: 2 November 2025 08:00\n> To: B <b@x.com>\n> Subject: Trip\n>\n> C text";
    const result = segmentBody(body);
    expect(result.quotedParts.map((p) => [p.headers.from, p.depth, p.text])).toEqual([
      ["B <b@x.com>", 1, "B text"],
      ["C <c@x.com>", 2, "C text"],
    ]);
  });

  test("200 nested levels give 200 parts", () => {
    let body = "top\n";
    for (let level = 1; level <= 200; level++) body += `${">".repeat(level)} level ${level}\n`;
    const result = segmentBody(body);
    expect(result.authored).toBe("top");
    expect(result.quotedParts).toHaveLength(200);
    expect(result.quotedParts[199]).toEqual({ kind: "reply", headers: {}, text: "level 200", depth: 200 });
  });

  test("CRLF line ends", () => {
    const result = segmentBody("Hi\r\n\r\nOn Mon, 3 Nov 2025 at 09:12, B <b@x.com> wrote:\r\n> old\r\n");
    expect(result.authored).toBe("Hi");
    expect(result.quotedParts[0]?.text).toBe("old");
  });
});

describe("segmentBody: signatures", () => {
  test("'-- ' delimiter", () => {
    const result = segmentBody(fixture("signature-dashdash.txt"));
    expect(result.authored).toBe("The invoice is attached.");
    expect(result.signature).toBe("-- \nBusiness Manager\nNorcot Early Years Centre\nTel 0118 937 5000");
  });

  test("sign-off with the name on the same line", () => {
    const result = segmentBody("See you at 9.\n\nKind regards, Amy\nRoom Leader");
    expect(result.authored).toBe("See you at 9.\n\nKind regards, Amy");
    expect(result.signature).toBe("Room Leader");
  });

  test("conservative: long lines or questions after a sign-off stay authored", () => {
    const long = "Thanks,\nAmy\nPS I also wanted to say that the trip money needs to be in by Friday at the latest please.";
    expect(segmentBody(long).signature).toBe("");
    expect(segmentBody(long).authored).toBe(long);
    const question = "Thanks\nCan you call me back?";
    expect(segmentBody(question).signature).toBe("");
  });

  test("a sign-off mid-sentence is not a sign-off", () => {
    const body = "Thanks, that works for us and the children loved it.\nAmy";
    expect(segmentBody(body).signature).toBe("");
  });

  test("each run of the sender's text may end in a signature (bottom posting)", () => {
    const body = "> Can you come?\n\nYes I can.\n\nBest wishes,\nAmy Jones";
    const result = segmentBody(body);
    expect(result.authored).toBe("Yes I can.\n\nBest wishes,");
    expect(result.signature).toBe("Amy Jones");
  });
});

describe("segmentBody: disclaimers", () => {
  test("the organisation's disclaimer, re-wrapped, after the signature", () => {
    const result = segmentBody(fixture("disclaimer-rewrapped.txt"), withDisclaimer);
    expect(result.authored).toBe("Hi Jane,\n\nThank you for your e-mail, I will pass it to the Head of Centre.\n\nBest wishes,");
    expect(result.signature).toBe("Amy Jones\nRoom Leader");
    expect(result.disclaimer.replace(/\s+/g, " ")).toBe(CENTRE_DISCLAIMER_TEXT);
  });

  test("the organisation's disclaimer in different case, in the middle of a line, before quoted history", () => {
    const upper = CENTRE_DISCLAIMER_TEXT.toUpperCase();
    const body = `Please see the menu. ${upper}\n\nOn Mon, 3 Nov 2025 at 09:12, B <b@x.com> wrote:\n> old`;
    const result = segmentBody(body, withDisclaimer);
    expect(result.authored).toBe("Please see the menu.");
    expect(result.disclaimer).toBe(upper);
    expect(result.quotedParts).toHaveLength(1);
  });

  test("the organisation's disclaimer with a plain hyphen for the dash, and with curly quotes unified", () => {
    const body = `Thanks.\n\n${CENTRE_DISCLAIMER_TEXT.replace("—", "-")}`;
    const result = segmentBody(body, { disclaimerText: CENTRE_DISCLAIMER_TEXT });
    expect(result.authored).toBe("Thanks.");
    expect(result.disclaimer).toBe(CENTRE_DISCLAIMER_TEXT.replace("—", "-"));
    const quotes = segmentBody("Hi\nIt\u2019s our policy to reply within two days.", { disclaimerText: "It's our policy to reply within two days." });
    expect(quotes.authored).toBe("Hi");
    expect(quotes.disclaimer).toBe("It\u2019s our policy to reply within two days.");
  });

  test("no disclaimerText: only generic legal text is set apart", () => {
    const result = segmentBody(`Thanks.\n\n${CENTRE_DISCLAIMER_TEXT}`);
    expect(result.authored).toBe("Thanks.");
    expect(result.disclaimer).toBe(CENTRE_DISCLAIMER_TEXT);
  });

  test("a disclaimer in the quoted part stays there", () => {
    const body = `Thanks\n\nOn Mon, 3 Nov 2025 at 09:12, B <b@x.com> wrote:\n> ${CENTRE_DISCLAIMER_TEXT}`;
    const result = segmentBody(body, withDisclaimer);
    expect(result.disclaimer).toBe("");
    expect(result.quotedParts[0]?.text).toBe(CENTRE_DISCLAIMER_TEXT);
  });

  test("generic legal disclaimers are moved out of authored", () => {
    const body =
      "Invoice attached.\n\nJohn Smith\nAccounts\nThis e-mail and any attachments are confidential and may be privileged.\n" +
      "If you are not the intended recipient, please notify the sender and delete it.\n\nThanks for your order.";
    const result = segmentBody(body);
    expect(result.disclaimer).toBe(
      "This e-mail and any attachments are confidential and may be privileged.\nIf you are not the intended recipient, please notify the sender and delete it.",
    );
    expect(result.authored).toBe("Invoice attached.\n\nJohn Smith\nAccounts\n\nThanks for your order.");
  });

  test("ordinary mentions of confidentiality are not disclaimers", () => {
    const body = "This is confidential - please do not share the rota with parents.";
    expect(segmentBody(body).authored).toBe(body);
    expect(segmentBody(body).disclaimer).toBe("");
  });
});

describe("segmentBody: very long threads", () => {
  test(`splits at most ${MAX_QUOTED_PARTS} parts; the headers after that stay in the last part's text`, () => {
    const block = (n: number): string => `-----Original Message-----\nFrom: Person ${n} <p${n}@example.com>\nSent: 3 June 2024 10:12\nTo: Amy\nSubject: Rota\n\nReply number ${n}\n`;
    const blocks = Array.from({ length: MAX_QUOTED_PARTS + 5 }, (_, n) => block(n));
    const result = segmentBody(`Thanks, see below.\n\n${blocks.join("\n")}`);
    expect(result.authored).toBe("Thanks, see below.");
    expect(result.quotedParts).toHaveLength(MAX_QUOTED_PARTS);
    const last = result.quotedParts[MAX_QUOTED_PARTS - 1];
    expect(last?.headers.from).toBe(`Person ${MAX_QUOTED_PARTS - 1} <p${MAX_QUOTED_PARTS - 1}@example.com>`);
    expect(last?.text.startsWith(`Reply number ${MAX_QUOTED_PARTS - 1}\n\n-----Original Message-----\nFrom: Person ${MAX_QUOTED_PARTS} <`)).toBe(true);
    expect(last?.text.endsWith(`Reply number ${MAX_QUOTED_PARTS + 4}`)).toBe(true);
  });

  test(`a thread of ${MAX_QUOTED_PARTS} parts is split in full`, () => {
    const attributions = Array.from({ length: MAX_QUOTED_PARTS }, (_, n) => `On Mon, 3 Jun 2024 at 10:12, Jane <j${n}@x.com> wrote:\n> reply ${n}`);
    const result = segmentBody(`Fine by me.\n\n${attributions.join("\n")}`);
    expect(result.quotedParts).toHaveLength(MAX_QUOTED_PARTS);
    expect(result.quotedParts[MAX_QUOTED_PARTS - 1]?.headers.from).toBe(`Jane <j${MAX_QUOTED_PARTS - 1}@x.com>`);
  });
});

describe("segmentBody: shape", () => {
  test("full is the input, unchanged", () => {
    const body = "a\r\nb";
    expect(segmentBody(body).full).toBe(body);
  });

  test("empty body", () => {
    expect(segmentBody("")).toEqual({ full: "", authored: "", signature: "", disclaimer: "", quoted: "", quotedParts: [] });
  });

  test.each([
    "outlook-desktop-reply.txt",
    "outlook-web-reply.txt",
    "outlook-original-message.txt",
    "gmail-reply.txt",
    "gmail-reply-wrapped.txt",
    "gmail-forward.txt",
    "apple-forward.txt",
    "apple-reply.txt",
    "nested-fw-fw.txt",
    "deep-quotes.txt",
    "signature-dashdash.txt",
    "disclaimer-rewrapped.txt",
  ])("the parts partition the lines of %s", (name) => {
    expectPartition(fixture(name));
  });

  test("a line whose key is a built-in object property (constructor:, __proto__:) is text, not a header", () => {
    for (const key of ["Constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const body = `See below.\n\n-----Original Message-----\n${key}: Bob the Builder\nThe skip arrives on Monday.`;
      const [part] = segmentBody(body).quotedParts;
      expect([key, part?.text]).toEqual([key, `${key}: Bob the Builder\nThe skip arrives on Monday.`]);
      expect(part?.headers).toEqual({});
    }
  });

  test("runs of blank lines, bare header keys and CRLF line ends keep every line where it was", () => {
    const body = `Hi all,\n${"\n".repeat(5000)}From:\nFrom:\n${"\r\n".repeat(300)}Thanks,\nAmy\n${"\n".repeat(200)}`;
    expectPartition(body);
    const result = segmentBody(body, withDisclaimer);
    expect(result.authored.startsWith("Hi all,\n\n")).toBe(true);
    expect(result.authored.endsWith("From:\nFrom:\n" + "\n".repeat(300) + "Thanks,")).toBe(true);
    expect(result.signature).toBe("Amy");
    expect(result.quotedParts).toEqual([]);
  });

  test("a run of empty lines reads as the same run of blank lines (long runs are indexed as one line)", () => {
    // Lines of one space are blank like empty ones but are never merged: the body written with
    // them is the reference, its outputs with those spaces taken out.
    const shapes = [
      "Hi all,", "The trip is on Friday.", "Kind regards,", "Amy Jones", "--", "Sent from my iPhone",
      "-----Original Message-----", "From: Jane Parent <jane@example.com>", "Sent: 03 November 2025 09:12", "To: Amy Jones",
      "Subject: RE: Trip", "On Mon, 3 Nov 2025 at 09:12, Jane <jane@example.com> wrote:", "> Thanks for this.", "> > Older text",
      "---------- Forwarded message ---------", "Begin forwarded message:", "Jane Smith/HOU/ECT on 05/01/2001 10:12 AM",
      "If you are not the intended recipient, please delete this email.", ">", "From:",
      ...CENTRE_DISCLAIMER_TEXT.split("\n").slice(0, 3),
    ];
    const random = generator(5);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const unspace = (text: string): string => text.replace(/^ $/gm, "");
    for (let n = 0; n < 400; n++) {
      const lines: string[] = [];
      for (let i = Math.floor(random() * 14); i > 0; i--) {
        lines.push(pick(shapes));
        for (let blank = random() < 0.5 ? Math.floor(random() * 9) : 0; blank > 0; blank--) lines.push("");
      }
      const body = (random() < 0.5 ? "\n".repeat(Math.floor(random() * 6)) : "") + lines.join("\n");
      const spaced = body.split("\n").map((line) => (line === "" ? " " : line)).join("\n");
      const options = { ...withDisclaimer, composeType: pick(["new", "reply", "forward"] as const) };
      const got = segmentBody(body, options);
      const want = segmentBody(spaced, options);
      expect([body, got.authored, got.signature, got.disclaimer, got.quoted]).toEqual([
        body,
        unspace(want.authored),
        unspace(want.signature),
        unspace(want.disclaimer),
        unspace(want.quoted),
      ]);
      expect([body, got.quotedParts]).toEqual([body, want.quotedParts.map((part) => ({ ...part, text: unspace(part.text) }))]);
    }
  });

  test("large and degenerate bodies are segmented correctly (speed is measured by npm run bench)", () => {
    const reply = fixture("outlook-desktop-reply.txt");
    const big = `${reply}\n`.repeat(2000);
    const result = segmentBody(big, withDisclaimer);
    expect(result.authored.startsWith("Hi Sarah,")).toBe(true);
    expect(result.quotedParts).toHaveLength(2000);
    expect(result.quotedParts[1999]?.depth).toBe(2000);
    for (const ch of ["a", ">", "\n", " ", "-", "_", ":", "<"]) {
      const body = ch.repeat(50_000);
      const segments = segmentBody(body, withDisclaimer);
      const total = segments.authored.length + segments.signature.length + segments.disclaimer.length + segments.quoted.length;
      expect(total).toBe(body.trim() === "" ? 0 : body.length);
    }
  });
});

describe("findNormalized (the disclaimer search)", () => {
  /** Reference: the whole text as comparison codes with where each came from, searched naively. */
  function reference(text: string, key: readonly number[]): Array<[number, number]> {
    const codes: number[] = [];
    const origin: number[] = [];
    let pendingSpace = -1;
    for (let i = 0; i < text.length; i++) {
      const [code] = matchCodes(`x${text[i] as string}`).slice(1);
      if (code === undefined) {
        if (codes.length > 0 && pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (pendingSpace >= 0) {
        codes.push(32);
        origin.push(pendingSpace);
      }
      pendingSpace = -1;
      codes.push(code);
      origin.push(i);
    }
    const found: Array<[number, number]> = [];
    for (let i = 0; i + key.length <= codes.length; ) {
      if (key.every((c, j) => codes[i + j] === c)) {
        found.push([origin[i] as number, (origin[i + key.length - 1] as number) + 1]);
        i += key.length;
      } else i++;
    }
    return found;
  }

  it("finds what a plain search of the normalised text finds, on 2,000 generated texts", () => {
    const key = matchCodes("This e-mail is “confidential”. If you are not the intended recipient");
    const random = generator(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const variants = [
      "This e-mail is “confidential”. If you are not the intended recipient",
      "THIS E‑MAIL IS \"CONFIDENTIAL\". IF YOU ARE\n  NOT THE INTENDED RECIPIENT",
      "this e–mail is 'confidential'. if you are not the intended",
      "This\u00a0e-mail  is “confidential”.\nIf you are not the intended recipient",
      "tThis e-mail is “confidential”. If you are not the intended recipient",
    ];
    let matches = 0;
    for (let i = 0; i < 2000; i++) {
      let text = "";
      for (let p = 0; p < 1 + Math.floor(random() * 6); p++) text += pick([...variants, "This is", "t", "T", " ", "\n", "İstanbul ", "Kind regards ", "ttt"]) + pick(["", " ", "\n\n"]);
      const expected = reference(text, key);
      matches += expected.length;
      expect([text, findNormalized(text, text.toLowerCase(), key)]).toEqual([text, expected]);
    }
    expect(matches).toBeGreaterThan(500);
  });

  it("searches for each key it is given when keys alternate (the table of the last key is kept)", () => {
    const keys = ["Views expressed are those of the sender", "This e-mail is confidential", "Views expressed here"].map((k) => matchCodes(k));
    const text = "Hi\nThis E-MAIL is  confidential.\nViews expressed are those of the sender.\nViews expressed here";
    for (let round = 0; round < 3; round++) {
      for (const key of keys) expect(findNormalized(text, text.toLowerCase(), key)).toEqual(reference(text, key));
    }
    expect(keys.map((key) => findNormalized(text, text.toLowerCase(), key).length)).toEqual([1, 1, 1]);
  });

  it("sets apart each organisation's disclaimer when the disclaimer text changes between checks", () => {
    const first = "Norcot Early Years Centre, Norcot Road, Reading, caring for children since 1998.";
    const second = "Little Acorns Nursery, Oak Lane, Tilehurst, where every child is known by name.";
    const body = `Hi Ben,\nThe rota is on the board.\n\n${first}\n${second}`;
    for (let round = 0; round < 2; round++) {
      expect(segmentBody(body, { disclaimerText: first }).disclaimer).toBe(first);
      expect(segmentBody(body, { disclaimerText: second }).disclaimer).toBe(second);
    }
  });
});

describe("segmentBody: real-world header shapes (test/fixtures/headers)", () => {
  test("the table covers every client and the six languages", () => {
    expect(HEADER_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HEADER_CASES.map((c) => c.lang))).toEqual(new Set(["en", "fr", "de", "es", "nl", "pl"]));
    expect(new Set(HEADER_CASES.map((c) => c.client)).size).toBe(8);
  });

  test.each(HEADER_CASES.map((c) => [`${c.client}/${c.lang}: ${c.name}`, c] as const))("%s", (_name, c) => {
    const result = segmentBody(c.body);
    expect(result.authored).toBe(c.authored);
    expect(result.quotedParts).toHaveLength(c.parts);
    if (c.quotedHas !== undefined) expect(result.quotedParts.map((p) => p.text).join("\n")).toContain(c.quotedHas);
    if (c.signature !== undefined) expect(result.signature).toBe(c.signature);
    if (c.disclaimer !== undefined) expect(result.disclaimer).toBe(c.disclaimer);
    if (c.from !== undefined) expect(result.quotedParts[0]?.headers.from).toBe(c.from);
    // Header lines are history, never the sender's words.
    for (const line of result.authored.split("\n")) expect(line).not.toMatch(/^\s*(\*?(From|Sent|Von|Gesendet|De|Envoyé|Van|Verzonden|Od|Wysłano|To|cc|Subject)\*? ?:.*@|----- ?Forwarded by)/);
  });
});

describe("segmentBody: runs of From lines (read without the header reader)", () => {
  const rand = generator(77);
  const FROM_LINES = ["From:", "From: Jane Smith <jane@example.com>", "*From:* Ben", "  From: x", "FROM: Amy"];
  test.each(HEADER_CASES.map((c) => [`${c.client}/${c.lang}: ${c.name}`, c] as const))("%s after From lines keeps its quoted parts", (_name, c) => {
    const plain = segmentBody(c.body);
    for (let round = 0; round < 4; round++) {
      const count = 1 + Math.floor(rand() * 4);
      const prefix = Array.from({ length: count }, () => FROM_LINES[Math.floor(rand() * FROM_LINES.length)]).join("\n");
      const result = segmentBody(`${prefix}\n${c.body}`);
      expect(result.quotedParts).toEqual(plain.quotedParts);
    }
  });

  test("a From line followed by a header block of its own is read as one block", () => {
    const result = segmentBody("Hi\n\nFrom: Jane <j@x.com>\nSent: 3 June 2024\nTo: Amy\nSubject: Rota\n\nold text");
    expect(result.quotedParts).toHaveLength(1);
    expect(result.quotedParts[0]?.headers).toEqual({ from: "Jane <j@x.com>", date: "3 June 2024", to: "Amy", subject: "Rota" });
  });
});

describe("segmentBody: lines read without the marker scan", () => {
  test("a `>` after up to four spaces or a tab is quoting; after five spaces, or after a letter, it is text", () => {
    const result = segmentBody("Hi Sam,\n   > quoted one\n\t> quoted two\n    >quoted three\n     > not quoted\nA > B is fine\n \u00a0\t\nThanks");
    expect(result.quoted.split("\n").filter((l) => l.trim() !== "")).toEqual(["   > quoted one", "\t> quoted two", "    >quoted three"]);
    expect(result.authored).toBe("Hi Sam,\n     > not quoted\nA > B is fine\n \u00a0\t\nThanks");
  });

  test("every line lands in one part whatever it starts with (generated bodies)", () => {
    const rand = generator(2024);
    const starts = ["Text", "  > q", "\t> q", ">> q", "> > q", "     > t", " lead", "\u00a0nbsp", "   ", "", "\t", "From: x", "Thanks,", "—dash", "<b>"];
    for (let n = 0; n < 300; n++) {
      const lines = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => starts[Math.floor(rand() * starts.length)] as string);
      expectPartition(lines.join(rand() < 0.2 ? "\r\n" : "\n"), {});
    }
  });
});
