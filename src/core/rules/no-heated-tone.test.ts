import rule, { TONE_WINDOW, phraseParts, toneWindow } from "./no-heated-tone";
import abusive from "./no-abusive-language";
import data from "../data/tone/heated.en.json";
import { describeLargeInputs } from "../../../test/content-rule-helpers";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";
import { compileSignals, patternProblem } from "../detect/tone-utils";
import { detectMax, detectOne } from "../detect/model";
import { modelText } from "../detect/features";
import { CALM_RECORDS, CALM_SINGLE_QUOTED, HEATED_REPORTS, HEATED_SINGLE_QUOTED } from "../../../test/fixtures/reports/records";
import { CALM_SELF, HEATED_AT_READER } from "../../../test/fixtures/self/self";
import { LINE_CASES, piecesAcrossLines } from "../../../test/fixtures/lines/cases";
import { HEATED_SCOLDING, KIND_SCOLDING } from "../../../test/fixtures/banter/banter";
import { CALM_BLAME, HEATED_BLAME, HEATED_COUNTS, POLITE_COUNTS } from "../../../test/fixtures/blame/blame";
import { FED_UP_AT_PEOPLE, FED_UP_AT_PEOPLE_NOT_YET, MOANS_AT_THINGS, MOANS_AT_THINGS_NOT_YET, SARCASTIC, SARCASTIC_NOT_YET, SINCERE } from "../../../test/fixtures/sarcasm/sarcasm";
import { CALM_REVIEW, CALM_REVIEW_NOT_YET, HEATED_REVIEW, HEATED_REVIEW_NOT_YET } from "../../../test/fixtures/review/review";
import { CALM_REMINDERS, CALM_REMINDERS_NOT_YET, HEATED_REMINDERS } from "../../../test/fixtures/reminders/reminders";
import { CALM_GRIEVANCE, CALM_GRIEVANCE_NOT_YET, HEATED_GRIEVANCE, HEATED_GRIEVANCE_NOT_YET, HEATED_PROBE20, HEATED_PROBE20_NOT_YET } from "../../../test/fixtures/grievance/grievance";
import {
  CONDEMNS_ABUSE,
  CONDEMNS_ABUSE_NOT_YET,
  HEATED_COUNTERPARTS,
  HEATED_COUNTERPARTS_NOT_YET,
  HOAX_WARNINGS,
  JOKE_TAKEN_BACK,
  JOKE_TAKEN_BACK_NOT_YET,
  PLAIN_NOTICES,
  PLAIN_NOTICES_NOT_YET,
  QUOTED_IN_RECORDS,
  SELF_AS_TARGET,
  SELF_AS_TARGET_NOT_YET,
  THING_AS_TARGET,
  THING_AS_TARGET_NOT_YET,
} from "../../../test/fixtures/calm/calm";
import * as things from "../../../test/fixtures/things/things";
import { ORDERS, ORDERS_CALM, ULTIMATUMS, ULTIMATUMS_CALM } from "../../../test/fixtures/curt/curt";

const body = (text: string) => makeDraft({ body: text });
/** The phrases alone, without the detection model's judgement. */
const noModel = { modelThreshold: 1, modelAssist: 1 };
const heated = (evidence: string[] = []) => ({ messageId: "heated", field: "body" as const, evidenceIncludes: evidence, fix: { kind: "delay-send" as const } });

runRuleTests(rule, {
  valid: [
    { draft: body("As usual, the nursery will open at 7:30 on Monday.") },
    { draft: body("Just do it when you have a minute, no rush. Thanks!") },
    { draft: body("Could you explain it again at the meeting? I missed the start.") },
    { draft: body("Great, thanks for sending the menu over!") },
    { draft: body("Please make sure the gate is shut at all times. This is the second reminder this month.") },
    // Ordinary and firm-but-polite work mail.
    { draft: makeDraft() },
    { draft: body("Hi Ben,\n\nI'm afraid this is not acceptable and I need it fixed by Friday, please.\n\nThanks,\nAmy") },
    { draft: body("Please make sure the register is done by 9am. It is important!") },
    { draft: body("Thank you so much!! The children loved the trip!!!") },
    { draft: body("Congratulations on your new baby!!! We are all so happy for you!!!") },
    { draft: body("Happy birthday Sue!!! Cake in the staff room at 3 ?!") },
    { draft: body("Well done everyone!!! What a brilliant inspection!!!") },
    { draft: body("The SENCO will send the EHCP paperwork to the NHS and the LA after the SMT meeting; DBS checks are with HR.") },
    { draft: body("The EYFS PSED CLL and UW notes are on the ICT drive for OFSTED.") },
    { draft: body("SUMMER FUN DAY\n\nJoin us on Saturday for games, a cake stall and a raffle.") },
    { draft: body("IMPORTANT DATES FOR YOUR DIARY\n- 12 June: sports day\n- 20 July: last day of term") },
    { draft: makeDraft({ subject: "URGENT: FIRE DRILL TODAY", body: "Please be ready at 10." }) },
    { draft: makeDraft({ subject: "STAFF ROTA", body: "Attached." }) },
    { draft: body("I found the new policy hard to follow. Can we go through it together on Monday?") },
    { draft: body("Could you check why the invoice total is different? Is it the VAT?") },
    { draft: body("You never know, the sun might come out for sports day.") },
    { draft: body("Thank you. Always happy to help with the display.") },
    { draft: body("The price is ridiculous, but it is the only supplier.") },
    { draft: body("The children thought the story was hilarious and a little bit ridiculous.") },
    { draft: body("It is a competent piece of work and the children were very competent.") },
    { draft: body("We need an acceptable solution for the car park by Friday, please.") },
    { draft: body("You always do a lovely job with the displays.") },
    { draft: body("This is unacceptable. Please can we talk about it tomorrow?") },
    { draft: body("Please bring wellies! It will be muddy.") },
    { draft: body("Are you free on Tuesday?? I need to swap my shift.") },
    { draft: body("Why is the gate open? Who left it?") },
    // Capitals in quoted history are not the sender's.
    {
      draft: makeDraft({
        composeType: "reply",
        body: "Sorry about that, I will sort it out.\n\n-----Original Message-----\nFrom: Parent <p@example.com>\nSent: 01 May 2024 10:00\nTo: Amy Jones\nSubject: Fees\n\nTHIS IS RIDICULOUS!!! YOU NEVER ANSWER YOUR PHONE!!!",
      }),
    },
    // Near misses of the cue families (each beside its heated example below), with the model on.
    { draft: body("It's not your fault the outing was cancelled; the coach company let us down.") },
    { draft: body("Does anyone know where the spare laminator pouches are? I checked the cupboard.") },
    { draft: body("With all due respect to the planning team, could we move the meeting to Thursday?") },
    { draft: body("I want to sort the garden rota by Friday. Could everyone add their name?") },
    { draft: body("I will be going to the dentist on Friday, so Sarah will take the register.") },
    { draft: body("We'll be reporting the fall to Ofsted as required; the accident form is attached.") },
    { draft: body("Seriously good work on the display, thank you for a change of scenery!") },
    { draft: body("Please do NOT park in the bays marked for the minibus. Thank you.") },
    { draft: body("I am not your key person, Sarah is. She will ring you today.") },
    { draft: body("Oh, brilliant news about the baby! We are all thrilled.") },
    { draft: body("Per my last email, please make sure the forms are in by Friday.") },
    { draft: body("Why is the invoice higher this month? Is it the VAT?") },
    { draft: body("Let me get this right: the trip is on Friday, and we leave at ten?") },
    { draft: body("We will never again forget the day the ducklings hatched!") },
    { draft: body("Lunch is at twelve today. Again, thank you all for your help.") },
    // Capitals that are pasted, not shouted: code identifiers, a supplier's terms in quotation marks.
    { draft: body("For reference, the fix concerns MEMBARRIER_CMD_SHARED handling in the 6.x series and CONFIG_SECURITY_LOCKDOWN. Nothing for you to do.") },
    // A notice written all in capitals, with no !!! or ?!, is not shouting (the signature is in ordinary case).
    { draft: body("THE FIRE ALARM WILL BE TESTED EVERY WEDNESDAY AT 10AM. THIS IS NOT A DRILL. PLEASE DO NOT EVACUATE DURING THE TEST.\n\nMany thanks\nWendy") },
    { draft: body("The app crashed again this morning, log below.\n[2025-03-04 09:12:44] FATAL PID 32105 WORKER EXITED UNEXPECTEDLY AFTER SIGNAL ELEVEN, restarting in 5s\nCould you take a look?") },
    { draft: body('Our supplier\'s new terms, pasted for the file: "1. PAYMENT TERMS: 30 DAYS FROM INVOICE DATE. 2. LATE PAYMENT: INTEREST AT 4% ABOVE BASE RATE." Nothing unusual.') },
    // Options.
    { draft: body("This is ridiculous!!!"), options: { threshold: 5 } },
    { draft: body("PLEASE READ THE NOTICE ABOUT PARKING!!! ok"), options: { acronyms: ["PLEASE", "READ", "NOTICE", "ABOUT", "PARKING"] } },
  ],
  invalid: [
    { draft: body("This is ridiculous!!! Nobody listens."), errors: [heated(["ridiculous", "!!!"])] },
    { draft: body("How dare you speak to my staff like that."), errors: [heated(["How dare you"])] },
    { draft: body("I'm sick of covering for other people."), errors: [heated(["I'm sick of"])] },
    { draft: body("You never tidy the home corner and it is unacceptable."), errors: [heated(["You never", "unacceptable"])] },
    { draft: body("As I have told you repeatedly, the register must be done by 9. Every single time it is late."), errors: [heated(["As I have told you", "Every single time"])] },
    { draft: body("WHY HAS NOBODY CLEANED THE KITCHEN AGAIN?! It is filthy."), errors: [heated(["WHY HAS NOBODY", "?!"])] },
    { draft: body("Dear all,\nI NEED THE RISK ASSESSMENTS BY FRIDAY AND NOT A DAY LATER. Thanks."), errors: [heated(["I NEED THE RISK"])] },
    { draft: body("Thanks for nothing. I'll do it myself."), errors: [heated(["Thanks for nothing"])] },
    { draft: body("Clearly you didn't read my email. Thanks a bunch."), errors: [heated(["Clearly you", "Thanks a bunch"])] },
    { draft: body("The way this was handled was pathetic and frankly incompetent."), errors: [heated(["pathetic", "incompetent"])] },
    { draft: body("Pathetically slow again ??? Useless."), errors: [heated(["Pathetically", "Useless"])] },
    { draft: body("What is going on?!?! This is a disgrace!!!"), errors: [heated(["disgrace"])] },
    // Obfuscation: repeated letters, zero-width characters, look-alike letters, fullwidth.
    { draft: body("This is sooo ridiculousss!!!"), errors: [heated(["ridiculous"])] },
    { draft: body("This is ridi\u200Bculous and unaccept\u00ADable."), errors: [heated(["ridiculous", "unacceptable"])] },
    { draft: body("This is rіdісulous and unacceptable."), errors: [heated(["rіdісulous"])] },
    { draft: body("This is ｒｉｄｉｃｕｌｏｕｓ and ｕｎａｃｃｅｐｔａｂｌｅ."), errors: [heated(["ｒｉｄｉｃｕｌｏｕｓ"])] },
    // The thank-you does not excuse hostile words in the same sentence.
    { draft: body("Thanks for the ridiculous rota!!! Again."), errors: [heated(["ridiculous", "!!!"])] },
    // Subject and body together.
    {
      draft: makeDraft({ subject: "WHY IS THE ROTA WRONG AGAIN THIS WEEK", body: "Unacceptable." }),
      errors: [{ messageId: "heated", field: "subject" }],
    },
    // Options.
    // Issue 10: heated but not abusive mail that went out without a word.
    { draft: body("Honestly, is it too much to ask that someone empties the dishwasher for once??"), errors: [heated(["is it too much to ask"])] },
    { draft: body("Great, thanks for the last-minute notice, as usual."), errors: [heated(["thanks for the last-minute notice"])] },
    { draft: body("I should not have to explain this again. Just do it."), errors: [heated(["I should not have to explain"])] },
    { draft: body("Sick and tired of chasing the same forms every week."), errors: [heated(["Sick and tired"])] },
    { draft: body("Why does nobody ever put the lids back on the paint pots?"), errors: [heated(["Why does nobody ever"])] },
    { draft: body("If this happens again I'll be taking this to Ofsted."), errors: [heated(["I'll be taking this to Ofsted"])] },
    // Cue families, found by the phrases alone (model off): blame, rhetorical questions,
    // condescension, ultimatums, threats to escalate, milder signs adding up, stressed words.
    { draft: body("It's your fault the outing was cancelled. You've let everyone down."), options: noModel, errors: [heated(["It's your fault", "You've let everyone down"])] },
    { draft: body("Does anyone actually read the allergy board? How hard is it to check before lunch?"), options: noModel, errors: [heated(["Does anyone actually read", "How hard is it"])] },
    { draft: body("With all due respect, let me be clear: the register is not optional."), options: noModel, errors: [heated(["With all due respect", "let me be clear"])] },
    { draft: body("I want this sorted by Friday or I'm walking. I refuse to cover another late."), options: noModel, errors: [heated(["I want this sorted", "or I'm walking"])] },
    { draft: body("If it isn't fixed this week I will be going to the papers and my MP. Legal action is next."), options: noModel, errors: [heated(["I will be going to the papers", "Legal action"])] },
    { draft: body("Frankly this is unbelievable. Seriously, for a change could someone else do the washing?"), options: noModel, errors: [heated(["Frankly", "unbelievable", "for a change"])] },
    { draft: body("I have ALREADY sent the form. Nobody has bothered to reply."), options: noModel, errors: [heated(["ALREADY", "Nobody has bothered"])] },
    { draft: body("I'm not your mum. You should be ashamed of leaving the staff room like that."), options: noModel, errors: [heated(["I'm not your mum", "You should be ashamed"])] },
    { draft: body("Oh brilliant, another Saturday training. I'll take that as a no to the pay rise then."), options: noModel, errors: [heated(["Oh brilliant", "I'll take that as a no"])] },
    { draft: body("Let me get this straight: you want me to cover the late again? Never again."), options: noModel, errors: [heated(["Let me get this straight", "Never again"])] },
    { draft: body("I'm not doing this any more. Grown adults can wash their own cups."), options: noModel, errors: [heated(["I'm not doing this any more", "Grown adults"])] },
    // Pointed questions (two or more) and a one-word sentence of exasperation.
    { draft: body("Why is the fire door propped open again? Who keeps doing it? Do you want us to fail the inspection?"), options: noModel, errors: [heated(["Why is the", "Who keeps"])] },
    { draft: body("He came home in someone else's trousers. Again. Why does this keep happening? How hard is it to check the pegs?"), options: noModel, errors: [heated(["Again", "Why does this"])] },
    { draft: body("This is unacceptable."), options: { threshold: 2 }, errors: [heated(["unacceptable"])] },
    { draft: body("What a total stitch-up. It's a stitch up!!!"), options: { extraPhrases: ["stitch-up"] }, errors: [heated(["stitch-up"])] },
    { draft: body("STOP PARKING THERE please"), options: { minCapsWords: 2, threshold: 2 }, errors: [heated(["STOP PARKING THERE"])] },
    // Patronising, sarcasm about being valued, rhetorical "what is the point", being ignored.
    { draft: body("Don't patronise me. I have run this room for twelve years."), options: noModel, errors: [heated(["Don't patronise me"])] },
    { draft: body("Oh brilliant, another Saturday we're expected to work unpaid. That's how much we matter, apparently."), options: noModel, errors: [heated(["Oh brilliant", "That's how much we matter"])] },
    { draft: body("What exactly is the point of labelling everything if nobody bothers to use it?"), options: noModel, errors: [heated(["What exactly is the point", "nobody bothers to"])] },
    { draft: body("I waited forty minutes and you didn't even turn up. Not even a message."), options: noModel, errors: [heated(["you didn't even", "Not even a message"])] },
  ],
});

