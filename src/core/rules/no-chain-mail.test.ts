import rule from "./no-chain-mail";
import data from "../data/chain-mail/phrases.en.json";
import { buildTestSnapshot, checkOnly, describeLargeInputs, ORDINARY_PARAGRAPH } from "../../../test/content-rule-helpers";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";
import { compileSignals, patternProblem, type SignalData } from "../detect/tone-utils";
import { detectOne } from "../detect/model";
import { LINE_CASES, piecesAcrossLines } from "../../../test/fixtures/lines/cases";
import { CHAIN_COUNTERPARTS, CONDEMNS_ABUSE, HOAX_WARNINGS, QUOTED_IN_RECORDS } from "../../../test/fixtures/calm/calm";
import {
  bodyOf,
  CENTRE_ADVERTS,
  PASS_ON_IN_THE_SIGNS_WORDS,
  PASS_ON_TO_GROUPS,
  CHAIN_LETTERS,
  CHAIN_LETTERS_WITH_EVERYDAY_WORDS,
  REAL_NOTICES,
  SCARE_CHAINS,
  SHORT_CHAINS,
  STATUS_CHAINS,
  WORK_FORWARDS,
  type ForwardCase,
} from "../../../test/fixtures/forwards/cases";

/** An Outlook forward: what the sender wrote, then the forwarded message with its header block. */
function forward(authored: string, forwarded: string, headers: { subject?: string; to?: string; cc?: string } = {}): string {
  return [
    authored,
    "",
    "-----Original Message-----",
    "From: Sue Brown <sue.brown@example.com>",
    "Sent: 03 March 2025 09:12",
    `To: ${headers.to ?? "Amy Jones"}`,
    ...(headers.cc ? [`Cc: ${headers.cc}`] : []),
    `Subject: ${headers.subject ?? "FW: read this"}`,
    "",
    forwarded,
  ].join("\n");
}

const many = (n: number, domain = "example.com") => Array.from({ length: n }, (_, i) => `friend${i}@${domain}`).join("; ");
const names = (n: number) => Array.from({ length: n }, (_, i) => `Friend Number${i}`).join("; ");
const body = (text: string) => makeDraft({ body: text });

runRuleTests(rule, {
  valid: [
    { draft: body("Here are our top 5 tips to help your child settle in at nursery.") },
    { draft: body("Please share with all your room team the new rota for next week.") },
    { draft: makeDraft() },
    { draft: body("Hi Ben,\n\nPlease forward this to the room leaders so they see it before Monday.\n\nThanks,\nAmy") },
    { draft: body("Please pass this on to your team. The fire drill is at 10 on Tuesday.") },
    { draft: body("Could you pass it on to the office when you have a minute?") },
    {
      draft: makeDraft({
        subject: "Spring newsletter",
        body: "Dear parents,\n\nWhat a busy term! The children have loved planting beans, and we had great fun at the World Book Day parade. Have you heard about our new forest school sessions? Details are below.\n\nKind regards,\nThe Centre",
      }),
    },
    { draft: makeDraft({ subject: "Rota for week 12", body: "Here is the rota. Sarah is on early shift Monday and Tuesday; Tom covers lunch." }) },
    {
      draft: makeDraft({
        composeType: "forward",
        subject: "FW: Invoice 10234",
        body: forward("Hi Ben, please can you pay this by Friday? Thanks, Amy", "Please find attached our invoice 10234 for the nappies delivered in February.", { subject: "Invoice 10234" }),
      }),
    },
    {
      draft: makeDraft({
        composeType: "forward",
        subject: "FW: FW: FW: Invoice 10234",
        body: forward("Forwarding again as discussed.", "Please find attached our invoice for February.", { subject: "FW: FW: Invoice 10234" }),
      }),
    },
    { draft: body("There is a sickness virus going round Rainbow room, so please wash hands carefully.") },
    { draft: body("The children told jokes at circle time and it was very funny.") },
    { draft: body("Please sign the consent form and return it by Friday.") },
    // Addresses on a staff contact list below the threshold.
    { draft: body(`Room leaders: ${many(6, "norcotearlyyearscentre.co.uk")}`) },
    // Reported to SMT: allowed.
    {
      draft: makeDraft({
        to: [{ email: "head@norcotearlyyearscentre.co.uk" }],
        composeType: "forward",
        subject: "FW: WARNING new virus",
        body: forward("Is this real? Received it this morning.", "WARNING!!! New virus. Delete this file now. Forward this to everyone you know."),
      }),
      organisation: { smtAddresses: ["head@norcotearlyyearscentre.co.uk"] },
    },
    // Options.
    { draft: makeDraft({ subject: "FW: FW: FW: FW: FW: Holiday dates", body: "See below." }), options: { forwardPrefixes: 8 } },
    { draft: body("Forward this to 10 people"), options: { threshold: 4, modelThreshold: 1, modelAssist: 1 } },
  ],
  invalid: [
    { draft: body("Forward this to 10 people within 10 minutes or you will have bad luck for 7 years!"), errors: [{ messageId: "chainLetter", field: "body", evidenceIncludes: ["Forward this to 10 people"] }] },
    { draft: body("Send it to all your friends. Don't break the chain!"), errors: [{ messageId: "chainLetter", evidenceIncludes: ["Don't break the chain"] }] },
    { draft: body("Forward this email to fifteen friends and make a wish."), errors: [{ messageId: "chainLetter" }] },
    { draft: body("Please sign this petition, add your name to the list and send it to everyone you know."), errors: [{ messageId: "chainLetter" }] },
    { draft: body("WARNING!!! New virus. Microsoft will pay you for every person you send this to. This is not a hoax!"), errors: [{ messageId: "hoax", evidenceIncludes: ["Microsoft will pay you"] }] },
    { draft: body("If you receive an email titled 'Dancing Pigs' do not open it. Delete this file: jdbgmgr.exe"), errors: [{ messageId: "hoax" }] },
    { draft: makeDraft({ subject: "Joke of the day", body: "LOL pass it on" }), errors: [{ messageId: "joke" }] },
    // Issue 10: joke lists and prayer chains forwarded without "send this to 10 people".
    {
      draft: makeDraft({ subject: "FW: Top 10 signs", body: "Top 10 signs you are an early years practitioner...\n1. You say 'good sitting' to adults.\n2. Glitter is in your bed.\nShare with all your EY friends!" }),
      errors: [{ messageId: "joke", evidenceIncludes: ["Share with all your EY friends"] }],
    },
    { draft: body("You know you work in a nursery when you say 'good sitting' to adults."), errors: [{ messageId: "joke", evidenceIncludes: ["You know you work in a nursery when"] }] },
    { draft: body("Please pray for little Amy. Type Amen and share."), errors: [{ messageId: "chainLetter", evidenceIncludes: ["Type Amen and share"] }] },
    { draft: body("Too funny not to share! LOL"), errors: [{ messageId: "joke", evidenceIncludes: ["Too funny not to share"] }] },
    { draft: body("Have you heard about Sue and the new deputy? Don't tell anyone!"), errors: [{ messageId: "joke", evidenceIncludes: ["Don't tell anyone"] }] },
    // Forwarded chain mail: the sender wrote only "FYI".
    {
      draft: makeDraft({
        composeType: "forward",
        subject: "FW: FW: you must read this",
        body: forward("FYI", "Forward this to 10 people or you will have bad luck for 7 years. It really works!"),
      }),
      errors: [{ messageId: "chainLetter", field: "body", evidenceIncludes: ["Forward this to 10 people"] }],
    },
    {
      draft: makeDraft({
        composeType: "forward",
        subject: "FW: Virus warning",
        body: forward("", "WARNING! If you receive an e-mail called 'Life is beautiful' do not open it. It will erase your hard drive. Confirmed by Microsoft."),
      }),
      errors: [{ messageId: "hoax" }],
    },
    // FW: FW: FW: chains.
    {
      draft: makeDraft({ subject: "FW: FW: FW: FW: FW: funny", body: "Ha!" }),
      errors: [{ messageId: "chainLetter", field: "subject", evidenceIncludes: ["forwarded 5 times"] }],
    },
    {
      draft: makeDraft({ subject: "Fwd: Fwd: Fwd: cartoon", body: "Lol" }),
      errors: [{ messageId: "chainLetter", field: "subject", evidenceIncludes: ["forwarded 3 times"] }],
    },
    // Long forwarded address blocks.
    {
      draft: makeDraft({
        composeType: "forward",
        subject: "FW: FW: Something to cheer you up",
        body: forward("Thought you'd like this", "A little cartoon for your Monday", { to: many(25), cc: many(12, "example.org") }),
      }),
      errors: [{ messageId: "chainLetter", evidenceIncludes: ["addresses passed on"], evidenceExcludes: ["friend0@example.com"] }],
    },
    {
      draft: makeDraft({
        composeType: "forward",
        subject: "FW: hilarious",
        body: forward("lol", "You have to see this", { to: names(30) }),
      }),
      errors: [{ messageId: "joke" }],
    },
    { draft: body(`${many(40)}\n\nFunny cartoon below, pass it on.`), errors: [{ messageId: "chainLetter", evidenceIncludes: ["40 addresses passed on"] }] },
    // Obfuscated and shouted.
    { draft: body("FORWARD THIS TO 20 PEOPLE!!!"), errors: [{ messageId: "chainLetter" }] },
    { draft: body("fоrwаrd this to ten pеoplе"), errors: [{ messageId: "chainLetter" }] },
    // SMT plus others: still flagged.
    {
      draft: makeDraft({ to: [{ email: "head@norcotearlyyearscentre.co.uk" }, { email: "b.smith@norcotearlyyearscentre.co.uk" }], body: "Forward this to 10 people." }),
      organisation: { smtAddresses: ["head@norcotearlyyearscentre.co.uk"] },
      errors: [{ messageId: "chainLetter" }],
    },
    // Options.
    { draft: body("Send this to Santa and you will be on the nice list."), options: { extraPhrases: ["nice list"] }, errors: [{ messageId: "chainLetter", evidenceIncludes: ["nice list"] }] },
    { draft: makeDraft({ subject: "FW: FW: Holiday dates", body: "See below." }), options: { forwardPrefixes: 2, threshold: 2 }, errors: [{ messageId: "chainLetter" }] },
    { draft: body(many(5)), options: { addressBlock: 5, threshold: 2 }, errors: [{ messageId: "chainLetter" }] },
    {
      draft: makeDraft({ to: [{ email: "head@norcotearlyyearscentre.co.uk" }], body: "Forward this to 10 people." }),
      organisation: { smtAddresses: ["head@norcotearlyyearscentre.co.uk"] },
      options: { allowToSmt: false },
      errors: [{ messageId: "chainLetter" }],
    },
  ],
});

