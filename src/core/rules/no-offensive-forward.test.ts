import rule, { forwardedTexts } from "./no-offensive-forward";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";
import { parseDraft } from "../draft/parse-draft";
import { buildSnapshot } from "../engine/build-snapshot";
import { defaultOrganisation } from "../policy/default-organisation";

const HEAD = { email: "head@norcotearlyyearscentre.co.uk", name: "Head of Centre", type: "user" };
const BUSINESS = { email: "business.manager@norcotearlyyearscentre.co.uk", name: "Business Manager", type: "user" };
const COLLEAGUE = { email: "b.smith@norcotearlyyearscentre.co.uk", name: "Ben Smith", type: "user" };
const FRIEND = { email: "pal@example.com", name: "A Friend", type: "externalUser" };

/** A body forwarding a received message with Outlook's headers. */
function outlookForward(authored: string, received: string, subject = "Your complaint"): string {
  return [
    authored,
    "",
    "-----Original Message-----",
    "From: Joe Bloggs <joe.bloggs@example.com>",
    "Sent: Thursday, 12 March 2026 10:04",
    "To: Amy Jones <a.jones@norcotearlyyearscentre.co.uk>",
    `Subject: ${subject}`,
    "",
    received,
  ].join("\n");
}

/** A body forwarding with Gmail's marker, inside a reply. */
function gmailForward(authored: string, received: string): string {
  return [
    authored,
    "",
    "---------- Forwarded message ---------",
    "From: Joe Bloggs <joe.bloggs@example.com>",
    "Date: Thu, 12 Mar 2026 at 10:04",
    "Subject: Re: pick-up",
    "To: <a.jones@norcotearlyyearscentre.co.uk>",
    "",
    received,
  ].join("\n");
}

const OFFENSIVE = "You are a f*cking idiot. Watch your back, I know where you live.";
const forward = (to: unknown[], body: string, extra: Record<string, unknown> = {}) =>
  makeDraft({ to, subject: "FW: Your complaint", composeType: "forward", body, ...extra });
const fixFor = (...emails: string[]) => ({ kind: "remove-recipients" as const, targets: emails });

runRuleTests(rule, {
  valid: [
    { name: "forward to SMT (as the policy asks)", draft: forward([HEAD], outlookForward("Please see below; I have not replied.", OFFENSIVE)) },
    { name: "forward to both SMT members", draft: forward([HEAD, BUSINESS], outlookForward("FYI", OFFENSIVE)) },
    { name: "forward of an ordinary message", draft: forward([COLLEAGUE], outlookForward("FYI", "Thanks for the lovely sports day, see you Monday.")) },
    { name: "innocent look-alikes in the forwarded part", draft: forward([COLLEAGUE], outlookForward("FYI", "The Scunthorpe class assessment is on Friday; spotted dick for pudding.")) },
    { name: "a new message (nothing forwarded)", draft: makeDraft({ to: [COLLEAGUE], body: "Hello" }) },
    {
      name: "a reply quoting an offensive message is not a forward",
      draft: makeDraft({ to: [COLLEAGUE], composeType: "reply", subject: "RE: hi", body: outlookForward("Sorry to hear that.", OFFENSIVE).replace("-----Original Message-----", "") }),
    },
    {
      name: "SMT addresses compared without case",
      draft: forward([{ email: "Head@NorcotEarlyYearsCentre.co.uk", name: "Head" }], outlookForward("FYI", OFFENSIVE)),
    },
    { name: "category switched off", draft: forward([COLLEAGUE], outlookForward("FYI", "idiot")), options: { categories: ["obscene"] } },
  ],
  invalid: [
    {
      name: "forward of an offensive message to a colleague",
      draft: forward([COLLEAGUE], outlookForward("Can you believe this?", OFFENSIVE)),
      errors: [{ messageId: "offensiveForward", field: "body", data: { category: "threatening" }, fix: fixFor(COLLEAGUE.email) }],
    },
    {
      name: "forward to SMT with a colleague in Cc",
      draft: forward([HEAD], outlookForward("FYI", "What a c.u.n.t"), { cc: [COLLEAGUE] }),
      // The evidence quotes the forwarded words as they were written (issue 11 item 6); the message masks them.
      errors: [{ messageId: "offensiveForward", data: { category: "obscene", word: "c•••" }, evidenceIncludes: ["c.u.n.t"], evidenceExcludes: ["c•••"], fix: fixFor(COLLEAGUE.email) }],
    },
    {
      name: "offensive subject of the forwarded message",
      draft: forward([FRIEND], outlookForward("lol", "See attached.", "you f4ggot")),
      errors: [{ messageId: "offensiveForward", data: { category: "homophobic or transphobic" }, fix: fixFor(FRIEND.email) }],
    },
    {
      name: "forwarded block inside a reply (Gmail marker)",
      draft: makeDraft({ to: [FRIEND], composeType: "reply", subject: "RE: pick-up", body: gmailForward("Look what he sent me", "You stupid cow, you'll regret this.") }),
      errors: [{ messageId: "offensiveForward", data: { category: "threatening" } }],
    },
    {
      name: "own SMT list from the policy",
      draft: forward([HEAD], outlookForward("FYI", OFFENSIVE)),
      organisation: { smtAddresses: ["deputy@norcotearlyyearscentre.co.uk"] },
      errors: [{ messageId: "offensiveForward", fix: fixFor(HEAD.email) }],
    },
    {
      name: "extraWords apply to the forwarded part",
      draft: forward([COLLEAGUE], outlookForward("FYI", "Tell that plonkerface to call me.")),
      options: { extraWords: ["plonkerface"], categories: [] },
      errors: [{ messageId: "offensiveForward", data: { category: "offensive" } }],
    },
  ],
});

describe("forwardedTexts", () => {
  const snapshot = (draft: Record<string, unknown>) => buildSnapshot(parseDraft(draft), defaultOrganisation);

  it("returns the forwarded text and subject of an Outlook forward", () => {
    const texts = forwardedTexts(snapshot(forward([COLLEAGUE], outlookForward("FYI", "Received words.", "Original subject"))));
    expect(texts).toEqual(["Original subject", "Received words."]);
  });

  it("returns nothing for a new message", () => {
    expect(forwardedTexts(snapshot(makeDraft()))).toEqual([]);
  });

  it("does not report words the forwarded message records as someone else's", () => {
    const record = 'Incident log: the parent shouted "you useless cow" at the receptionist. The manager offered a meeting.';
    expect(runRule(rule, { draft: forward([COLLEAGUE], outlookForward("For the file.", record)) })).toEqual([]);
    expect(runRule(rule, { draft: forward([COLLEAGUE], outlookForward("For the file.", "You useless cow, I want my money back.")) })).toHaveLength(1);
  });

  it("does not judge what the sender wrote", () => {
    const reported = runRule(rule, { draft: forward([COLLEAGUE], outlookForward("What a f*cking idiot he is.", "Please call me about pick-up times.")) });
    expect(reported).toEqual([]);
  });
});