describe("no-heated-tone: near misses of the newer phrases stay quiet", () => {
  it.each([
    "Oh lovely, thank you for the flowers.",
    "Apparently the boiler engineer is coming at 3.",
    "Do you actually have a spare key for the shed? Mine is lost.",
    "Nobody bothers to read the long version, so here is the short one.",
    "Nothing has changed in the rota since last week.",
    "The visit is on Tuesday; I've had enough notice, thank you.",
  ])("%s", (text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone evidence", () => {
  it("quotes a phrase once, not again inside a longer one found with it", () => {
    const [finding] = runRule(rule, { draft: body("Honestly, is it too much to ask that someone empties the dishwasher for once??"), options: noModel });
    expect(finding?.evidence).toBe("“is it too much to ask”, “for once”");
  });
});

describe("no-heated-tone evidence: a quoted piece never runs across a line break (the subject's last word and the body's first: “Note Sorry”)", () => {
  it.each(LINE_CASES.filter((c) => c.rule === "heated").map((c) => [`${c.subject} / ${c.body.slice(0, 50)}`, c] as const))("%s", (_, c) => {
    const found = runRule(rule, { draft: makeDraft({ subject: c.subject, body: c.body }) });
    expect(found).toHaveLength(1);
    expect(piecesAcrossLines(found[0]?.evidence, c)).toEqual([]);
  });
});

describe("no-heated-tone: the model reads the subject without reply prefixes", () => {
  it("a reply's 'Re:' is never quoted as an angry word", () => {
    const text = "Hi Yasmin, I've reset it. You should get an email with a link. It expires in 24 hours. Let us know if it doesn't arrive! Many thanks, Rhys";
    for (const subject of ["Re: Password reset", "RE: AW: Password reset", "Re[2]: Password reset"]) {
      for (const finding of runRule(rule, { draft: makeDraft({ subject, body: text }), options: { threshold: 1, modelAssist: 0.3 } })) {
        expect(finding.evidence ?? "").not.toMatch(/\bRe\b|\bAW\b/);
      }
    }
  });
});

describe("no-heated-tone data", () => {
  it("has well-formed patterns and no duplicates", () => {
    const all = Object.values(data.groups).flatMap((g) => g.patterns).concat(data.positive);
    for (const p of all) expect([p, patternProblem(p)]).toEqual([p, undefined]);
    expect(new Set(all).size).toBe(all.length);
    // V8 does not optimise a regular expression whose source is over about 20 KB: the rule
    // compiles the groups in parts, each with room to spare, and every group is in one of them.
    const parts = phraseParts();
    for (const part of parts) expect(compileSignals(part)?.source.length).toBeLessThan(16_000);
    const weighted = Object.entries(data.groups).filter(([, g]) => g.weight > 0).map(([name]) => name);
    expect(parts.flatMap((part) => Object.keys(part)).filter((name) => weighted.includes(name)).sort()).toEqual([...weighted].sort());
    for (const a of data.acronyms) expect(a).toMatch(/^[A-Z]{2,8}$/);
  });

  it("reports the evidence as short trigger words, not a long quote", () => {
    const long = `${"The rota was changed again without telling anyone. ".repeat(40)}This is RIDICULOUS AND COMPLETELY UNACCEPTABLE!!!`;
    const [finding] = runRule(rule, { draft: body(long) });
    expect(finding?.evidence?.length).toBeLessThanOrEqual(90);
  });
});

describeLargeInputs(rule, [
  ["50 KB of capital words with bursts", "SHOUT!!! ".repeat(5_600), ["heated"]],
  ["50 KB of capital words alone (a notice's style)", "SHOUT ".repeat(8_500)],
  ["50 KB of bursts", "no!!! ".repeat(8_500)],
  ["50 KB of mixed bursts", "?! ".repeat(16_000)],
  // Each line break followed by a tab or a space could start an ironic sentence: read from every
  // one of them to the end, 64 KB of them took seconds before the sarcasm's opening stopped at the line's blanks.
  ["60 KB of line breaks, each with a tab", `a${"\n\t".repeat(30_000)}x`],
  ["60 KB of line breaks, each with a no-break space", `a${"\n\u00a0".repeat(30_000)}x`],
]);

describe("no-heated-tone with the detection model", () => {
  const text = "Thanks for nothing. Once again nobody bothered to tell me about the change!!";
  const off = { modelThreshold: 1, modelAssist: 1 };

  it("adds its weight to weaker signs and reports, quoting the sender's words as written", () => {
    const found = runRule(rule, { draft: makeDraft({ subject: "Kitchen", body: text }) });
    expect(found).toHaveLength(1);
    const evidence = String(found[0]?.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const piece of evidence.match(/“([^”]+)”/g) ?? []) expect(`Kitchen\n${text}`).toContain(piece.slice(1, -1));
  });

  it("is the model's point that tips it over a higher threshold: with the model turned off the same note passes", () => {
    const draft = makeDraft({ subject: "Kitchen", body: "The kitchen is unacceptable. I hate it." });
    const points = [3, 4, 5, 6].find((threshold) => runRule(rule, { draft, options: { threshold, ...off } }).length === 0);
    expect(points).toBeDefined();
    // Only the assisting point (the model never reports alone here).
    const [finding] = runRule(rule, { draft, options: { threshold: points, modelThreshold: 1 } });
    expect(finding?.evidence).toContain("hate");
  });

  it("adds no point for the words the other signs already counted (the model would count 'ridiculous' twice)", () => {
    const text = "The price is ridiculous.";
    const draft = body(text);
    // The premise, checked so that a retrained model that no longer fits it says so: the model
    // would assist (0.3 or more) and its only word is the one already counted.
    const judged = detectMax(modelText(String(draft.subject), text), "heated");
    expect(judged.probability).toBeGreaterThanOrEqual(0.3);
    expect(judged.evidence.map((e) => e.toLowerCase())).toEqual(["ridiculous"]);
    expect(runRule(rule, { draft, options: { modelThreshold: 1, modelAssist: 0.3 } })).toHaveLength(0);
    // A firm word with a second, different sign of heat is still reported.
    expect(runRule(rule, { draft: body("The price is ridiculous. I hate this supplier."), options: { modelThreshold: 1, modelAssist: 0.3 } })).toHaveLength(1);
  });

  it("finds the one heated sentence of a long calm e-mail: the strongest window of sentences assists", () => {
    const calm = "Thank you for sending the October invoice and the updated rota for the kitchen team. The new menu looks lovely and the children enjoyed the soup on Tuesday. We have also booked the hall for the Christmas play on 12 December, and the parents have been told.";
    const text = `${calm}\n\nWhat a waste of time, as usual.\n\n${calm}`;
    const draft = makeDraft({ subject: "Kitchen", body: text });
    // The premise: the whole text is diluted under the assisting threshold, one window is not.
    const judged = modelText("Kitchen", text);
    expect(detectOne(judged, "heated").probability).toBeLessThan(0.4);
    expect(detectMax(judged, "heated").probability).toBeGreaterThanOrEqual(0.4);
    expect(runRule(rule, { draft, options: off })).toHaveLength(0);
    const [finding] = runRule(rule, { draft });
    expect(finding?.evidence).toContain("waste");
  });

  it("adds two points when it is surer (modelStrong): one other sign then completes a report", () => {
    const text = "The sink is full of dirty cups AGAIN.";
    const draft = makeDraft({ subject: "Rota", body: text });
    const strong = (rule.meta.defaultOptions as { modelStrong: number }).modelStrong;
    // The premise: the strongest window is at modelStrong or more, and below the level that reports alone.
    const judged = detectMax(modelText("Rota", text), "heated").probability;
    expect(judged).toBeGreaterThanOrEqual(strong);
    expect(judged).toBeLessThan((rule.meta.defaultOptions as { modelThreshold: number }).modelThreshold);
    // One point from the model is not enough with the one other sign; two are.
    expect(runRule(rule, { draft, options: { modelStrong: 1 } })).toHaveLength(0);
    expect(runRule(rule, { draft })).toHaveLength(1);
    // Below modelStrong it is one point again.
    expect(runRule(rule, { draft, options: { modelStrong: Math.min(1, judged + 0.01) } })).toHaveLength(0);
  });

  it.each([
    "My son came home in someone else's clothes AGAIN. Nobody even noticed.",
    "I'm sick of my emails being ignored. Whoever is in charge, reply.",
  ])("does not quote the model's plain words ('my', 'it is') back as angry: %s", (text) => {
    const plain = /^(?:my|i'm|it is|we are)$/i;
    // The premise: the model's own evidence holds a plain piece.
    expect(detectMax(modelText("Rota", text), "heated").evidence.some((e) => plain.test(e))).toBe(true);
    const [finding] = runRule(rule, { draft: makeDraft({ subject: "Rota", body: text }) });
    const quoted = (String(finding?.evidence).match(/“([^”]+)”/g) ?? []).map((q) => q.slice(1, -1));
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((q) => plain.test(q))).toEqual([]);
  });

  it.each([
    "Who keeps leaving the fridge open? The milk was off this morning.",
    "I asked for one thing. One thing. The laminator is still broken.",
    "I'm really disappointed that nobody turned up to help with the fun day.",
  ])("counts its points as a second kind of sign beside a sign in words: %s", (text) => {
    const draft = makeDraft({ subject: "Rota", body: text });
    // The premise: the words alone are below the threshold, and the model assists but is not sure enough for two points.
    expect(runRule(rule, { draft, options: off })).toHaveLength(0);
    const judged = detectMax(modelText("Rota", text), "heated").probability;
    const { modelAssist, modelStrong } = rule.meta.defaultOptions as { modelAssist: number; modelStrong: number };
    expect(judged).toBeGreaterThanOrEqual(modelAssist);
    expect(judged).toBeLessThan(modelStrong);
    expect(runRule(rule, { draft })).toHaveLength(1);
  });

  it("does not count its points as a second kind beside capitals or !!! alone", () => {
    // One point from the model (modelStrong off) and one for "AGAIN" in capitals: two, no bonus.
    const draft = makeDraft({ subject: "Rota", body: "The sink is full of dirty cups AGAIN." });
    expect(detectMax(modelText("Rota", "The sink is full of dirty cups AGAIN."), "heated").probability).toBeGreaterThanOrEqual(0.4);
    expect(runRule(rule, { draft, options: { modelStrong: 1 } })).toHaveLength(0);
    expect(runRule(rule, { draft, options: { modelStrong: 1, threshold: 2 } })).toHaveLength(1);
  });

  it("does not quote words the model weighs only a little ('Cc', 'Finance') after its strongest", () => {
    const [finding] = runRule(rule, { draft: makeDraft({ subject: "Rota", body: "Nobody answered. Cc Finance and the Centre manager." }) });
    expect(finding?.evidence).toContain("Nobody");
    expect(finding?.evidence).not.toContain("Cc");
    expect(finding?.evidence).not.toContain("Finance");
  });

  it("reports on the model alone only from the whole text, never from one window", () => {
    const calm = "Thank you for sending the October invoice and the updated rota for the kitchen team. The new menu looks lovely and the children enjoyed the soup on Tuesday. We have also booked the hall for the Christmas play on 12 December, and the parents have been told.";
    const text = `${calm} Ugh, I hate Mondays. ${calm}`;
    const judged = modelText("Kitchen", text);
    // The premise: a window is over the threshold that reports alone; the whole text is not.
    const alone = (rule.meta.defaultOptions as { modelThreshold: number }).modelThreshold;
    expect(detectMax(judged, "heated").probability).toBeGreaterThanOrEqual(alone);
    expect(detectOne(judged, "heated").probability).toBeLessThan(alone);
    expect(runRule(rule, { draft: makeDraft({ subject: "Kitchen", body: text }), options: { modelAssist: 1 } })).toHaveLength(0);
  });

  it("does not read the quoted history", () => {
    const body = `Thanks, I will look into it.\n\n-----Original Message-----\nFrom: Sue Brown <sue.brown@example.com>\nSent: 03 March 2025 09:12\nTo: Amy Jones\nSubject: Kitchen\n\n${text}`;
    expect(runRule(rule, { draft: makeDraft({ subject: "RE: Kitchen", body }) })).toHaveLength(0);
  });
});

describe("no-heated-tone judges the first 64 KB of what the sender wrote", () => {
  const calm = "The minibus is booked for Thursday and the register is done.\n";
  const angry = "This is RIDICULOUS AND COMPLETELY UNACCEPTABLE!!! How dare you.";
  const filler = calm.repeat(Math.ceil((TONE_WINDOW + 1000) / calm.length));

  it("reports heat written near the top of a long message", () => {
    expect(runRule(rule, { draft: body(`${angry}\n${filler}`), options: noModel })).toHaveLength(1);
  });

  it("does not read past the window: heat written after it is not judged", () => {
    expect(runRule(rule, { draft: body(`${filler}${angry}`), options: noModel })).toEqual([]);
  });

  it("cuts the window at a space or line break, never inside a word", () => {
    const text = `${"word ".repeat(TONE_WINDOW / 5 - 1)}word longword`;
    const window = toneWindow(text);
    expect(window.length).toBeLessThanOrEqual(TONE_WINDOW);
    expect(text.startsWith(window)).toBe(true);
    expect(window.endsWith("word")).toBe(true);
    expect(toneWindow("short")).toBe("short");
  });
});

describe("no-heated-tone: a reply's or a forward's subject is not the sender's words", () => {
  const calm = "Please find the menu attached.";
  it("judges a new subject", () => {
    expect(runRule(rule, { draft: makeDraft({ subject: "Absolutely disgusting service", body: calm }), options: noModel })).toHaveLength(1);
  });
  it.each(["RE: Absolutely disgusting service", "Re: Re: Absolutely disgusting service", "AW: Absolutely disgusting service", "Fwd: Absolutely disgusting service", "[Fwd: Absolutely disgusting service]"])(
    "does not judge %s",
    (subject) => {
      expect(runRule(rule, { draft: makeDraft({ subject, body: calm }), options: noModel })).toHaveLength(0);
    },
  );
  it("still judges the reply's own words", () => {
    expect(runRule(rule, { draft: makeDraft({ subject: "RE: Menu", body: "This is absolutely disgusting." }), options: noModel })).toHaveLength(1);
  });
});

describe("no-heated-tone: capitals and !!! with a smile or a celebration are excitement", () => {
  it.each([
    "CAKE SALE THIS FRIDAY!!! 🍰 Kitchen, 2nd floor, from 11am until it's all gone.",
    "WE WON THE BID!!! Drinks on me at five :)",
    "HAPPY RETIREMENT JEAN!!! 🎉🎉 Cake in the staff room.",
    "SEE YOU ALL AT THE PARTY!!! xx",
  ])("%s", (text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toHaveLength(0);
  });
  it.each([
    "WHY IS THE GATE OPEN AGAIN!!! 😡",
    "I am absolutely furious!!! WHO LEFT THE GATE OPEN!!! :)",
  ])("still shouting: %s", (text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toHaveLength(1);
  });
});

describe("no-heated-tone: empathy and plain questions are not signs", () => {
  it.each(["I do understand your frustration.", "I really appreciate your frustration with the closure.", "Who keeps the key to the fridge?"])("%s", (text) => {
    expect(runRule(rule, { draft: body(text), options: { ...noModel, threshold: 1 } })).toHaveLength(0);
  });
  it.each([
    "I know this is frustrating for the project team, who worked very hard to hit April.",
    "I understand it's frustrating; it is also not something I can change.",
    "I completely understand why the original review was frustrating.",
    "I also appreciate the frustration that comes from a library that should just work.",
  ])("the sender sharing the reader's frustration: %s", (text) => {
    expect(runRule(rule, { draft: body(text), options: { ...noModel, threshold: 1 } })).toHaveLength(0);
  });
  it.each(["This is frustrating.", "I find this frustrating.", "Frankly it is frustrating that nobody knows."])("the sender's own frustration is still a sign: %s", (text) => {
    expect(runRule(rule, { draft: body(text), options: { ...noModel, threshold: 1 } })).toHaveLength(1);
  });
  it("who keeps … -ing is still a sign", () => {
    expect(runRule(rule, { draft: body("Who keeps leaving the fridge open?"), options: { ...noModel, threshold: 1 } })).toHaveLength(1);
  });
});

describe("no-heated-tone: cue families (phrases alone) catch heated mail and leave its near misses", () => {
  it.each([
    ["impatience", "This is the third time I have chased the invoice. Still no reply from your accounts team.", ["This is the third time", "Still no reply"]],
    ["impatience", "I have emailed you four times about the gate code. How much longer do we have to wait?", ["emailed you four times", "How much longer do"]],
    ["being ignored", "You keep ignoring my emails, and whoever decided the new rota did it without asking anyone.", ["You keep ignoring", "whoever decided"]],
    ["sarcasm", "I'm sure it was an accident that the sign-up sheet vanished. What a coincidence.", ["sure it was an accident", "What a coincidence"]],
    ["mocking", "Silly me for thinking the minutes would be accurate. Who knew.", ["Silly me for thinking", "Who knew"]],
    ["dismissal", "That's not an answer. Spare me the excuses and get your act together.", ["That's not an answer", "Spare me the excuses"]],
    ["entitlement", "We pay good money for this and I expect better from a nursery rated outstanding.", ["We pay good money", "I expect better from"]],
    ["ultimatum", "Sort it out or we will find someone else. I won't tolerate this.", ["Sort it out or", "I won't tolerate this"]],
    ["escalation", "I will be making a formal complaint and I want to speak to your manager.", ["I will be making a formal complaint", "I want to speak to your manager"]],
    ["anger owned", "I am extremely annoyed and, honestly, I'm fed up.", ["I am extremely annoyed", "fed up"]],
    ["hostile rhetoric", "Don't speak to me like that in front of the children. Have you lost your mind?", ["Don't speak to me like that", "Have you lost your mind"]],
    ["pointed why", "Why does nobody ever refill the printer? Why is it always me?", ["Why does nobody ever"]],
    ["defeat", "What is so difficult about that? Why do I even bother?", ["What is so difficult about", "Why do I even bother"]],
    // The register of code review and project mailing lists.
    ["review rhetoric", "Did anyone actually test this before it went out? Whose idea was this?", ["Did anyone actually test", "Whose idea was this"]],
    ["review rhetoric", "Who the hell merged this on a Friday? What more do you need, a video?", ["Who the hell", "What more do you need"]],
    ["review sarcasm", "Ah, another release with no changelog. Wake me up when there's a plan. What could possibly go wrong.", ["Wake me up when", "What could possibly go wrong"]],
    ["review sarcasm", "Is there a prize for the most config files in one repo? Someone with a pulse please look at this.", ["Is there a prize for", "Someone with a pulse"]],
    ["review contempt", "Nobody is going to hold your hand. Stop whining and run the formatter like every other adult.", ["Nobody is going to hold your hand", "Stop whining", "like every other adult"]],
    ["review contempt", "Just shut up about tabs. Don't pretend you didn't see the vote.", ["Just shut up", "Don't pretend you didn't"]],
  ])("%s: %s", (_family, text, evidence) => {
    const [finding] = runRule(rule, { draft: body(text), options: noModel });
    expect(finding?.messageId).toBe("heated");
    for (const piece of evidence) expect(finding?.evidence).toContain(piece);
  });

  it.each([
    ["impatience", "We are still waiting for the delivery; the supplier says Friday."],
    ["impatience", "Sorry for the slow reply: I've emailed the council three times and they finally answered, all sorted."],
    ["being ignored", "Please ignore my last email, I sent the wrong attachment."],
    ["sarcasm", "I'm sure it was lovely; what a coincidence that we were both there!"],
    ["dismissal", "That's not a problem at all, the answer is on page two."],
    ["entitlement", "We expect more children in September, so please plan the rooms."],
    ["ultimatum", "Sort it out when you have time, otherwise I can do it on Monday."],
    ["escalation", "The formal complaint procedure is attached; your manager can help with it."],
    ["empathy", "I understand your frustration and I'm sorry for the inconvenience; we take this seriously."],
    ["empathy", "You seem frustrated, and frankly I see why. Apparently the release is late again."],
    ["empathy", "I can understand why this user is frustrated; frankly the docs are thin. Apparently a fix is coming."],
    ["review rhetoric", "Did anyone test this on arm64? I only have x86 here, so a Tested-by would help."],
    ["review rhetoric", "Who approved the budget for the new laptops? I need the name for the purchase order."],
    ["review sarcasm", "What could we do to make the release notes clearer? Someone with commit access, please tag 2.1."],
    ["review contempt", "We shut up shop at 6 on Fridays; the office is shut up over Christmas."],
    ["review contempt", "Please don't pretend to be a customer when testing the form; use the test account."],
    ["exasperation", "I need to sit down with you to go through the rota. Bloody good news about the inspection, by the way!"],
  ])("%s near miss: %s", (_family, text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: work mail that is not heated", () => {
  it.each([
    // Real questions in a bug report: "why" without a reproach (nobody, again, still, ever…).
    "Why does the build fail on Windows? Why is the test skipped on CI? Logs attached.",
    // Angry words in quotation marks are someone else's (an incident record).
    'The incident log says one child told another "that is pathetic, you are useless". We talked about kind words.',
    // A log pasted with level tags; terms quoted over several lines; terminal output with code.
    "Pasted from the router log: [ERROR] DHCP POOL EXHAUSTED ON VLAN 20; [WARN] WAN LINK DOWN. Nothing lost.",
    'Our supplier\'s new terms:\n"1. PAYMENT TERMS: 30 DAYS FROM INVOICE DATE.\n2. LATE PAYMENT: INTEREST AT 4% ABOVE BASE RATE."\nNothing unusual.',
    "docker images prints: REPOSITORY TAG IMAGE ID CREATED SIZE <none> 9015fa51eb3f and then stops.",
    // A notice's wording in capitals: a label, or one calm statement with a date and nobody in it.
    "NOTICE: ROAD CLOSURE ON HIGH STREET SAT 9 - SUN 10 NOVEMBER. The nursery is closed at weekends anyway.",
    "New ID badges from Monday at reception. OLD BADGES WILL STOP WORKING ON FRIDAY 28TH. Thanks, Tom",
  ])("%s", (text) => {
    // A lower threshold than the default: not even two points' worth of signs.
    expect(runRule(rule, { draft: body(text), options: { ...noModel, threshold: 2 } })).toEqual([]);
  });

  it("still catches the same signs when they are the sender's own", () => {
    expect(runRule(rule, { draft: body("Why is the test skipped again? Why does nobody ever fix CI?"), options: noModel })).toHaveLength(1);
    expect(runRule(rule, { draft: body("That is pathetic, you are useless. Sort it out or I will."), options: noModel })).toHaveLength(1);
    expect(runRule(rule, { draft: body("Pasted from the router log, and frankly: WHY IS NOBODY FIXING THE ROUTER?!"), options: noModel })).toHaveLength(1);
    expect(runRule(rule, { draft: body("I HAVE ASKED 3 TIMES FOR THE REFUND AND HEARD NOTHING. Please reply."), options: noModel })).toHaveLength(1);
    expect(runRule(rule, { draft: body("The heating in Room 2: IT IS BROKEN FOR THE 4TH TIME THIS MONTH!!!"), options: noModel })).toHaveLength(1);
  });
});

describe("no-heated-tone: weak signs of two different kinds add up", () => {
  it("reports a mild word with a curt one-word sentence", () => {
    const [finding] = runRule(rule, { draft: body("Frankly, the rota is wrong. Again."), options: noModel });
    expect(finding?.evidence).toBe("“Frankly”, “Again”");
  });

  it("does not report one mild word, nor the same kind of sign twice", () => {
    expect(runRule(rule, { draft: body("Frankly, I think the blue paint is nicer."), options: noModel })).toEqual([]);
    expect(runRule(rule, { draft: body("Frankly, the blue paint is nicer; apparently it is cheaper too."), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: words repeated for effect and flat one-word sarcasm", () => {
  it.each([
    ["I asked for one thing. One thing. Frankly, the logo is smaller now.", ["One thing", "Frankly"]],
    ["It broke in a patch release. A PATCH release. Seriously?", ["A PATCH release"]],
    ["I have rung the office six times. Six. Apparently nobody is in.", ["Six"]],
    ["I spent four hours on the report for you. Four hours. Does anyone actually read these?", ["Four hours", "Does anyone actually read"]],
    ["The new rota puts me on every late again. Lovely. Apparently that is fair.", ["Lovely"]],
  ])("%s", (text, evidence) => {
    const [finding] = runRule(rule, { draft: body(text), options: noModel });
    for (const piece of evidence) expect(finding?.evidence).toContain(piece);
  });

  it.each([
    "We went to the farm. The farm was lovely, apparently the best trip yet.",
    "Thanks. Thanks again for everything, frankly you were a star.",
    "The cake was delivered. Lovely! Apparently it is lemon.",
    "The crash is in libsystem_malloc.dylib, libobjc.A.dylib and libdyld.dylib. Frankly no idea why.",
    "I spent four hours on the display. Four hours, and the children loved it! Frankly worth it.",
    "I understand how frustrating this is. Apparently the coat is still missing.\n\nKind regards,\nAmy\n\nKind regards,\nAmy",
  ])("near miss: %s", (text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: unmistakable phrases report on their own", () => {
  // Phrases that, on the training split, were seen in heated mail at least three times and never
  // in clean mail, and that read as heated whatever the context: 3 points each (the threshold).
  it.each([
    ["I'm absolutely furious about the car park.", "absolutely furious"],
    ["Did you even read the rota?", "Did you even read"],
    ["This is my second time asking for the invoice.", "second time asking"],
    ["Let me get this straight: the trip was cancelled and nobody thought to tell the parents?", "Let me get this straight"],
    ["I'm not paying another penny until the heating is fixed.", "not paying another penny"],
  ])("%s", (text, evidence) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([expect.objectContaining({ messageId: "heated", evidence: expect.stringContaining(evidence) })]);
  });

  // Phrases that met the same count on the training split but have everyday innocent uses, so
  // they still need a second sign: kept at their old weight on purpose.
  it.each([
    "I couldn't make it to the meeting, sorry.",
    "For the third time running, Caterpillars won the sports day cup!",
    "Please stop sending me the newsletter, thank you.",
    "We visited other nurseries for ideas about the garden.",
    "Count me out for Friday drinks, sorry!",
    "The offer ends today.",
    "Some of us have a meeting at 3, so lunch is at 12.",
    "I'm sure it was an oversight; could you add Amy to the list?",
    "This is the third time we've run the fun day and it gets better every year.",
  ])("%s", (text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: one pointed question is a weak sign", () => {
  it("counts one pointed question beside another kind of sign", () => {
    const [finding] = runRule(rule, { draft: body("How come the rota changed overnight? Frankly, Tuesday was better."), options: noModel });
    expect(finding?.evidence).toBe("“Frankly”, “How come the rota”");
  });

  it("does not report one pointed question alone, nor count it again when a phrase counted its words", () => {
    expect(runRule(rule, { draft: body("How come the rota changed overnight?"), options: noModel })).toEqual([]);
    expect(runRule(rule, { draft: body("Who keeps leaving the fridge open? The milk was off."), options: noModel })).toEqual([]);
  });

  it("does not count a question that is asking the list for help", () => {
    expect(runRule(rule, { draft: body("Does anyone know a good plumber? Frankly the boiler is a mess."), options: noModel })).toEqual([]);
    expect(runRule(rule, { draft: body("Do you think we could move the meeting? Frankly Tuesday is a squeeze."), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: the words of someone kept waiting complete the model's two points", () => {
  // modelStrong at 0.4 so that these short notes get the model's two points; the premise is checked.
  const options = { modelStrong: 0.4 };
  const strong = (text: string) => expect(detectMax(modelText("Order", text), "heated").probability).toBeGreaterThanOrEqual(0.4);
  const run = (text: string, extra: Record<string, number> = {}) => runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options: { ...options, ...extra } });

  it("reports 'never' or 'still waiting' with the model fairly sure, quoting them", () => {
    const never = "The nappies were never delivered and I have heard nothing from your office.";
    strong(never);
    expect(String(run(never)[0]?.evidence)).toContain("“never”");
    const third = "The nappies were not delivered. This is the third time I have had to email.";
    strong(third);
    expect(run(third)).toHaveLength(1);
  });

  it("does not report the same note without those words, nor with the model off", () => {
    const plain = "The nappies were not delivered and I have not heard from your office.";
    strong(plain);
    expect(run(plain)).toEqual([]);
    expect(run("The nappies were never delivered and I have heard nothing from your office.", noModel)).toEqual([]);
  });

  it("does not report a sender apologising for the wait", () => {
    const sorry = "I'm sorry the nappies were never delivered and you have heard nothing from our office.";
    strong(sorry);
    expect(run(sorry)).toEqual([]);
  });
});

describe("no-heated-tone: pointed phrases report on their own", () => {
  // Phrases that were worth 2 but, alone, read as heated whatever the context (moved to the
  // `pointed` group, 3 points): on dev and the blind sets' train rows no clean row more was warned.
  it.each([
    ["For crying out loud. The gate was left open again.", "For crying out loud"],
    ["Honestly, why do I bother?", "why do I bother"],
    ["I said no photos on the app. What is so difficult about that?", "What is so difficult about"],
    ["Being told off for trainers by someone in trainers. You couldn't make it up.", "couldn't make it up"],
    ["Would it kill you to wipe the table?", "Would it kill you"],
    ["Whose idea was this rota?", "Whose idea was this"],
  ])("%s", (text, evidence) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([expect.objectContaining({ messageId: "heated", evidence: expect.stringContaining(evidence) })]);
  });

  it.each([
    "What do you do, if you don't mind me asking?",
    "Could you make up your mind about the colours by Friday?",
    "Am I the only one who can't find the new form?",
    "What's the point of the second meeting? Just checking before I book the room.",
  ])("stays quiet: %s", (text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: escalating and last-time phrases need one more sign", () => {
  it.each([
    ["I'm escalating this to your MD. Again.", "escalating this"],
    ["I'm going to say this once more. Come back with data or don't come back.", "going to say this once more"],
    ["I don't know how many ways I can say this. Frankly, read the form.", "know how many ways"],
  ])("%s", (text, evidence) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([expect.objectContaining({ evidence: expect.stringContaining(evidence) })]);
  });

  it("does not report one of them alone", () => {
    expect(runRule(rule, { draft: body("I'm escalating this to your manager as you suggested."), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: a calm statement in capitals is a notice, with or without a date", () => {
  it.each([
    "Please note the amendment below.\n\nTHIS CONFIRMATION SUPERSEDES ALL PREVIOUS VERSIONS.\n\nKind regards, Ravi",
    "Security advisory for libquill. ALL USERS SHOULD UPGRADE TO THE FIXED RELEASE. Details are on the website.",
    "Reminder for contractors: NO ROOF ACCESS WITHOUT A SIGNED PERMIT, a harness and a second person.",
  ])("%s", (text) => {
    expect(runRule(rule, { draft: body(text), options: { ...noModel, threshold: 2 } })).toEqual([]);
  });

  it.each(["Whoever parks in bay 12: STOP PARKING THERE.", "The barrier is stuck again. FIX THE BARRIER.", "I have told you TWICE THIS WEEK ALREADY."])("still counts capitals that give orders or are personal: %s", (text) => {
    expect(runRule(rule, { draft: body(text), options: { ...noModel, threshold: 2 } })).toHaveLength(1);
  });
});

describe("no-heated-tone: sarcasm across a comma, word-by-word sentences and tired-of phrases", () => {
  it.each([
    ["Great, another last-minute change to the rota. Apparently nobody thought to ask.", "Great, another"],
    ["Oh good, more paperwork for the baby room. Frankly I give it a week.", "Oh good, more"],
    ["You sent the forms back blank. Really helpful. Apparently it was my job to check.", "Really helpful"],
    ["Why. Is. There. Glitter in the kettle? Apparently nobody knows.", "Why. Is. There."],
    ["Stop. Doing. This. Frankly it is not fair on the others.", "Stop. Doing. This."],
  ])("reports %s", (text, evidence) => {
    const [finding] = runRule(rule, { draft: body(text), options: noModel });
    expect(finding?.evidence).toContain(evidence);
  });

  it.each([
    "Great, another trophy for the cabinet! Apparently it is our third this year.",
    "Thank you for the display. Great job. The parents loved it :)",
    "Great, more sunshine forecast for sports day! Frankly we need it.",
    "Thanks for the notice about the road closure. Frankly I had not seen it.",
    "Mon. Tue. Wed. are the days Amy is in. Apparently Thursday is free.",
    "See Mr. J. Smith at the door. Frankly he is lovely.",
  ])("near miss: %s", (text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([]);
  });

  it.each([
    ["I'm tired of chasing the same invoice every month.", "tired of"],
    ["To be honest I've run out of patience with the supplier.", "run out of patience"],
    ["Sort the heating by Friday or I'm going to report it to the council.", "or I'm going to"],
  ])("reports the phrase in %s with one more sign", (text, evidence) => {
    const [finding] = runRule(rule, { draft: body(`${text} Frankly.`), options: noModel });
    expect(finding?.evidence).toContain(evidence);
  });
});

describe("no-heated-tone: more words of someone kept waiting complete the model's two points", () => {
  const options = { modelStrong: 0.4 };
  const strong = (text: string) => expect(detectMax(modelText("Order", text), "heated").probability).toBeGreaterThanOrEqual(0.4);
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options });

  it.each([
    ["The nappies were not delivered. This is the second time this month.", "the second"],
    ["The nappies were not delivered, and every time I ring I am put on hold.", "every time"],
    ["The nappies were not delivered. I already explained the address on the phone.", "I already explained"],
    ["The nappies were not delivered. This is the fourth order from you that has gone missing.", "is the fourth"],
    ["The nappies were not delivered. I was told the van would come on Monday.", "I was told"],
    ["The nappies were not delivered. I was promised a van on Monday.", "I was promised"],
    ["Sorry, but the nappies were not delivered and the office is closed.", "Sorry, but"],
    ["I'm sorry, but the nappies were not delivered and the office is closed.", "sorry, but"],
    ["The nappies were not delivered. Please stop replying to all with 'me too'.", "stop replying"],
  ])("%s", (text, evidence) => {
    strong(text);
    expect(String(run(text)[0]?.evidence)).toContain(evidence);
  });

  it("does not count a quotation of what the sender said", () => {
    const quoted = 'The nappies were not delivered. I said "no rush" on the phone, so that is fine.';
    strong(quoted);
    expect(run(quoted)).toEqual([]);
  });
});

describe("no-heated-tone: lectures, excuses, 'a bit rich' and sarcastic trouble", () => {
  it.each([
    ["I don't need a lecture on tidiness from the person who left the paint out.", "I don't need a lecture"],
    ["I don't want excuses about the rota any more.", "I don't want excuses"],
  ])("reports %s on its own", (text, evidence) => {
    const [finding] = runRule(rule, { draft: body(text), options: noModel });
    expect(finding?.evidence).toContain(evidence);
  });

  it.each([
    ["A complaint about my parking is a bit rich from you.", "a bit rich"],
    ["Slamming the door on the way out was childish.", "childish"],
    ["I'd like the receipts back by Friday, if that isn't too much trouble.", "if that isn't too much trouble"],
    ["Every time I ring the office I am put on hold.", "Every time I ring"],
    ["I'm not going to write the same email every week about the fire door.", "I'm not going to write the same"],
  ])("reports %s with one more sign", (text, evidence) => {
    const [finding] = runRule(rule, { draft: body(`${text} Frankly.`), options: noModel });
    expect(finding?.evidence).toContain(evidence);
  });

  it.each([
    "If it's not too much trouble, could you bring the spare keys on Monday?",
    "The sponge pudding was a bit rich for the toddlers, so we will use less syrup.",
    "The children loved the childish jokes in the panto.",
    "We don't need a lecture theatre for the training; the baby room will do.",
  ])("leaves alone: %s", (text) => {
    expect(runRule(rule, { draft: body(text), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: a habit complained of, 'everyone else' and blame of 'someone' complete the model's two points", () => {
  const options = { modelStrong: 0.4 };
  const premise = (text: string) => expect(detectMax(modelText("Order", text), "heated").probability).toBeGreaterThanOrEqual(0.4);
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options });

  it.each([
    ["The nappies were not delivered. Every week I have to ring your office about it.", "Every week"],
    ["The nappies were not delivered. Every morning I have to ring your office about it.", "Every morning"],
    ["The nappies were not delivered. Everyone else on the street got theirs.", "Everyone else"],
    ["The nappies were not delivered, and I am the one who rings while everyone else waits.", "everyone else"],
    ["The nappies were not delivered. Someone at your office has lost the order.", "Someone"],
  ])("%s", (text, evidence) => {
    premise(text);
    expect(String(run(text)[0]?.evidence)).toContain(evidence);
  });

  it.each([
    // "every day" inside a sentence is a timetable, not a habit complained of.
    "The nappies were not delivered. I need the van here at 9 every day next week.",
    "The nappies were not delivered. I have to ring your office about it every week.",
  ])("leaves alone: %s", (text) => {
    premise(text);
    expect(run(text)).toEqual([]);
  });

  it("counts 'someone' only when the model finds the whole text heated, not one sentence of it", () => {
    const text = "The nappies were not delivered. Please ask someone at your office to check the order.";
    premise(text);
    expect(detectOne(modelText("Order", text), "heated").probability).toBeLessThan(0.4);
    expect(run(text)).toEqual([]);
  });
});

describe("no-heated-tone: the model's one point with the kept-waiting words, when the whole text reads heated", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Order", body: text }) });
  const probabilities = (text: string) => {
    const whole = detectOne(modelText("Order", text), "heated").probability;
    return { whole, strongest: detectMax(modelText("Order", text), "heated").probability };
  };

  it.each([
    ["The nappies were not delivered. This is the second time this month.", "is the second"],
    ["The invoice was wrong. I was told it would be fixed.", "I was told"],
    ["The nappies were not delivered. I already explained the address on the phone.", "I already explained"],
  ])("%s", (text, evidence) => {
    // The premise: the model's one point (under modelStrong), on the whole text.
    const { whole, strongest } = probabilities(text);
    expect(whole).toBeGreaterThanOrEqual(0.4);
    expect(strongest).toBeLessThan(0.7);
    expect(String(run(text)[0]?.evidence)).toContain(evidence);
  });

  it("does not count the weakest words ('never', 'nothing') with the model's one point", () => {
    const text = "The nappies were not delivered and I have heard nothing from your office.";
    const { whole, strongest } = probabilities(text);
    expect(whole).toBeGreaterThanOrEqual(0.4);
    expect(strongest).toBeLessThan(0.7);
    expect(run(text)).toEqual([]);
  });

  it("does not count them when only one sentence of a calm e-mail reads heated", () => {
    const text = "We had a lovely trip to the farm. The children fed the lambs. The invoice was wrong. I was told it would be fixed.";
    const { whole, strongest } = probabilities(text);
    expect(strongest).toBeGreaterThanOrEqual(0.4);
    expect(whole).toBeLessThan(0.4);
    expect(run(text)).toEqual([]);
  });
});

describe("no-heated-tone: a refusal in the first person ('I'm not paying', 'I am not going to…') completes the model's two points", () => {
  const options = { modelStrong: 0.4 };
  const premise = (text: string) => expect(detectMax(modelText("Order", text), "heated").probability).toBeGreaterThanOrEqual(0.4);
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options });

  it.each([
    ["The nappies were not delivered. I'm not paying for a second delivery.", "I'm not paying"],
    ["The nappies were not delivered. I am not signing the delivery note.", "I am not signing"],
    ["The nappies were not delivered. I’m not going to ring your office about it.", "I’m not going"],
    ["The nappies were not delivered. I am not prepared to wait another week.", "I am not prepared"],
    ["The nappies were not delivered. I won't order from your office again.", "I won't"],
  ])("%s", (text, evidence) => {
    premise(text);
    expect(String(run(text)[0]?.evidence)).toContain(evidence);
  });

  it.each([
    // Saying, crying, complaining, hearing: no refusal.
    "The nappies were not delivered. I'm not saying the driver was late.",
    "The nappies were not delivered. I'm not complaining about the driver.",
    "The nappies were not delivered. I'm not hearing from the driver.",
    // A team stating its plans is no refusal, nor is standing firm on a quote.
    "The nappies were not delivered. We're not changing the order.",
    "The nappies were not delivered. I'm not going to accept the new price until Monday.",
    // Plans, not refusals.
    "The nappies were not delivered. I won't be in the office on Friday.",
    "The nappies were not delivered. I won't have the van until Monday.",
  ])("leaves alone: %s", (text) => {
    premise(text);
    expect(run(text)).toEqual([]);
  });

  it("does not count it without the model", () => {
    const text = "The nappies were not delivered. I'm not paying for a second delivery.";
    expect(runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: someone's words quoted back and denied complete the model's points when the whole text reads heated", () => {
  const options = { modelStrong: 0.4 };
  const premise = (text: string) => expect(detectOne(modelText("Order", text), "heated").probability).toBeGreaterThanOrEqual(0.4);
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options });

  it.each([
    ["The nappies were not delivered. No, it is not \"a delay\".", "a delay"],
    ["The nappies were not delivered. This is not a \"small mistake\".", "small mistake"],
    ["The nappies were not delivered, and I don't call that “out for delivery”.", "out for delivery"],
  ])("%s", (text, evidence) => {
    premise(text);
    expect(String(run(text)[0]?.evidence)).toContain(evidence);
  });

  it.each([
    // A quotation with no denial next to it, or one far from it.
    "The nappies were not delivered. The box was marked \"fragile\" and left at the gate.",
    "The nappies were not delivered. The box, marked \"fragile\", was left by the gate, which I did not expect.",
    // "no more than" is a quantity, not a denial.
    "The nappies were not delivered. We order no more than \"two packs\" a week.",
    // A long quotation is someone's words reported, not a word thrown back.
    "The nappies were not delivered. The driver wrote \"left with a neighbour at the gate\" and that is not true.",
  ])("leaves alone: %s", (text) => {
    premise(text);
    expect(run(text)).toEqual([]);
  });

  it("does not count it without the model", () => {
    const text = "The nappies were not delivered. No, it is not \"a delay\".";
    expect(runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: blame of nobody beside a quotation thrown back completes the model's two points when the whole text reads heated", () => {
  const options = { modelStrong: 0.4 };
  const premise = (text: string) => expect(detectOne(modelText("Order", text), "heated").probability).toBeGreaterThanOrEqual(0.4);
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options });

  it.each([
    ["The nappies were not delivered. Your driver called it \"a delay\", and nobody at your office answers the phone.", "nobody"],
    ["The nappies were not delivered. It was “on the van” all week. No one at your office knows where the van is.", "No one"],
  ])("%s", (text, evidence) => {
    premise(text);
    expect(String(run(text)[0]?.evidence)).toContain(evidence);
  });

  it.each([
    // One of the two alone.
    "The nappies were not delivered. Nobody at your office answers the phone.",
    "The nappies were not delivered. Your driver called it \"a delay\".",
    // A quotation that names something is not thrown back.
    "The nappies were not delivered. The box is labelled as \"express\" and nobody was at home.",
    "If nobody objects, I will rename the branch to \"main\" on Friday.",
    // A condition is no blame.
    "The nappies were not delivered. If nobody is in, the driver leaves a \"sorry we missed you\" card.",
    // "nobody" inside the quotation is the quotation's word.
    "The nappies were not delivered. The note on the door said \"nobody home\".",
  ])("leaves alone: %s", (text) => {
    premise(text);
    expect(run(text)).toEqual([]);
  });

  it("counts them only when the model finds the whole text heated, not one sentence of it", () => {
    const text = "We had a lovely trip to the farm. The children fed the lambs and nobody got muddy. The \"mud kitchen\" was closed.";
    expect(detectMax(modelText("Order", text), "heated").probability).toBeGreaterThanOrEqual(0.4);
    expect(detectOne(modelText("Order", text), "heated").probability).toBeLessThan(0.4);
    expect(run(text)).toEqual([]);
  });

  it("does not count them without the model", () => {
    const text = "The nappies were not delivered. Your driver called it \"a delay\", and nobody at your office answers the phone.";
    expect(runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options: noModel })).toEqual([]);
  });
});

describe("no-heated-tone: calm mail quoting the name of a form, session or song beside nobody / no one is not blame (default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // Reminders, thanks, good news and requests a nursery writes every week: a report of what
  // happened (has signed, was hurt, forgot, expected), not a sweeping present.
  it.each([
    'Nobody has signed the "fire drill" sheet yet, could you all do it by Friday?',
    'Thanks for the quick turnaround. Nobody expected the "draft" so soon.',
    'There was a small spill in the kitchen. Nobody was hurt, and the "incident" form is done.',
    'No one was hurt in the fall and the "accident" form has been signed by Dad at pick-up.',
    'Nobody has booked a slot for the "stay and play" session on Tuesday yet, so please pass the word on to parents.',
    'Just a reminder that nobody has filled in the "allergies" column on the trip list. Could you add yours by Wednesday?',
    'Good news: nobody caught the sickness bug, so the "quiet room" is open again from Monday.',
    'The children sang "five little ducks" at the concert and nobody forgot the words. Thank you all!',
    'Lovely to see Mia settling in. She said "thank you" to the cook today and nobody had to remind her.',
    'No one has logged in to the "parent portal" this week, so I have sent the link again. Please let me know if it does not work.',
    'Quick update: the "mud kitchen" is finished and nobody needs to bring wellies on Friday after all.',
    'We read "the gruffalo" at story time and no one wanted it to end. Such a lovely afternoon.',
    'Thank you for organising the "bring and share" lunch. Nobody went home hungry!',
    'Nobody has collected the "lost property" box yet. It will go to the charity shop next Friday.',
    'Could you check the "sleep" log before you go? Nobody has signed it since lunch.',
    'Just to let you know nobody is using the "sensory" room on Wednesday morning, so it is free if you need it.',
    'Nobody from the "little stars" room is off sick today, which is great news.',
    'The inspector asked about the "key person" approach and nobody was lost for words. Well done, team!',
    'Nobody has claimed the blue coat in the "toddlers" cloakroom, does anyone recognise it?',
    'Please remember to tick the "nappy" chart after each change. Nobody has done Monday yet.',
    'Great news, no one needs to repeat the "first aid" course this year as the certificates are still valid.',
    'Jack\'s mum said "thank you so much" for the birthday card. Nobody forgot to sign it in the end!',
    'I have put the "summer trip" letter in the pigeon holes. No one has returned a slip yet, so a gentle reminder at pick-up would help.',
    'Nobody has answered the "volunteers" post in the staff group. Would anyone like to help at the fun day?',
    'Thanks, everyone. No one missed the "safeguarding" refresher, so we are all up to date.',
    'Nobody has put their name down for the "tidy up" song leader this week. Any takers?',
    'The fire alarm went off during the "quiet time" nap, but no one was frightened and we were out in two minutes.',
    'Nobody has used the "spare" key since it was cut, and it is back in the safe now.',
    'Just checking: nobody has moved the "outdoor play" risk assessment, have they? I cannot find it in the folder.',
    'We have the "healthy eating" award! Nobody else in the borough got it this year. Thank you all for your hard work.',
    'Nobody has told me about a change to the "late pick-up" list, so I will use last week\'s. Shout if that is wrong.',
    'Sam did really well today. He said "my turn" and waited, and nobody had to step in.',
    'Nobody is booked on the "forest school" trip for Friday yet. Please sign up on the sheet by the door.',
    'No one has any allergies on the "cooking club" list this term, so we can use the usual recipe.',
    'Happy Friday! Nobody was late this week and the "early bird" chart is full of stickers.',
    'The printer is fixed. Nobody needs to use the "backup" printer in the office any more.',
    'Nobody has returned the "library" books from last week. Could you remind parents at home time, please?',
    'As you asked, I checked the "medicine" log and no one has given Calpol today.',
    'Thanks for covering. Nobody noticed the "wobbly" table had been swapped, the children just carried on.',
    'I saw the "new starter" pack has gone out. Nobody has asked me any questions yet, which is a good sign.',
    'Nobody took the "spare" cardigans home, so they are still in the basket.',
    'We tried the new "calm down" corner today; no one used it much, but we will keep going.',
    'Nobody replied to the "parking" survey, so I will send it again next week.',
    'The "toddler" group finished early and nobody minded the rain.',
    'I checked the "outdoor" store and no one can find the parachute. Do you know where it went?',
    'Nobody wants to miss the "teddy bears picnic", so we have moved it indoors.',
    'Nobody signed up for the "cake sale" stall yet, could you ask at the gate?',
    'Nobody touched the "wet paint" sign, the children were very careful.',
    'Nobody in the "baby room" has chickenpox, it was a false alarm.',
  ])("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // Contempt: a scornful quotation and a sweeping "nobody" (trusts, reads, can, asked for).
  it.each([
    'I see the "urgent" rota change nobody asked for has gone out again.',
    'Another "refactor" nobody asked for, and now the build is broken. Again.',
    'Your "quick fix" broke the register for the whole morning and nobody in your team even noticed.',
    'So the "new system" is live. Nobody trained us, nobody asked us, and now it is our fault when it goes wrong.',
    'Cancelled because of "staffing"? Again? This is exactly why nobody trusts the office any more.',
    'Oh great, another "improvement" nobody wanted. Who signed this off?',
    'Your "policy" is a joke. Nobody reads it, nobody follows it, and you know it.',
    'Ah yes, the "temporary" workaround from 2019 that nobody dares to touch. Brilliant.',
    'You call this a "plan"? Nobody in this building believes a word of it.',
    'Apparently it was "communicated". Nobody got the email, nobody saw the notice, and the parents turned up to a locked door.',
    'The "consultation" was a sham. Nobody listens to the staff and you all know it.',
    'Another "exciting opportunity" that means more work for less pay. No wonder nobody stays here longer than a year.',
    'Your "feedback" was three words long. Nobody can improve on that, can they?',
    'So the "deep clean" happened, did it? Nobody would know from the state of the kitchen.',
    'Your "quick win" took three weeks. Nobody here believes the next estimate, and nobody should.',
    'This "streamlined" form takes twice as long. Nobody who actually uses it was asked.',
    'Your "urgent" request sat in my inbox for a week because nobody bothered to tell me it existed. Ridiculous.',
    'The so-called "upgrade" deleted half our photos and nobody at head office will even pick up the phone.',
    'Yet another "team building" day nobody wanted, on a Saturday, unpaid. Unbelievable.',
    'Of course the "review" found nothing. Nobody was ever going to admit it was their fault.',
  ])("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });
});

describe("no-heated-tone: 'don't tell me…' is a mild sign", () => {
  const run = (text: string) => runRule(rule, { draft: body(text), options: noModel });

  it("reports it beside another kind of sign", () => {
    expect(String(run("Don't tell me she was asleep all afternoon. Again.")[0]?.evidence)).toContain("Don't tell me");
  });

  it.each([
    // Alone it is one point.
    "Don't tell me she was asleep all afternoon.",
    // Asking to be told is no sign.
    "Please tell me when the van arrives. Again, thanks.",
  ])("leaves alone: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("no-heated-tone: 'I'm sorry <something>, but' is no apology", () => {
  const options = { modelStrong: 0.4 };
  const strong = (text: string) => expect(detectMax(modelText("Order", text), "heated").probability).toBeGreaterThanOrEqual(0.4);
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Order", body: text }), options });

  it.each([
    ["I'm sorry you feel that way, but the nappies were not delivered and the office is closed.", "sorry you feel that way, but"],
    ["I am sorry to say this, but the nappies were not delivered and the office is closed.", "sorry to say this, but"],
    ["i'm sorry , but the nappies were not delivered and the office is closed .", "sorry , but"],
  ])("%s", (text, evidence) => {
    strong(text);
    expect(String(run(text)[0]?.evidence)).toContain(evidence);
  });

  it.each([
    // Sorry for or about something, or for oneself: an apology.
    "I'm sorry for the delay, but the nappies were not delivered and the office is closed.",
    "I'm sorry about the van, but the nappies were not delivered and the office is closed.",
    "Sorry if I missed it, but the nappies were not delivered and the office is closed.",
  ])("leaves alone: %s", (text) => {
    strong(text);
    expect(run(text)).toEqual([]);
  });
});

describe("no-heated-tone: a curt one-word sentence written with a space before its full stop", () => {
  const run = (text: string) => runRule(rule, { draft: body(text), options: noModel });

  it("counts 'again .' as 'again.'", () => {
    expect(String(run("frankly , the nappies were not delivered . again .")[0]?.evidence)).toContain("again");
  });

  it("does not count a word that is no curt remark", () => {
    expect(run("frankly , the nappies were not delivered . thanks .")).toEqual([]);
  });
});

describe("no-heated-tone: words someone else said, written down to record them, are not the sender's heat (default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // Incident and accident forms, behaviour logs, complaint summaries, safeguarding notes.
  it.each(CALM_RECORDS)("calm record: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // The sender's own anger beside the words reported still counts.
  it.each(HEATED_REPORTS)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  it("does not take an order for a report ('Don't call me…')", () => {
    expect(String(run("Don't call me stupid, you absolute idiot. I've had enough of this.")[0]?.evidence)).toContain("stupid");
  });
});

describe("no-heated-tone: words quoted in single quotation marks ('…', ‘…’) are someone else's (default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // Complaint replies echoing a parent's words, incident logs, "how do I reply?" with the mail below.
  it.each(CALM_SINGLE_QUOTED)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // Scare quotes and thrown-back words: the anger outside the quotation marks still counts.
  it.each(HEATED_SINGLE_QUOTED)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });
});

describe("no-heated-tone: anger at oneself, owning up to a slip, is not heat aimed at the reader (default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "I'm furious with myself", "Ugh, I'm so stupid, I sent the wrong attachment", "I completely forgot", with a "sorry".
  it.each(CALM_SELF)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "Sorry, but I am furious with you…", "I hate it when you…": the reader is blamed.
  it.each(HEATED_AT_READER)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  it("needs the writer to own up or put it right: a grumble at oneself alone still counts", () => {
    expect(run("Ugh, I'm so stupid. Honestly I'm so annoyed and furious right now.").map((f) => f.messageId)).toContain("heated");
  });
});

describe("no-heated-tone: mock scolding and a friendly \"you lot\" (BANTER18; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "You lot are the best team I've ever worked with", "I'm not your mother but do take a brolly 🙂"
  it.each(KIND_SCOLDING)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "I'm not your mum. Clean up your own mess…", "You lot are useless."
  it.each(HEATED_SCOLDING)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });
});

describe("no-heated-tone: blame in plain words (BLAME19; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "You lied to me.", "Shame on all of you.", "You had no right to…", "you let my daughter down";
  // "You are a liar…" is blocked as abuse, which counts too.
  it.each(HEATED_BLAME)("heated: %s", (text) => {
    const draft = makeDraft({ subject: "Note", body: text });
    expect(runRule(rule, { draft }).length + runRule(abusive, { draft }).length).toBeGreaterThan(0);
  });

  // "I had no right of way", "we let the children down the slide", "shame on me", "Mum said we lied"
  it.each(CALM_BLAME)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("no-heated-tone: counting repeats in a polite request or about a thing (BLAME19; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "Just a gentle reminder, this is the second time…", "Third time this week the tablet's died"
  it.each(POLITE_COUNTS)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "This is the THIRD time I have asked… Sort it out."
  it.each(HEATED_COUNTS)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });
});

describe("no-heated-tone: sarcasm (SARC19; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "Fab, I'm on the late again. Third time this week. Thanks team."
  it.each(SARCASTIC)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  // "Wow, a reply within a month. Very impressive.": mock praise with no grievance word, not found yet.
  it.failing.each(SARCASTIC_NOT_YET)("heated (not yet): %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  // "Thanks a lot for covering again, you're a star", "as always, lovely to see the children"
  it.each(SINCERE)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("no-heated-tone: moaning about things, and fed up with people (SARC19; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "I'm sick of this rain, the garden's a swamp again."
  it.each(MOANS_AT_THINGS)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "I'm sick of you ignoring my e-mails", "fed up with being left on my own"
  it.each(FED_UP_AT_PEOPLE)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  // "…the photocopier jamming, it's a joke." and "Sick of being blamed…": not yet right.
  it.failing.each(MOANS_AT_THINGS_NOT_YET)("calm (not yet): %s", (text) => {
    expect(run(text)).toEqual([]);
  });
  it.failing.each(FED_UP_AT_PEOPLE_NOT_YET)("heated (not yet): %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });
});

describe("no-heated-tone: frustration in code review and work mail without strong words (HEAT20; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "What is the point of having a rota if nobody follows it?", "…breaks login. Great."
  it.each(HEATED_REVIEW)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  // "Maybe read the policy before quoting it at me.", "…a template reply. Wonderful.": not found yet.
  it.failing.each(HEATED_REVIEW_NOT_YET)("heated (not yet): %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  // "What is the point of this flag? I can't see where it's read.", "Great, thanks, merging."
  it.each(CALM_REVIEW)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "What is the point at which we ring parents…", warned before HEAT20 as now.
  it.failing.each(CALM_REVIEW_NOT_YET)("calm (not yet): %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("no-heated-tone: heated review, list and business mail with no hostile word (HEAT21; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "No. Just no. We are not merging…I don't care how…", "…for forty minutes… That is not ok."
  it.each([...HEATED_PROBE20, ...HEATED_GRIEVANCE])("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  // "Stop cc'ing the whole department…", "You didn't read the handover, you didn't…": not found yet.
  it.failing.each([...HEATED_PROBE20_NOT_YET, ...HEATED_GRIEVANCE_NOT_YET])("heated (not yet): %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });

  // "No, this breaks the ABI; please split it.", "Who signed off the rota change? I need to update the payroll."
  it.each(CALM_GRIEVANCE)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "Seriously, who thought of the pirate theme?", warned before HEAT21 as now.
  it.failing.each(CALM_GRIEVANCE_NOT_YET)("calm (not yet): %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("no-heated-tone: polite reminders, apologies and notices (CALM20; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "This is the third reminder about the unpaid invoice (£412.50). Please pay by Friday…"
  it.each(CALM_REMINDERS)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  it.failing.each(CALM_REMINDERS_NOT_YET)("calm (not yet): %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "This is the THIRD reminder and I'm sick of chasing you…"
  it.each(HEATED_REMINDERS)("heated: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("heated");
  });
});

describe("no-heated-tone: the writer as the target, a joke taken back, notices and reports (CALM21; default options, the model on)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "Git blame says I wrote this garbage in 2019. Sorry everyone, I was young and stupid.",
  // "Who keeps stealing my yogurts from the fridge?? … (Joking. Mostly.)"
  it.each([...SELF_AS_TARGET, ...THING_AS_TARGET, ...JOKE_TAKEN_BACK, ...PLAIN_NOTICES, ...CONDEMNS_ABUSE, ...HOAX_WARNINGS, ...QUOTED_IN_RECORDS])("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  it.failing.each([...SELF_AS_TARGET_NOT_YET, ...THING_AS_TARGET_NOT_YET, ...JOKE_TAKEN_BACK_NOT_YET, ...PLAIN_NOTICES_NOT_YET, ...CONDEMNS_ABUSE_NOT_YET])("calm (not yet): %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "I was stupid to trust you with the rota. Never again.", "Are you kidding me? …", "Kidding aside, …"
  it.each(HEATED_COUNTERPARTS)("heated: %s", (text) => {
    const draft = makeDraft({ subject: "Note", body: text });
    expect(runRule(rule, { draft }).length + runRule(abusive, { draft }).length).toBeGreaterThan(0);
  });

  it.failing.each(HEATED_COUNTERPARTS_NOT_YET)("heated (not yet): %s", (text) => {
    const draft = makeDraft({ subject: "Note", body: text });
    expect(runRule(rule, { draft }).length + runRule(abusive, { draft }).length).toBeGreaterThan(0);
  });
});

describe("no-heated-tone and no-abusive-language: a rough word aimed at a thing, an animal or the writer, a courteous softener (CALM22; default options, the model on)", () => {
  const draft = (text: string) => makeDraft({ subject: "Note", body: text });
  const both = (text: string) => [...runRule(rule, { draft: draft(text) }), ...runRule(abusive, { draft: draft(text) })];
  const calm = [...things.AT_THINGS, ...things.AT_ANIMALS, ...things.AT_WRITER, ...things.SOFTENERS];
  const notYet = [...things.AT_THINGS_NOT_YET, ...things.AT_ANIMALS_NOT_YET, ...things.AT_WRITER_NOT_YET, ...things.SOFTENERS_NOT_YET];

  // "This printer is so stupid, it jammed three times", "My cat is such an idiot", "What an idiot I am", "Sorry to nag, but could I…"
  it.each(calm)("calm: %s", (text) => {
    expect(both(text)).toEqual([]);
  });

  it.failing.each(notYet)("calm (not yet): %s", (text) => {
    expect(both(text)).toEqual([]);
  });

  // The same mails, read by the abusive rule alone: an insult said of a pet, a thing or the writer's own doing is no abuse.
  it.each([...calm, ...notYet].filter((text) => !things.ABUSE_NOT_YET.includes(text)))("not abuse: %s", (text) => {
    expect(runRule(abusive, { draft: draft(text) })).toEqual([]);
  });

  it.failing.each(things.ABUSE_NOT_YET)("not abuse (not yet): %s", (text) => {
    expect(runRule(abusive, { draft: draft(text) })).toEqual([]);
  });

  // "My manager is such an idiot", "Your kid is a little idiot", "What an idiot you are"
  it.each(things.INSULTS_AT_PEOPLE)("abusive: %s", (text) => {
    expect(runRule(abusive, { draft: draft(text) }).map((f) => f.messageId)).toContain("abusive");
  });

  // "The parents in Room 2 are disgusting", "Sorry to nag, but this is the FOURTH time I've asked and frankly it's pathetic"
  it.each(things.HEAT_AT_PEOPLE)("heated: %s", (text) => {
    expect(both(text).length).toBeGreaterThan(0);
  });
});

describe("no-heated-tone: heat with no hot word in how a sentence is built (HEAT23)", () => {
  const run = (text: string, options = {}) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }), options });
  // Each sign alone: one point is enough, the model is off.
  const alone = (text: string) => run(text, { threshold: 1, ...noModel })[0]?.evidence ?? "";

  // "…Fix it. Today.", "…Reopen it.", "…Spare me.": HEAT23's sign for them (train heated e-mail-like +15
  // rows, dev +4, no calm row more) was left out in round 23 for room in the on-send bundle; each fails
  // here once a sign finds it.
  it.failing.each(ORDERS)("a bare order (not yet): %s", (text, order) => {
    expect(alone(text)).toContain(`“${order}”`);
  });

  // "Please fix the typo in line 3.", "Found it!", "use it or lose it!"
  it.each(ORDERS_CALM)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
    expect(alone(text)).not.toMatch(/ (?:it|this|that|them|me)”/);
  });

  // "If this isn't sorted by Friday I'm going to the director.", "…I'll be telling the chair exactly why":
  // HEAT23's sign for them (dev heated e-mail-like +11 rows, train +15, no calm row more) was left out in
  // round 23: it found none more on the test split or the blind probe23, and the bundle had no room for
  // it without pruning the chain head (which warned a safeguarding reminder on probe23). Each fails here
  // once a sign finds it.
  it.failing.each(ULTIMATUMS)("an ultimatum (not yet): %s", (text, threat) => {
    expect(alone(text)).toContain(`“${threat}”`);
  });

  // "If it isn't sorted by Friday, let me know and I'll chase IT.", "If it isn't raining … we'll be going to the park"
  it.each(ULTIMATUMS_CALM)("calm: %s", (text) => {
    expect(run(text)).toEqual([]);
    expect(run(text, { threshold: 1, ...noModel })).toEqual([]);
  });
});
