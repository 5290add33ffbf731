import { readFileSync } from "fs";
import { join } from "path";
import { segmentBody } from "../detect/segment";
import { guessComposeType, parseEml } from "./eml";
import { DraftError, parseDraft } from "./parse-draft";
import { APPLE_FORWARDED_PART } from "../../../test/fixtures/apple-forward";

const FIXTURES = join(__dirname, "../../../test/fixtures/eml");
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const text = (name: string): string => readFileSync(join(FIXTURES, name), "utf8");

async function expectDraftError(source: string | ArrayBuffer | Uint8Array, field: string, message: string): Promise<void> {
  const error = await parseEml(source).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DraftError);
  expect((error as DraftError).field).toBe(field);
  expect((error as DraftError).message).toBe(message);
}

describe("parseEml", () => {
  test("Outlook on the web download: multipart/alternative, quoted-printable, a reply", async () => {
    const draft = await parseEml(bytes("outlook-web-reply.eml"));
    expect(draft.from).toEqual({ email: "a.jones@norcotearlyyearscentre.co.uk", name: "Amy Jones" });
    expect(draft.to).toEqual([{ email: "sarah.parent@example.com", name: "Sarah Parent" }]);
    expect(draft.cc).toEqual([{ email: "office@norcotearlyyearscentre.co.uk", name: "Office" }]);
    expect(draft.bcc).toEqual([]);
    expect(draft.subject).toBe("RE: Pick-up on Friday");
    expect(draft.composeType).toBe("reply");
    expect(draft.attachments).toEqual([]);
    // The text part, decoded from quoted-printable (the en dash was =E2=80=93).
    expect(String(draft.body).startsWith("Hi Sarah,\n\nThank you for letting us know – Oliver's grandmother")).toBe(true);
    expect(String(draft.bodyHtml)).toContain('<div id="divRplyFwdMsg" dir="ltr">');

    const segments = segmentBody(String(draft.body));
    expect(segments.authored).toBe(
      "Hi Sarah,\n\nThank you for letting us know – Oliver's grandmother is on his collection list, so that is fine for Friday.\n\nKind regards,",
    );
    expect(segments.signature).toBe("Amy Jones\nRoom Leader – Caterpillars Room\nNorcot Early Years Centre");
    expect(segments.quotedParts.map((p) => [p.headers.from, p.headers.subject])).toEqual([["Sarah Parent <sarah.parent@example.com>", "Pick-up on Friday"]]);
  });

  test("the result is a MessageDraft parseDraft accepts", async () => {
    const draft = parseDraft(await parseEml(text("outlook-web-reply.eml")));
    expect(draft.composeType).toBe("reply");
    expect(draft.to[0]?.email).toBe("sarah.parent@example.com");
  });

  test("attachments: a PDF, and an inline logo from multipart/related; Bcc and quoted display names", async () => {
    const draft = await parseEml(bytes("with-attachment.eml"));
    expect(draft.from).toEqual({ email: "business.manager@norcotearlyyearscentre.co.uk", name: "Business Manager" });
    expect(draft.to).toEqual([
      { email: "a.jones@norcotearlyyearscentre.co.uk", name: "Jones, Amy" },
      { email: "t.baker@norcotearlyyearscentre.co.uk" },
    ]);
    expect(draft.bcc).toEqual([{ email: "head@norcotearlyyearscentre.co.uk" }]);
    expect(draft.composeType).toBe("new");
    expect(draft.attachments).toEqual([
      { name: "image001.png", size: 70, contentType: "image/png", isInline: true },
      { name: "Invoice summary autumn 2025.pdf", size: 2500, contentType: "application/pdf", isInline: false },
    ]);
    expect(draft.body).toBe("Hello both,\n\nPlease find attached the invoice summary for the autumn term.\n\nThanks,\nBusiness Manager");
  });

  test("Apple Mail forward", async () => {
    const draft = await parseEml(bytes("apple-forward.eml").buffer as ArrayBuffer);
    expect(draft.subject).toBe("Fwd: Photos from the trip");
    expect(draft.composeType).toBe("forward");
    expect(draft.to).toEqual([{ email: "p.shah@norcotearlyyearscentre.co.uk", name: "Priya Shah" }]);
    const segments = segmentBody(String(draft.body), { composeType: "forward" });
    expect(segments.authored).toBe("Forwarding as discussed.");
    expect(segments.signature).toBe("Sent from my iPhone");
    expect(segments.quotedParts).toEqual([APPLE_FORWARDED_PART]);
  });

  test("HTML-only message: the body is the HTML as text", async () => {
    const draft = await parseEml(text("html-only.eml"));
    expect(draft.body).toBe("Free flu vaccinations\n\nParents of children aged 2 and 3 can book a free nasal flu vaccination at their GP.");
    expect(String(draft.bodyHtml)).toContain("<h1>Free flu vaccinations</h1>");
  });

  test("a message without From gives a draft without from", async () => {
    const draft = await parseEml("To: parent@example.com\r\nSubject: Hello\r\n\r\nHi");
    expect(draft).not.toHaveProperty("from");
    expect(draft.body).toBe("Hi");
    expect(draft).not.toHaveProperty("bodyHtml");
  });

  test("group syntax is flattened and an empty group adds nobody", async () => {
    const draft = await parseEml("From: a@x.org\r\nTo: Parents: p1@example.com, P Two <p2@example.com>;\r\nCc: undisclosed-recipients:;\r\n\r\nHi");
    expect(draft.to).toEqual([{ email: "p1@example.com" }, { email: "p2@example.com", name: "P Two" }]);
    expect(draft.cc).toEqual([]);
  });
});