describe("no-chain-mail data", () => {
  it("has well-formed patterns, known kinds and no duplicates", () => {
    const all = [...Object.values(data.groups).flatMap((g) => g.patterns), ...data.notice];
    for (const p of all) expect([p, patternProblem(p)]).toEqual([p, undefined]);
    expect(new Set(all).size).toBe(all.length);
    // V8 does not optimise a regular expression whose source is over about 20 KB.
    expect(compileSignals(data.groups as SignalData)?.source.length).toBeLessThan(20_000);
    for (const g of Object.values(data.groups)) expect(["chain", "hoax", "joke"]).toContain(g.kind);
  });
});

describeLargeInputs(rule, [
  ["1 MB forwarded", forward("FYI", ORDINARY_PARAGRAPH.repeat(7_500))],
  ["50 KB of address characters", `${"a.".repeat(25_000)}@${"b.".repeat(25_000)}`],
  ["50 KB of addresses", "x@y.com ".repeat(6_000)],
  ["50 KB of forward prefixes in the text", "FW: ".repeat(12_500)],
  // One long line without "@": the notice signs' header-line filter once backtracked from every
  // character of it (the bench's "1 MB of one chain-mail phrase" never finished).
  ["1 MB of one chain-mail phrase on one line", "send this to 10 people ".repeat(45_000), ["chainLetter"]],
  // Four one-liners between long runs of blank (or space-only) lines, then a line that ends the
  // list: the list's expression once tried every way of sharing out the blank lines (never finished).
  ["four one-liners between 2,000 blank lines each", `${"A short sentence here.\n".concat("\n".repeat(2_000)).repeat(4)}The end 1\n`],
  ["four one-liners between 2,000 lines of spaces each", `${"A short sentence here.  \n".concat("   \n".repeat(2_000)).repeat(4)}The end 1\n`],
  ["50 KB of one-liners (two points, nothing else)", "A short sentence here.\n".repeat(2_200)],
]);

it("reads a subject of 20,000 forward prefixes as forwarded 100 times, as it does 100 prefixes", () => {
  const subject = (n: number) => checkOnly(rule, buildTestSnapshot("x", { subject: "FW: ".repeat(n) }));
  const expected = [{ messageId: "chainLetter", field: "subject", data: { signs: "“forwarded 100 times”" }, evidence: "“forwarded 100 times”" }];
  expect(subject(100)).toEqual(expected);
  expect(subject(20_000)).toEqual(expected);
});

