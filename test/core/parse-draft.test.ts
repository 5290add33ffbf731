import { DraftError, parseDraft } from "../../src/core/draft/parse-draft";
import { parseAddress } from "../../src/core/draft/addresses";

function fieldOf(input: unknown): string {
  try {
    parseDraft(input);
  } catch (e) {
    if (e instanceof DraftError) return e.field;
    throw e;
  }
  throw new Error("expected a DraftError");
}

describe("parseDraft", () => {
  it("accepts recipient strings and objects and fills missing arrays", () => {
    const d = parseDraft({
      to: ["x@y.org", "Jane Smith <jane@example.com>", { email: "b@c.org", name: "B", type: "externalUser" }],
      subject: "Hello",
      body: "Hi",
    });
    expect(d.to).toEqual([
      { email: "x@y.org" },
      { email: "jane@example.com", name: "Jane Smith" },
      { email: "b@c.org", name: "B", type: "externalUser" },
    ]);
    expect(d.cc).toEqual([]);
    expect(d.bcc).toEqual([]);
    expect(d.attachments).toEqual([]);
    expect(d.composeType).toBe("new");
  });

  it("turns an HTML-only body into text with the injected converter", () => {
    const d = parseDraft({ bodyHtml: "<p>Hello</p>" }, { htmlToText: (h) => `converted:${h.length}` });
    expect(d.body).toBe("converted:12");
    expect(d.bodyHtml).toBe("<p>Hello</p>");
    expect(parseDraft({ bodyHtml: "<p>Hi&nbsp;there</p><script>x()</script>" }).body.trim()).toBe("Hi there");
  });

  it("ignores unknown fields", () => {
    expect(parseDraft({ subject: "s", whatever: 1 }).subject).toBe("s");
  });

  it("maps Outlook's compose type names", () => {
    expect(parseDraft({ composeType: "newMail" }).composeType).toBe("new");
    expect(parseDraft({ composeType: "reply" }).composeType).toBe("reply");
    expect(parseDraft({ composeType: "forward" }).composeType).toBe("forward");
  });

  it("names the field of every malformed part", () => {
    expect(fieldOf("nope")).toBe("(message)");
    expect(fieldOf({ to: "not an address" })).toBe("to[0]");
    expect(fieldOf({ cc: [{ name: "No email" }] })).toBe("cc[0].email");
    expect(fieldOf({ bcc: [{ email: "a@b.org", type: "alien" }] })).toBe("bcc[0].type");
    expect(fieldOf({ subject: 42 })).toBe("subject");
    expect(fieldOf({ attachments: [{ name: "a.pdf", size: -1 }] })).toBe("attachments[0].size");
    expect(fieldOf({ attachments: {} })).toBe("attachments");
    expect(fieldOf({ composeType: "meeting" })).toBe("composeType");
    expect(fieldOf({ from: 3 })).toBe("from");
  });

  it("gives a message that names the field and the problem", () => {
    expect(() => parseDraft({ to: [{ email: "a@b.org", type: "alien" }] })).toThrow(
      'to[0].type: expected one of user, externalUser, distributionList, other, got "alien"',
    );
  });
});

describe("parseAddress", () => {
  it("reads the common forms", () => {
    expect(parseAddress('"Smith, Jane" <jane@x.org>')).toEqual({ email: "jane@x.org", name: "Smith, Jane" });
    expect(parseAddress("<jane@x.org>")).toEqual({ email: "jane@x.org" });
    expect(parseAddress("mailto:jane@x.org")).toEqual({ email: "jane@x.org" });
    expect(parseAddress("jane")).toBeNull();
    expect(parseAddress("")).toBeNull();
  });
});