describe("parseEml: malformed input is a DraftError naming the problem", () => {
  test("empty file", async () => {
    await expectDraftError("", "(message)", "(message): the .eml file is empty");
    await expectDraftError(" \r\n ", "(message)", "(message): the .eml file is empty");
    await expectDraftError(new Uint8Array(0), "(message)", "(message): the .eml file is empty");
  });

  test("plain text that is not a message", async () => {
    await expectDraftError(
      bytes("not-an-email.eml"),
      "(message)",
      '(message): not an RFC 822 message: the header section has "Dear parents,", which is not a "Name: value" header line',
    );
  });

  test("a MessageDraft JSON file passed as .eml", async () => {
    await expectDraftError(
      '{"to":"x@y.com"}',
      "(message)",
      "(message): not an RFC 822 message: it looks like JSON (MessageDraft JSON belongs in a .json file)",
    );
  });

  test("headers that are none of a message's", async () => {
    await expectDraftError("X-Thing: 1\r\n\r\nbody", "(message)", "(message): not an RFC 822 message: it has none of the From, To, Cc, Subject or Date headers");
  });

  test("a From without an address", async () => {
    await expectDraftError(bytes("bad-from.eml"), "from", 'from: expected an e-mail address, got "Office team"');
  });

  test("a recipient without an address names its position", async () => {
    await expectDraftError("From: a@x.org\r\nTo: p1@example.com, Just A Name\r\n\r\nHi", "to[1]", 'to[1]: expected an e-mail address, got "Just A Name"');
  });

  test("not text or bytes", async () => {
    await expectDraftError(42 as unknown as string, "(message)", "(message): expected the .eml file's text or bytes");
  });
});

describe("guessComposeType", () => {
  test.each([
    ["RE: Trip", false, "reply"],
    ["AW: Termin", false, "reply"],
    ["Re: trip", false, "reply"],
    ["Trip", true, "reply"],
    ["FW: Trip", true, "forward"],
    ["Fwd: Trip", false, "forward"],
    ["WG: Termin", false, "forward"],
    ["Trip", false, "new"],
    ["Regarding the trip", false, "new"],
  ] as const)("%s (threaded: %s) is %s", (subject, threaded, expected) => {
    expect(guessComposeType(subject, threaded)).toBe(expected);
  });
});

test("binary garbage is reported with control characters shown as ?", async () => {
  await expectDraftError(
    new Uint8Array([0x00, 0x01, 0x50, 0x4b, 0x03, 0x04, 0x0a, 0x0a]),
    "(message)",
    '(message): not an RFC 822 message: the header section has "??PK??", which is not a "Name: value" header line',
  );
});