describe("no-chain-mail with the detection model", () => {
  const prayer = "Please pray for little Amy who is very ill. Every prayer counts, keep her in your thoughts and keep the chain going.";
  const off = { modelThreshold: 1, modelAssist: 1 };

  it("reports a prayer request forwarded without any 'send this to' line, quoting it as written", () => {
    const found = runRule(rule, { draft: makeDraft({ subject: "FW: prayer request", body: prayer }) });
    expect(found).toHaveLength(1);
    for (const piece of String(found[0]?.evidence).match(/“([^”]+)”/g) ?? []) expect(`FW: prayer request\n${prayer}`).toContain(piece.slice(1, -1));
  });

  it("is the model that finds it: with the model turned off the same message passes", () => {
    expect(runRule(rule, { draft: makeDraft({ subject: "FW: prayer request", body: prayer }), options: off })).toHaveLength(0);
  });

  it("catches lower-cased, re-tokenised forwards", () => {
    const body = "fw : warning ! if you receive an email called good times do not open it , it will erase your hard drive . tell everyone you know .";
    expect(runRule(rule, { draft: makeDraft({ subject: "fw : warning", body }) })).toHaveLength(1);
  });

  it("does not report a work thread forwarded five or six times for that alone, but does at ten", () => {
    const thread = (subject: string) => runRule(rule, { draft: makeDraft({ subject, body: "Can you look at the figures below before Friday?\n\nThanks,\nSam" }), options: off });
    expect(thread("Fwd: Fwd: FW: Fwd: Fw: Quote for new flooring")).toHaveLength(0);
    expect(thread("Fw: FW: Fw: Fwd: Fwd: Fw: new key safe code")).toHaveLength(0);
    expect(thread("FW: ".repeat(10) + "quote")).toEqual([expect.objectContaining({ messageId: "chainLetter", evidence: "“forwarded 10 times”" })]);
  });

  it("needs more than a fairly sure model alone: a notice asking to pass it on is not chain mail without another sign", () => {
    const notice = "Please forward this to everyone in your team";
    // The premise: the model is fairly sure (from 0.97) but not very sure (0.99) about it.
    const draft = makeDraft({ subject: "Team", body: notice });
    const p = detectOne(`Team\n${notice}`, "chain").probability;
    expect(p).toBeGreaterThanOrEqual(0.97);
    expect(p).toBeLessThan(0.99);
    expect(runRule(rule, { draft })).toHaveLength(0);
    // With the model's own threshold at 0.97 (the default before) it was reported alone; its only
    // chain words are those of passing it on, so alone it still is not.
    expect(runRule(rule, { draft, options: { modelThreshold: 0.97 } })).toHaveLength(0);
    // With one more sign (forwarded three times) it is reported.
    expect(runRule(rule, { draft: makeDraft({ subject: "FW: FW: FW: Team", body: notice }) })).toHaveLength(1);
  });
});

describe("no-chain-mail: joke lists and copy-and-post chains with no 'send this on' line", () => {
  const off = { modelThreshold: 1, modelAssist: 1 };
  it.each([
    ["You know you're from Yorkshire when", "You know you're from Yorkshire when:\n- you call everyone love\n- tea is a meal at five o'clock\n- you own three coats and wear none of them"],
    ["you know you grew up in the 80s when", "You know you grew up in the 80s when you rewound a tape with a pencil and waited all week for Top of the Pops."],
    ["copy and post", "Copy and post this as your status before midnight, it protects your photos. Don't just share it!"],
    ["exam answers", "Supposedly real! Actual answers given by children in exams:\nQ: What is a fossil? A: An old person.\nQ: Name a bird with no wings. A: A chicken nugget."],
  ])("reports a %s list or chain by its phrases alone", (_, text) => {
    expect(runRule(rule, { draft: makeDraft({ subject: "FW: read", body: text }), options: off })).toHaveLength(1);
  });
  it.each([
    "A friend of mine recommended this supplier for the new flooring; can we get a quote?",
    "Thank you so much for the card, it made my day!",
    "Copy and paste this link into your browser if the button does not work.",
    "Only 3 out of 12 people can make Thursday, so I will move the meeting.",
    "Signs that you are dehydrated include headaches and dark urine: please keep drinking water in this heat.",
  ])("leaves an ordinary sentence alone: %s", (text) => {
    expect(runRule(rule, { draft: body(text) })).toHaveLength(0);
  });
});

describe("no-chain-mail: a real notice forwarded to the people it is for is not chain mail", () => {
  const off = { modelThreshold: 1, modelAssist: 1 };
  const phishing = forward(
    "Dear colleagues,\n\nAs requested, forwarding the note from IT below. Please share with your team.",
    "Several staff have received e-mails that look like they come from the payroll system asking them to log in. Do not click the link. If you have clicked it, ring the service desk on ext 4410 straight away. Everyone please be careful.",
    { subject: "Phishing e-mails this week", to: "All Staff" },
  );
  const fair =
    "Hi everyone, forwarding this from the PTA. Please share with the parents in your room.\n\n> You're all warmly invited to our summer fair on Saturday 14th June from 2pm. Cake stall, tombola and a bouncy castle for the little ones. Everyone welcome, bring your friends and family!";
  const policy =
    "Dear all staff,\n\nPlease read the updated safeguarding policy below and pass it on to your room team. Sign the sheet in the office by Friday 7th.\n\n> The safeguarding policy has been updated to include the new reporting form. Every member of staff must read it.";

  it("leaves alone IT's genuine warning forwarded to colleagues, however sure the model is", () => {
    const draft = makeDraft({ composeType: "forward", subject: "FW: Phishing e-mails this week - genuine warning from IT", body: phishing });
    // The premise: the model alone is very sure (it learnt "colleagues", "share", "everyone").
    const snapshot = buildTestSnapshot(phishing, { subject: "FW: Phishing e-mails this week - genuine warning from IT" });
    expect(detectOne([snapshot.subject, snapshot.body.authored, snapshot.body.quoted].join("\n"), "chain").probability).toBeGreaterThanOrEqual(0.99);
    expect(runRule(rule, { draft })).toHaveLength(0);
  });

  it("leaves alone an invitation forwarded three times to the parents of a room", () => {
    const draft = makeDraft({ subject: "FW: FW: FW: Summer fair at St Anne's - all welcome", body: fair });
    // Forwarded three times is two points; the model's one more would have reported it.
    expect(runRule(rule, { draft, options: { ...off, threshold: 2 } })).toHaveLength(1);
    expect(runRule(rule, { draft })).toHaveLength(0);
  });

  it("reads 'pass it on to your room team' as a notice, not as 'pass it on'", () => {
    expect(runRule(rule, { draft: makeDraft({ subject: "FW: FW: FW: Policy update - safeguarding", body: policy }) })).toHaveLength(0);
  });

  describe("a genuine warning from IT, in a hoax's own words", () => {
    const warning = (ask: string) =>
      makeDraft({
        composeType: "forward",
        subject: "FW: Fake invoice e-mails",
        body: forward(
          "Dear colleagues,\n\nPlease read the note from IT below.",
          `If you receive an email titled 'Invoice overdue' do not open the attachment: it is not from our supplier. Report it to the service desk on ext 4410. ${ask}`,
          { subject: "Fake invoice e-mails", to: "All Staff" },
        ),
      });
    it("is not reported when it names its readers and asks nothing more", () => {
      // The premise: without the notice signs the hoax phrases alone would report it.
      expect(runRule(rule, { draft: makeDraft({ subject: "FW: read this", body: "If you receive an email titled 'Invoice overdue' do not open the attachment." }), options: off })).toHaveLength(1);
      expect(runRule(rule, { draft: warning("Thank you.") })).toHaveLength(0);
    });
    it("is not reported when it sends readers to the service desk", () => {
      const alert = forward("Everyone - please read.", "A new virus is spreading in e-mail attachments named invoice.pdf.exe. Do not open any e-mail with this attachment. Delete it, and contact the service desk if you have opened it.", { subject: "Virus alert" });
      expect(runRule(rule, { draft: makeDraft({ composeType: "forward", subject: "FW: Virus alert", body: alert }) })).toHaveLength(0);
    });
    it("is reported when it also asks to be passed to everyone", () => {
      expect(runRule(rule, { draft: warning("Forward this warning to everyone you know!") })).toHaveLength(1);
    });
  });

  describe("an invitation the model alone is sure of (1.00)", () => {
    const invite = (greeting: string) =>
      makeDraft({ subject: "FW: Sunday fun day at the nursery", body: `${greeting}\n\nEveryone is welcome at our Sunday fun day at the nursery, with face painting for the little ones. Please share it with your friends!\n\nKind regards,\nAmy` });
    it("is reported when nothing says who it is for (the premise)", () => {
      expect(runRule(rule, { draft: invite("Hello,") })).toHaveLength(1);
    });
    it.each(["Dear Mr Okafor,", "Good morning colleagues,", "Hi team,"])("is not reported when addressed '%s'", (greeting) => {
      expect(runRule(rule, { draft: invite(greeting) })).toHaveLength(0);
    });
  });

  it("still reports a scam warning that asks for it to go to every parent you know, even addressed to the team", () => {
    const body = "Hi team,\n\n> There's a text going round saying 'here are the photos from your child's nursery' with a link. It's a scam that takes your bank details. Forward this to all parents you know!!";
    expect(runRule(rule, { draft: makeDraft({ subject: "Fwd: nursery photos scam", body }) })).toEqual([
      expect.objectContaining({ messageId: "chainLetter", evidence: expect.stringContaining("“Forward this to all parents you know”") }),
    ]);
  });

  it.each([
    ["Forward to everyone u know", 3, "> From next Monday every speed camera on the motorway will catch drivers at 1 mph over. Nobody has been told. Forward to everyone u know!!"],
    ["WhatsApp this to all your contacts", 3, "> From tomorrow all calls are recorded and all messages monitored. WhatsApp this to all your contacts!!"],
    ["send to 10 friends", 3, "> ONLY 1 IN 10 GET THIS RIGHT: 8 ÷ 2(2 + 2) = ? Reply with your answer and send to 10 friends to see if they're smarter than you!!"],
    ["send dis to 10 ppl", 3, "> dis is real!!! free credit for everybody, jus send dis to 10 ppl and dial the code"],
    ["Send to all the teachers you know", 3, "> To all the teachers out there: you buy the glue sticks with your own money. Send to all the teachers you know."],
    // Weak signs: a point each, reported with another sign or the model's.
    ["better safe than sorry", 1, "Not sure about this but better safe than sorry!!\n\n> Aldi are giving every family a £100 voucher. Answer 3 questions and claim yours."],
    ["spread the word", 1, "> Our dog went missing yesterday. Please help us spread the word!"],
  ])("finds a chain that says '%s' by its words alone (threshold %d)", (sign, threshold, text) => {
    const found = runRule(rule, { draft: makeDraft({ subject: "Fwd: please read", body: text }), options: { ...off, threshold } });
    expect(found).toEqual([expect.objectContaining({ evidence: expect.stringContaining(`“${sign}”`) })]);
  });
});

