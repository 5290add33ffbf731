/**
 * Issue 11 item 5: no two cards in the pane share a title, and an oversized attachment quotes
 * the congestion clause.
 */
import { screen, within } from "@testing-library/react";
import { renderPane } from "./render";
import { onlyRules } from "./policies";
import cleanRota from "../../samples/clean-rota-internal.json";

function cardTitles(): string[] {
  return within(screen.getByRole("list", { name: "Problems found" }))
    .getAllByRole("article")
    .map((a) => within(a).getByRole("heading").textContent ?? "");
}

describe("card titles", () => {
  it("a music file and an oversized file get their own titles and clauses", async () => {
    const draft = {
      ...cleanRota,
      attachments: [
        { name: "nativity.zip", size: 14 * 1024 * 1024, contentType: "application/zip" },
        { name: "song.mp3", size: 1000, contentType: "audio/mpeg" },
      ],
    };
    renderPane({ draft, policy: onlyRules({ "no-media-attachment": "warn" }) });
    await screen.findByRole("list", { name: "Problems found" });
    expect(cardTitles().sort()).toEqual(["Attachment too large", "Music or video attachment"]);
    const large = screen.getByRole("article", { name: "Attachment too large" });
    expect(within(large).getByText(/unnecessarily copying or forwarding e-mails/)).toBeTruthy();
  });

  it("the same problem in the subject and in the message gets two different titles", async () => {
    const draft = {
      ...cleanRota,
      to: [{ email: "sophie.patel84@gmail.com", type: "externalUser" }],
      subject: "SMT minutes",
      body: "Hi Sophie,\n\nHere are the SMT minutes from Monday.\n\nAmy",
    };
    renderPane({ draft, policy: onlyRules({ "no-staff-only-content": "warn" }) });
    await screen.findByRole("list", { name: "Problems found" });
    const titles = cardTitles();
    expect(titles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toEqual(["Staff-only material to outsiders (subject)", "Staff-only material to outsiders (message)"]);
  });
});

describe("personal data cards", () => {
  it("each kind of personal data has its own title that still says it is personal data", async () => {
    const draft = {
      ...cleanRota,
      to: [{ email: "sophie.patel84@gmail.com", type: "externalUser" }],
      body: "Hi Sophie,\n\nLily Patel, date of birth 14/03/2021, NHS number 943 476 5919.\n\nAmy",
    };
    renderPane({ draft, policy: onlyRules({ "no-personal-data": "block" }) });
    await screen.findByRole("list", { name: "Problems found" });
    const titles = cardTitles();
    expect(titles).toEqual(expect.arrayContaining(["Personal data leaving the Centre: an identity number", "Personal data leaving the Centre: a date of birth"]));
    expect(new Set(titles).size).toBe(titles.length);
  });
});