describe("no-chain-mail: chain letters that show their kind without asking to be passed on", () => {
  const off = { modelThreshold: 1, modelAssist: 1 };
  it.each([
    ["joke list of riddles", "Fwd: jokes", "Q: What do you call a deer with no eyes? A: No idea.\nQ: What do you call a sleeping dinosaur? A: A dino-snore."],
    ["questionnaire sent round", "FW: get to know your friends!!", "Fill in your answers and send them back to me and to everyone on your list. Favourite crisps: Last film you watched: Dream holiday:"],
    ["status chain", "Fw: my mum", "Mums hold everything together. 97% of people won't repost this because they don't care. Are you the 3%?"],
    ["charity-per-forward hoax", "Fw: please help little Jack", "Jack is very poorly. Every time this is forwarded the hospital charity gets 5p towards his operation."],
    ["miracle-cure hoax", "Fw: read before it's deleted", "A lemon a day cures arthritis. Doctors don't want you to know because the drug companies would lose money."],
  ])("reports a %s by its words alone", (_, subject, text) => {
    expect(runRule(rule, { draft: makeDraft({ subject, body: text }), options: off })).toHaveLength(1);
  });

  it.each([
    ["Amen", "Lord, keep our children safe today and always. Amen."],
    ["God bless", "God bless you and your family, now and always."],
    ["a friend of my", "This happened to a friend of my sister in the supermarket car park."],
    ["This is not a joke", "This is not a joke, the water is poisoned in every bottle."],
    ["walks into a bar", "A horse walks into a bar. The barman says 'why the long face?'"],
  ])("counts '%s' as one weak sign (reported at threshold 1)", (sign, text) => {
    const found = runRule(rule, { draft: makeDraft({ subject: "Fwd: read", body: text }), options: { ...off, threshold: 1 } });
    expect(found).toEqual([expect.objectContaining({ evidence: expect.stringContaining(`“${sign}”`) })]);
    expect(runRule(rule, { draft: makeDraft({ subject: "Fwd: read", body: text }), options: { ...off, threshold: 2 } })).toHaveLength(0);
  });

  it("reads a 'signs you've …' list as a joke list (two points, like 'signs you're getting old')", () => {
    const list = "Signs you've had too much coffee:\n1. You answer the door before anyone knocks.\n2. You can hear the kettle think.";
    const found = runRule(rule, { draft: makeDraft({ subject: "Fw: coffee", body: list }), options: { ...off, threshold: 2 } });
    expect(found).toEqual([expect.objectContaining({ messageId: "joke", evidence: expect.stringContaining("“Signs you've had”") })]);
  });

  it.each([
    "Amen to that - the new rota is much better.",
    "A friend of my daughter is looking for a nursery place in September; do we have space?",
    "This is not a joke: Ofsted are coming on Monday, so please tidy the rooms.",
    "What do you call a group of toddlers who will not nap? The Butterfly room on a Friday.",
  ])("leaves an ordinary sentence alone: %s", (text) => {
    expect(runRule(rule, { draft: body(text) })).toHaveLength(0);
  });
});

describe("no-chain-mail: forwarded notices, newsletters and IT warnings stay clean", () => {
  /** A Lotus Notes forward of a message sent to all staff. */
  const notes = (authored: string, subject: string, forwarded: string) =>
    `${authored}\n\n----- Forwarded by Kay Mann/Corp/NEYC on 04/12/2001 11:02 AM -----\n\n\n"IS Security" <security@example.org> on 04/12/2001 10:40 AM\nTo: All Staff\ncc:\nSubject: ${subject}\n\n${forwarded}`;

  it("leaves alone a notice forwarded for colleagues on leave", () => {
    const body = "Forwarding from Occupational Health:\n\nFree flu jabs for all staff on 6 and 7 November in the first-aid room. Book a 5-minute slot on the intranet. Please pass this on to colleagues who are on leave.\n\nBest,\nHarjit";
    expect(runRule(rule, { draft: makeDraft({ subject: "FW: flu jabs", body }) })).toHaveLength(0);
  });

  it("leaves alone a forwarded newsletter with a funny story in it", () => {
    const body = forward(
      "Some useful bits in this one, especially the funding dates.",
      "View this email in your browser\n\nIn this issue: funding rates for next year, a free course on speech and language, and a funny story from a setting in Leeds that made us all smile!\n\nShare this newsletter with your colleagues.\n\nYou are receiving this email because you subscribed to our mailing list. Unsubscribe | Update your preferences",
      { subject: "Early Years newsletter - issue 42" },
    );
    expect(runRule(rule, { draft: makeDraft({ composeType: "forward", subject: "Fwd: Early Years newsletter - issue 42", body }) })).toHaveLength(0);
  });

  it("leaves alone a real notice forwarded with a joke about it", () => {
    const body = forward(
      "Ha, this is so true of our car park! lol",
      "From Monday 9 March the staff car park will be closed for resurfacing for two weeks. Please use the Leisure Centre car park and show your pass at the barrier. Sorry for any inconvenience.",
      { subject: "Car park closure" },
    );
    expect(runRule(rule, { draft: makeDraft({ composeType: "forward", subject: "FW: Funny but true - car park", body }) })).toHaveLength(0);
  });

  it("leaves alone IT's virus warning forwarded from Lotus Notes, which sends readers to the support centre", () => {
    const body = notes(
      "FYI",
      "Computer virus warning",
      "A virus is spreading through e-mail attachments named LOVE-LETTER-FOR-YOU.TXT.vbs. Do not open any attachment with this name; delete the message and empty your Deleted Items folder. If you have already opened it, shut down your PC and contact the Resolution Centre on x3-1411 straight away. We are updating the virus definitions on all servers tonight.",
    );
    // The premise: the warning's own words are a hoax's ("virus", "do not open any attachment with").
    expect(runRule(rule, { draft: makeDraft({ subject: "Fw: read", body: "A virus is spreading. Do not open any attachment with this name." }), options: { modelThreshold: 1, modelAssist: 1 } })).toHaveLength(1);
    expect(runRule(rule, { draft: makeDraft({ subject: "Fw: Computer virus warning", body }) })).toHaveLength(0);
  });

  it("leaves alone a forwarded press release", () => {
    const body = forward(
      "FYI - nice coverage for us.",
      "FOR IMMEDIATE RELEASE\n\nNew children's centre opens in Bridgwater\n\nThe county council today opened the Hamp Children's Centre, offering health visitor clinics, stay-and-play sessions and family support under one roof. Please share with families who might use it.\n\nMedia contact: Press Office, 01823 355 000\n\nENDS",
      { subject: "Press release: new children's centre" },
    );
    expect(runRule(rule, { draft: makeDraft({ composeType: "forward", subject: "FW: Press release: new children's centre", body }) })).toHaveLength(0);
  });
});

describe("no-chain-mail: alone, the model must hear more than the words of passing something on", () => {
  /** What the rule passes to the model: the subject, then the body. */
  const sure = (subject: string, text: string) => detectOne(`${subject}\n${text}`, "chain").probability;
  const notices: [string, string, string][] = [
    [
      "a church summer fair forwarded from Gmail",
      "FW: Summer fair at St Mary's - everyone welcome",
      "Forwarding this from the church, as some of our families go there.\n\n---------- Forwarded message ---------\nFrom: Parish Office <office@stmarys.example.org>\nDate: Mon, 2 Jun 2025 at 10:14\nSubject: Summer fair\n\nEveryone is welcome at our summer fair on Saturday from 11 until 3: cake stall, tombola and a bouncy castle for the little ones. Please share with your friends and neighbours!",
    ],
    [
      "a charity's sponsored walk",
      "Fwd: Sponsored toddle for Barnardo's",
      "Hi all,\n\nForwarding this from Barnardo's in case any of you would like to join in with your own little ones.\n\n> The Big Toddle is back! Sign up your setting, walk half a mile with your children and raise money for children's services. Free pack for everyone who registers. Please share with friends.",
    ],
    [
      "a children's centre's toy swap",
      "Fwd: Toy swap this weekend",
      "Forwarding from the children's centre.\n\nToy and clothes swap on Sunday in the community hall. Bring what your little ones have grown out of and take home something new. Everyone welcome, please share!",
    ],
  ];
  it.each(notices)("leaves alone %s, however sure the model is", (_, subject, text) => {
    // The premise: the model alone is very sure (0.99) and no other sign is there.
    expect(sure(subject, text)).toBeGreaterThanOrEqual(0.99);
    expect(runRule(rule, { draft: makeDraft({ subject, body: text }), options: { modelThreshold: 1, modelAssist: 1, threshold: 1 } })).toHaveLength(0);
    expect(runRule(rule, { draft: makeDraft({ subject, body: text }) })).toHaveLength(0);
  });

  it("still reports such a notice when another sign comes with the model's (forwarded three times)", () => {
    const [, subject, text] = notices[0] as [string, string, string];
    expect(runRule(rule, { draft: makeDraft({ subject: `FW: FW: ${subject}`, body: text }) })).toHaveLength(1);
  });

  it.each([
    ["a poem for mums", "Fw: a mum's poem", "A mum is someone who holds your hand for a little while and your heart forever. Mums are angels on earth. Send this to every mum you love and let her know!"],
    ["a list of what children say", "FW: kids say the funniest things", "A little boy was asked what love is. He said: love is when mummy gives daddy the best piece of chicken. Another little girl said: love is when you tell a boy you like his shirt and he wears it every day. Too cute!"],
  ])("still reports %s that the model alone is sure of", (_, subject, text) => {
    expect(sure(subject, text)).toBeGreaterThanOrEqual(0.99);
    // No phrase of the rule's data is in it: the model alone finds it.
    expect(runRule(rule, { draft: makeDraft({ subject, body: text }), options: { modelThreshold: 1, modelAssist: 1, threshold: 1 } })).toHaveLength(0);
    expect(runRule(rule, { draft: makeDraft({ subject, body: text }) })).toHaveLength(1);
  });
});

describe("no-chain-mail: a reply is an answer, not a letter passed on", () => {
  const teddy =
    "Thanks Sue, I'll put a note on the board by the door.\n\nOn Mon, 3 Mar 2025 at 09:12, Sue Brown <sue.brown@example.com> wrote:\n> Hi everyone, a little girl lost her brown teddy at the Sunday market, he is called Barnaby and she is heartbroken. Please share so it gets back to her.";
  const awards =
    "Lovely news, well done Pat!\n\n-----Original Message-----\nFrom: Jo Lee\nSent: 12 May 2025 10:02\nTo: All Staff\nSubject: FW: Long service awards\n\nA little bit of good news to share: Pat and Denise both receive their 20-year awards this week. Everyone is invited to cake in the staff room on Friday at 3.";
  it.each([
    ["Re: Fwd: Lost teddy", teddy],
    ["RE: FW: Long service awards", awards],
    ["AW: Fwd: Lost teddy", teddy],
  ])("leaves alone '%s', which only the model, alone, would report", (subject, text) => {
    // The premise: forwarded rather than answered, the model alone reports it.
    expect(runRule(rule, { draft: makeDraft({ subject: subject.replace(/^\w+: /, ""), body: text }) })).toHaveLength(1);
    expect(runRule(rule, { draft: makeDraft({ subject, body: text }), options: { modelThreshold: 1, modelAssist: 1, threshold: 1 } })).toHaveLength(0);
    expect(runRule(rule, { draft: makeDraft({ subject, body: text }) })).toHaveLength(0);
  });

  it("still reports a reply that passes a chain letter on in its own words", () => {
    const text = "Done!! Sent it to all my friends xx\n\n> This angel has been sent to you for luck. Send this to 10 people in the next hour or you will have bad luck for a year.";
    expect(runRule(rule, { draft: makeDraft({ subject: "Re: Fw: angel", body: text }) })).toEqual([
      expect.objectContaining({ messageId: "chainLetter", evidence: expect.stringContaining("“Send this to 10 people”") }),
    ]);
  });
});

describe("no-chain-mail: a call to pass it on to an open audience ('everyone who drives', 'warn the women you love')", () => {
  const off = { modelThreshold: 1, modelAssist: 1 };
  it.each([
    ["everyone who", "From Monday a phone in the cup holder means 6 points. Please forward to everyone who drives."],
    ["the women you love", "It was chloroform and it is happening all over the country. Warn the women you love."],
    ["your friends and relatives", "Gangs throw eggs at windscreens on quiet roads. Please inform your friends and relatives."],
    ["broadcast … everybody who", "The bank is about to collapse. Withdraw your money and broadcast this to everybody who banks with them."],
    ["tag 10 friends", "Tag 10 friends who would help you move a sofa up three flights of stairs!!"],
    ["share if you remember", "Pink custard, spam fritters and semolina with jam. Share if you remember!!!"],
  ])("reports '%s' on its own", (_, text) => {
    expect(runRule(rule, { draft: makeDraft({ subject: "Fwd: read", body: text }), options: off })).toHaveLength(1);
  });
  it.each([
    "Hello all, Sheila asked me to send this on to everyone who put their name down. If you can't do your slot please swap.",
    "The family hub is running a free course for parents. Please pass on to anyone who might like it.",
    "Please inform your manager if you are unwell before 7am.",
    "Please warn the parents in your room that the car park is closed on Friday.",
  ])("finds no call in a notice's own words: %s", (text) => {
    expect(runRule(rule, { draft: makeDraft({ subject: "Fwd: notice", body: text }), options: { ...off, threshold: 1 } })).toHaveLength(0);
  });
});

describe("no-chain-mail: the joke's own forms (what's the difference between, you might be a … if)", () => {
  const off = { modelThreshold: 1, modelAssist: 1 };
  it.each([
    ["What's the difference between a", "Q. What's the difference between a project manager and a mobile phone?\nA. You can switch off a mobile phone."],
  ])("reads '%s' as a joke (two points)", (sign, text) => {
    const found = runRule(rule, { draft: makeDraft({ subject: "Fw: Friday", body: text }), options: { ...off, threshold: 2 } });
    expect(found).toEqual([expect.objectContaining({ messageId: "joke", evidence: expect.stringContaining(`“${sign}`) })]);
    expect(runRule(rule, { draft: makeDraft({ subject: "Fw: Friday", body: text }), options: off })).toHaveLength(0);
  });
  it("reports a 'you might be a … if' list on its own", () => {
    const list = "You might be a Texan if...\n- You consider 75 degrees a bit nippy.\n- You measure distance in hours.";
    expect(runRule(rule, { draft: makeDraft({ subject: "FW: FW: Texas", body: list }), options: off })).toHaveLength(1);
  });
  it.each([
    "What's the difference between a 15-hour and a 30-hour place? The leaflet in the entrance explains.",
    "You might be a good fit for the deputy role if you have your Level 3; ask me for the form.",
  ])("leaves an ordinary sentence alone: %s", (text) => {
    expect(runRule(rule, { draft: body(text) })).toHaveLength(0);
  });
});

describe("no-chain-mail: mail that says not to pass such mail on is about chain mail, not chain mail", () => {
  const slides =
    "Hi all, here are the slides from the session on hoaxes, as promised. The examples are real messages with names removed, so you can recognise them; please don't send them on to anyone.\n\nSlide 3 - \"Send this to 10 people or you'll have bad luck for 7 years\" (a chain letter: it threatens you and asks you to pass it on)\nSlide 4 - \"Microsoft will pay you for every person you forward this to\" (false)";
  it("leaves alone a training session's examples of chain letters and hoaxes", () => {
    expect(runRule(rule, { draft: makeDraft({ subject: "Fwd: Training - spotting hoax messages", body: slides }) })).toHaveLength(0);
  });
  it("leaves alone IT's reminder quoting a chain letter, the 'do not forward' in the subject", () => {
    const reminder = makeDraft({ subject: "FW: examples of chain letters - do NOT forward these", body: forward("FYI", "Typical chain letter: \"Forward this to 10 people or you will have bad luck for 7 years. Don't break the chain!\"") });
    expect(runRule(rule, { draft: reminder })).toHaveLength(0);
  });
  it("still reports a chain letter that threatens those who do not forward it", () => {
    const chain = "If you don't forward this to 10 people you will have bad luck for 7 years. Don't break the chain!";
    expect(runRule(rule, { draft: makeDraft({ subject: "FW: FW: luck", body: chain }) })).toHaveLength(1);
  });
  it("writes the sign in the pattern language", () => {
    expect(patternProblem(data.disowned)).toBeUndefined();
  });
});

describe("no-chain-mail: a list of one-liners (five short sentences in a row, no figures, no labels)", () => {
  /** A Gmail forward: what the sender wrote, then the forwarded message with its header block. */
  const gmail = (authored: string, forwarded: string, subject: string) =>
    [authored, "", "---------- Forwarded message ---------", "From: Sue Brown <sue.brown@gmail.com>", "Date: Mon, 3 Mar 2025 at 09:12", `Subject: ${subject}`, "To: <amy.jones@example.com>", "", forwarded].join("\n");
  const proverbs = [
    "Office proverbs for the modern age",
    "",
    "A watched kettle never boils, so go and check your e-mails.",
    "Many hands make the meeting run over.",
    "The early bird gets the good parking space.",
    "Don't count your leftovers before the fridge is cleared.",
    "Where there's a printer, there's a paper jam.",
    "If at first you don't succeed, call it a pilot.",
  ].join("\n");
  const rota = [
    "Monday: Sarah early, Tom late.",
    "Tuesday: Priya early, Sarah late.",
    "Wednesday: Tom early, Priya late.",
    "Thursday: Sarah early, Tom late.",
    "Friday: Priya early, Sarah late.",
    "Please swap with each other if you need to.",
  ].join("\n");
  const newsletter = [
    "Welcome back after the Easter break!",
    "",
    "- Forest school starts on 14 April for Rainbow room.",
    "- Photographs will be taken on Tuesday 22 April.",
    "- The summer fair is on Saturday 14 June, 11am to 2pm.",
    "- Please label all coats and wellies.",
    "- Our new cook, Janice, joins us on 28 April.",
    "",
    "Kind regards,",
    "The Centre",
  ].join("\n");
  const reminders = [
    "Please sign in at reception every time you arrive.",
    "Lanyards must be worn at all times in the building.",
    "Close the garden gate behind you.",
    "Wash your hands before snack time.",
    "Phones stay in the lockers during sessions.",
    "",
    "Thanks,",
    "Karen",
  ].join("\n");

  it.each([
    ["Outlook", (a: string, f: string, s: string) => forward(a, f, { subject: s })],
    ["Gmail", gmail],
  ])("reports a forwarded joke list with a one-word comment (%s), its first line as evidence", (_, wrap) => {
    const draft = makeDraft({ composeType: "forward", subject: "FW: Office proverbs", body: wrap("lol so true", proverbs, "Office proverbs") });
    const found = runRule(rule, { draft });
    expect(found).toEqual([expect.objectContaining({ messageId: "joke", evidence: expect.stringContaining("“A watched kettle never boils, so go and check your e-mails.”") })]);
    expect(found[0]?.evidence).toContain("“lol”");
  });
  it("counts the list as two points: with nothing else it is not reported", () => {
    const draft = makeDraft({ composeType: "forward", subject: "FW: Office proverbs", body: forward("see below", proverbs, { subject: "Office proverbs" }) });
    const off = { modelThreshold: 1, modelAssist: 1 };
    expect(runRule(rule, { draft, options: off })).toHaveLength(0);
    expect(runRule(rule, { draft, options: { ...off, threshold: 2 } })).toEqual([expect.objectContaining({ messageId: "joke", field: "body" })]);
  });
  it("reads numbered one-liners and one-liners between blank lines, up to the first line that is not one", () => {
    const off = { modelThreshold: 1, modelAssist: 1, threshold: 2 };
    const numbered = "1. You make a noise when you sit down.\n2. You read the instructions on a new kettle.\n3. Policemen look about twelve.\n4. You keep a drawer of carrier bags.\n5. You enjoyed reading this list.";
    expect(runRule(rule, { draft: makeDraft({ subject: "Fw: old", body: numbered }), options: off })).toHaveLength(1);
    const spaced = "Dear Santa, I have been good most days.\n\nDear Santa, please bring Nana a new hip.\n\nDear Santa, I would like a horse.\n\nDear Santa, how do you get down the chimney?\n\nDear Santa, please share the carrot this year.";
    expect(runRule(rule, { draft: makeDraft({ subject: "Fw: letters", body: spaced }), options: off })).toHaveLength(1);
    const broken = numbered.replace("3. Policemen look about twelve.", "3. Policemen look about 12.");
    expect(runRule(rule, { draft: makeDraft({ subject: "Fw: old", body: broken }), options: off })).toHaveLength(0);
  });
  it.each([
    ["a rota (labels)", "Rota for next week", rota],
    ["a newsletter (dates and times)", "Spring newsletter", newsletter],
  ])("leaves alone %s forwarded with a one-word comment, however low the threshold", (_, subject, text) => {
    for (const body of [forward("lol", text, { subject }), gmail("lol", text, subject)]) {
      expect(runRule(rule, { draft: makeDraft({ composeType: "forward", subject: `FW: ${subject}`, body }), options: { threshold: 2 } })).toHaveLength(0);
    }
  });
  it("leaves alone a forwarded staff notice of five short rules (two points, nothing else)", () => {
    for (const body of [forward("Hi all, please read the reminders below from the manager.", reminders, { subject: "Reminders" }), gmail("FYI", reminders, "Reminders")]) {
      expect(runRule(rule, { draft: makeDraft({ composeType: "forward", subject: "FW: Reminders for all staff", body }) })).toHaveLength(0);
    }
  });
});

describe("no-chain-mail: a rumour told through a friend's or relative's friend ('a lady at my sister's work')", () => {
  const rumour =
    "Apparently the council have put new cameras on the ring road that can see if you are holding a phone, and they send the fine straight to your house. A lady at my sister's work got three fines in one week without knowing. They don't tell you they are there! Tell everyone you know who drives that way.";
  it.each([
    ["Outlook", forward("is this right??", rumour, { subject: "new cameras on the ring road" })],
    ["Gmail", ["is this right??", "", "---------- Forwarded message ---------", "From: Sue Brown <sue.brown@gmail.com>", "Date: Mon, 3 Mar 2025 at 09:12", "Subject: new cameras on the ring road", "", rumour].join("\n")],
  ])("reports a forwarded rumour (%s), the hearsay as evidence", (_, text) => {
    const found = runRule(rule, { draft: makeDraft({ composeType: "forward", subject: "Fwd: new cameras on the ring road", body: text }) });
    expect(found).toEqual([expect.objectContaining({ evidence: expect.stringContaining("“my sister's work”") })]);
  });
  it.each(["my friend's cousin", "my husband's friend", "my neighbour's son"])("counts '%s' as two points", (words) => {
    const text = `It happened to ${words} last week.`;
    const off = { modelThreshold: 1, modelAssist: 1 };
    expect(runRule(rule, { draft: makeDraft({ subject: "Fw: true", body: text }), options: { ...off, threshold: 2 } })).toEqual([expect.objectContaining({ evidence: `“${words}”` })]);
    expect(runRule(rule, { draft: makeDraft({ subject: "Fw: true", body: text }), options: off })).toHaveLength(0);
  });
  it("leaves alone a member of staff's own news about a relative", () => {
    expect(runRule(rule, { draft: body("Hi Ben, my daughter's friend has chickenpox, so I will keep her at home tomorrow and work from there. Thanks, Amy") })).toHaveLength(0);
  });
});

describe("no-chain-mail: passing on to the people it is for, against a chain letter's call to pass it on", () => {
  const draftOf = (c: ForwardCase) => makeDraft({ composeType: c.via === "none" ? "new" : "forward", subject: c.subject, body: bodyOf(c) });
  it("holds at least 40 work forwards and 25 chain letters", () => {
    expect(WORK_FORWARDS.length).toBeGreaterThanOrEqual(40);
    expect(CHAIN_LETTERS.length).toBeGreaterThanOrEqual(25);
  });
  const work = WORK_FORWARDS.filter((c) => c.known === undefined).map((c) => [c.subject, c] as const);
  it.each(work)("leaves alone a work forward: %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([]);
  });
  // Still reported (why: `known`); each fails here once the rule leaves it alone.
  it.failing.each(WORK_FORWARDS.filter((c) => c.known !== undefined).map((c) => [c.subject, c] as const))("leaves alone a work forward (not yet): %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([]);
  });
  it.each(CHAIN_LETTERS.map((c) => [c.subject, c] as const))("reports a chain letter: %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toHaveLength(1);
  });
});

describe("no-chain-mail: the Centre's own adverts ask to be passed on to friends, but offer something of the sender's own", () => {
  const draftOf = (c: ForwardCase) => makeDraft({ composeType: c.via === "none" ? "new" : "forward", subject: c.subject, body: bodyOf(c) });
  it("holds at least 30 adverts", () => {
    expect(CENTRE_ADVERTS.length).toBeGreaterThanOrEqual(30);
  });
  it.each(CENTRE_ADVERTS.filter((c) => c.known === undefined).map((c) => [c.authored.slice(0, 60), c] as const))("leaves alone an advert: %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([]);
  });
  // Still reported (why: `known`); each fails here once the rule leaves it alone.
  it.failing.each(CENTRE_ADVERTS.filter((c) => c.known !== undefined).map((c) => [c.authored.slice(0, 60), c] as const))("leaves alone an advert (not yet): %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([]);
  });
});

describe("no-chain-mail: the evidence quotes the rule's own signs first, and of the model's pieces only those that say something", () => {
  const draftOf = (c: ForwardCase) => makeDraft({ composeType: c.via === "none" ? "new" : "forward", subject: c.subject, body: bodyOf(c) });
  /** The quoted pieces of a finding's evidence. */
  const pieces = (evidence: string | undefined) => [...(evidence ?? "").matchAll(/“([^”]*)”/g)].map((m) => (m[1] as string).toLowerCase());
  /** Words that say nothing quoted alone: words of passing on, days, function words, the head's everyday words. */
  const SAY_NOTHING = ["every", "very", "little", "true", "their", "until", "share", "pass", "send", "forward", "forwarded", "everyone", "friends", "sunday", "wednesdays", "nursery", "this to", "nurseries", "nurse", "woman", "needles", "let's"];
  it.each(CHAIN_LETTERS.map((c) => [c.subject, c] as const))("quotes no empty word beside a sign: %s", (_, c) => {
    const quoted = pieces(runRule(rule, { draft: draftOf(c) })[0]?.evidence);
    expect(quoted.length).toBeGreaterThan(0);
    // Only a letter the model alone finds quotes the model's pieces as they are.
    if (quoted.some((q) => q.includes(" "))) expect(quoted.filter((q) => SAY_NOTHING.includes(q))).toEqual([]);
  });
  /** The Centre's everyday words: never quoted as the sign of a chain letter. */
  const EVERYDAY = ["nursery", "nursery's", "nurseries", "nurse", "nurses", "nurse's", "woman", "women", "needles", "true", "let's", "every", "little", "colleague's", "mums", "babies", "children"];
  it.each(CHAIN_LETTERS_WITH_EVERYDAY_WORDS.map((c) => [c.authored.slice(0, 60) || (c.forwarded ?? "").slice(0, 60), c] as const))(
    "reports a chain letter but quotes none of the Centre's everyday words: %s",
    (_, c) => {
      const found = runRule(rule, { draft: draftOf(c) });
      expect(found).toHaveLength(1);
      const quoted = pieces(found[0]?.evidence);
      expect(quoted.length).toBeGreaterThan(0);
      expect(quoted.filter((q) => EVERYDAY.includes(q))).toEqual([]);
    },
  );
  it.each(LINE_CASES.filter((c) => c.rule === "chain").map((c) => [`${c.subject} / ${c.body.slice(0, 50)}`, c] as const))(
    "quotes no piece that runs across a line break (the subject's last word and the body's first): %s",
    (_, c) => {
      const found = runRule(rule, { draft: makeDraft({ subject: c.subject, body: c.body }) });
      expect(found).toHaveLength(1);
      expect(piecesAcrossLines(found[0]?.evidence, c)).toEqual([]);
    },
  );
  it("does not quote a model piece that is part of a sign already quoted ('break', 'chain' in 'Don't break the chain')", () => {
    const c = CHAIN_LETTERS.find((x) => x.subject === "FW: a friend is like") as ForwardCase;
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([expect.objectContaining({ evidence: "“If you get 5 back you are”, “Don't break the chain”" })]);
  });
  it("counts a call to pass it on as one point in mail that asks to hear back, and still finds a letter's luck", () => {
    const off = { modelThreshold: 1, modelAssist: 1 };
    const appeal = "Our cat Tilly went missing on Elm Road. Please share with everyone you know";
    expect(runRule(rule, { draft: body(`${appeal}.`), options: off })).toHaveLength(1);
    expect(runRule(rule, { draft: body(`${appeal}, and let us know if you see her.`), options: off })).toHaveLength(0);
    expect(runRule(rule, { draft: body(`${appeal}, and let us know if you see her.`), options: { ...off, threshold: 1 } })).toEqual([expect.objectContaining({ evidence: "“share with everyone you know”" })]);
    const letter = "Send this to everyone you know and let me know if you get 5 back! Don't break the chain.";
    expect(runRule(rule, { draft: body(letter), options: off })).toHaveLength(1);
  });
  it("still quotes the model's pieces when it alone finds the letter", () => {
    const c = CHAIN_LETTERS.find((x) => x.subject === "Fwd: Cancer charity will donate") as ForwardCase;
    expect(pieces(runRule(rule, { draft: draftOf(c) })[0]?.evidence).length).toBeGreaterThan(0);
  });
});

describe("no-chain-mail: scares passed on 'just in case' and copy-and-paste status chains, against real recalls and notices", () => {
  const draftOf = (c: ForwardCase) => makeDraft({ composeType: c.via === "none" ? "new" : "forward", subject: c.subject, body: bodyOf(c) });
  const label = (c: ForwardCase) => (c.authored || (c.forwarded ?? "")).slice(0, 60);
  it("holds at least 25 chains besides PROBE18's eight and 30 real notices", () => {
    expect(SCARE_CHAINS.length + STATUS_CHAINS.length - 8).toBeGreaterThanOrEqual(25);
    expect(REAL_NOTICES.length).toBeGreaterThanOrEqual(30);
  });
  const chains = [...SCARE_CHAINS, ...STATUS_CHAINS];
  it.each(chains.filter((c) => c.known === undefined).map((c) => [label(c), c] as const))("reports a scare or status chain: %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toHaveLength(1);
  });
  // Still missed (why: `known`); each fails here once the rule reports it.
  it.failing.each(chains.filter((c) => c.known !== undefined).map((c) => [label(c), c] as const))("reports a scare or status chain (not yet): %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toHaveLength(1);
  });
  it.each(REAL_NOTICES.filter((c) => c.known === undefined).map((c) => [label(c), c] as const))("leaves alone a real notice: %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([]);
  });
  // Still reported (why: `known`); each fails here once the rule leaves it alone.
  it.failing.each(REAL_NOTICES.filter((c) => c.known !== undefined).map((c) => [label(c), c] as const))("leaves alone a real notice (not yet): %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([]);
  });
});

describe("no-chain-mail: short WhatsApp-era chains ask for users, groups, contacts, best friends or a count (CHAIN20)", () => {
  const draftOf = (c: ForwardCase) => makeDraft({ composeType: c.via === "none" ? "new" : "forward", subject: c.subject, body: bodyOf(c) });
  it.each(SHORT_CHAINS.filter((c) => c.known === undefined).map((c) => [(c.authored || (c.forwarded ?? "")).slice(0, 60), c] as const))("reports %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toHaveLength(1);
  });
  // Still missed (why: `known`); each fails here once the rule finds it.
  it.failing.each(SHORT_CHAINS.filter((c) => c.known !== undefined).map((c) => [(c.authored || (c.forwarded ?? "")).slice(0, 60), c] as const))("reports (not yet) %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toHaveLength(1);
  });
  const calm = [...PASS_ON_TO_GROUPS, ...PASS_ON_IN_THE_SIGNS_WORDS];
  it.each(calm.filter((c) => c.known === undefined).map((c) => [c.authored.slice(0, 60), c] as const))("leaves alone %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([]);
  });
  // Still wrong (why: `known`); each fails here once the rule gets it right.
  it.failing.each(calm.filter((c) => c.known !== undefined).map((c) => [c.authored.slice(0, 60), c] as const))("leaves alone (not yet) %s", (_, c) => {
    expect(runRule(rule, { draft: draftOf(c) })).toEqual([]);
  });
});

describe("no-chain-mail: the sender asks that it go no further (a hoax warned against, a confidential record; CALM21)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "Please DON'T forward the 'Facebook will charge you' message going round, it's a hoax…",
  // "Confidential - … he threatened a colleague ('I'll kill you if you go to HR'). Please do not discuss."
  it.each([...HOAX_WARNINGS, ...QUOTED_IN_RECORDS, ...CONDEMNS_ABUSE])("leaves alone: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "It's not a hoax, forward this to everyone you know…", "Please don't delete this, it's real. Send it to 10 people…"
  it.each(CHAIN_COUNTERPARTS)("reports: %s", (text) => {
    expect(run(text)).toHaveLength(1);
  });
});
