import * as fs from "fs";
import * as path from "path";
import rule, {
  ABUSIVE_CATEGORIES,
  ABUSIVE_WORD_LISTS,
  SELECTABLE_CATEGORIES,
  defaultAbusiveOptions,
  findAbusiveLanguage,
  firstAbusiveHits,
  firstPerCategory,
  maskTerm,
} from "./no-abusive-language";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";
import { interpolate } from "../engine/interpolate";
import { normalizeTerm } from "../detect/lexicon";
import { LOOKS_OF_THINGS } from "../../../test/fixtures/looks/things";
import { INSULTS_AT_OTHERS, JOKING_THREATS, REAL_THREATS, SELF_INSULTS, TREATED_LIKE } from "../../../test/fixtures/banter/banter";
import { CALM_HARM_WORDS, HARM_THREATS, PLAIN_INSULTS } from "../../../test/fixtures/harm/harm";
import { CALM_GROUP_WORDS, GROUP_HATE, GROUP_HATE_MISSED } from "../../../test/fixtures/hate/hate";
import { CALM_GROUP_DEVALUED, CALM_GROUP_THEN_THEM, GROUP_DEVALUED, GROUP_THEN_THEM } from "../../../test/fixtures/hate/referred";
import { CALM_PLAIN_GROUP_WORDS, CALM_THREAT_WORDS, PLAIN_GROUP_HATE, THREATS, THREATS_MISSED } from "../../../test/fixtures/threat/threat";
import { CALM_HARASS_WORDS, CALM_SIGN_WORDS, HARM_WISHES, LOOKS_INSULTS, SEXUAL_REMARKS } from "../../../test/fixtures/harass/harass";
import { AIMED_INSULTS, CALM_AIMED_WORDS, CALM_VANISH_WORDS, VANISH_AND_PILE_ON } from "../../../test/fixtures/aimed/aimed";

const FIXTURES = path.join(__dirname, "../../../test/fixtures/no-abusive-language");
const readLines = (file: string): string[] =>
  fs
    .readFileSync(path.join(FIXTURES, file), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));

const body = (text: string): Record<string, unknown> => makeDraft({ body: text });
const obscene = (word: string) => ({ messageId: "abusive", field: "body" as const, data: { category: "obscene", word } });

runRuleTests(rule, {
  valid: [
    { name: "ordinary staff e-mail", draft: makeDraft() },
    { name: "Scunthorpe, assessment, class", draft: body("The Scunthorpe class assessment is on Friday.") },
    { name: "anatomical and safeguarding vocabulary", draft: body("Please record any disclosure about a penis, vagina, rape or sexual abuse for the DSL.") },
    { name: "coarse words are off by default", draft: body("It was a hell of a good day, bloody brilliant.") },
    { name: "allowWords suppresses a word", draft: body("Dick will run the session."), options: { allowWords: ["dick"] } },
    { name: "disabled category", draft: body("What an idiot."), options: { categories: ["obscene"] } },
    { name: "quoted history is not judged", draft: body("Thanks, will do.") },
    { name: "innocent sentences", draft: body(readLines("innocent-messages.txt").join("\n\n")) },
  ],
  invalid: [
    { name: "plain obscenity", draft: body("This is fucking ridiculous."), errors: [obscene("f•••")] },
    {
      name: "in the subject",
      draft: makeDraft({ subject: "sh1t rota" }),
      // The evidence quotes the sender's own spelling (issue 10); the message keeps the term masked.
      errors: [{ messageId: "abusive", field: "subject", data: { category: "obscene", word: "s•••" }, evidenceIncludes: ["sh1t"], evidenceExcludes: ["s•••"] }],
    },
    {
      name: "evidence as written: case and hyphens kept",
      draft: body("He's a Poof, and a f-u-c-k-i-n-g idiot"),
      errors: [
        { messageId: "abusive", data: { category: "homophobic or transphobic" }, evidenceIncludes: ["Poof"], evidenceExcludes: ["poof"] },
        { messageId: "abusive", data: { category: "obscene" }, evidenceIncludes: ["f-u-c-k-i-n-g"] },
        { messageId: "abusive", data: { category: "insulting" }, evidenceIncludes: ["idiot"] },
      ],
    },
    { name: "spaced out", draft: body("f u c k off"), errors: [obscene("f•••")] },
    { name: "dotted", draft: body("f.u.c.k"), errors: [obscene("f•••")] },
    { name: "hyphenated", draft: body("f-u-c-k"), errors: [obscene("f•••")] },
    { name: "repeated letters", draft: body("fuuuuuuuck"), errors: [obscene("f•••")] },
    { name: "zero-width characters", draft: body("f\u200Bu\u200Cc\u200Dk"), errors: [obscene("f•••")] },
    { name: "soft hyphen and word joiner", draft: body("sh\u00ADi\u2060t"), errors: [obscene("s•••")] },
    { name: "Cyrillic homoglyphs", draft: body("ѕһіt"), errors: [obscene("s•••")] },
    { name: "fullwidth", draft: body("ｆｕｃｋ"), errors: [obscene("f•••")] },
    { name: "mathematical letters", draft: body("𝐜𝐮𝐧𝐭"), errors: [obscene("c•••")] },
    { name: "accents", draft: body("fück"), errors: [obscene("f•••")] },
    { name: "l33t", draft: body("$h!t"), errors: [obscene("s•••")] },
    { name: "l33t digits", draft: body("b1tch"), errors: [obscene("b•••")] },
    { name: "asterisk", draft: body("f**k off"), errors: [obscene("f•••")] },
    { name: "whole word a$$", draft: body("what an a$$"), errors: [obscene("a•••")] },
    { name: "within a compound", draft: body("motherfucker"), errors: [obscene("f•••")] },
    { name: "racist slur", draft: body("n1gg3r"), errors: [{ messageId: "abusive", data: { category: "racist" } }] },
    { name: "homophobic slur", draft: body("such a f4ggot"), errors: [{ messageId: "abusive", data: { category: "homophobic or transphobic" } }] },
    { name: "a slur used alone (issue 10)", draft: body("what a faggot"), errors: [{ messageId: "abusive", data: { category: "homophobic or transphobic" } }] },
    { name: "a slur said of someone (issue 10)", draft: body("he's a poof"), errors: [{ messageId: "abusive", data: { category: "homophobic or transphobic" } }] },
    { name: "\"fag\" as a slur, not a cigarette", draft: body("Stop being such a fag"), errors: [{ messageId: "abusive", data: { category: "homophobic or transphobic" } }] },
    { name: "plural slur in a phrase", draft: body("a bunch of faggots"), errors: [{ messageId: "abusive", data: { category: "homophobic or transphobic" } }] },
    { name: "disablist slur", draft: body("that is retarded"), errors: [{ messageId: "abusive", data: { category: "disablist", word: "r•••" } }] },
    { name: "sexual content", draft: body("send nudes"), errors: [{ messageId: "abusive", data: { category: "sexually explicit" } }] },
    { name: "insult, shown unmasked", draft: body("You are an idiot."), errors: [{ messageId: "abusive", data: { category: "insulting", word: "you are an idiot" } }] },
    { name: "harassment", draft: body("Nobody likes you."), errors: [{ messageId: "abusive", data: { category: "harassing", word: "nobody likes you" } }] },
    { name: "threat: make you pay", draft: body("I'll make you pay for this."), errors: [{ messageId: "threat", data: { word: "i will make you pay" } }] },
    { name: "threat: watch your back", draft: body("Watch ur back."), errors: [{ messageId: "threat", data: { word: "watch your back" } }] },
    { name: "threat: you'll regret", draft: body("You'll regret this"), errors: [{ messageId: "threat", data: { word: "you will regret this" } }] },
    { name: "threat: I know where you live", draft: body("i know where u live"), errors: [{ messageId: "threat", data: { word: "know where you live" } }] },
    { name: "threat: kill you", draft: body("I will k1ll y0u"), errors: [{ messageId: "threat", data: { word: "kill you" } }] },
    {
      name: "several categories: threat first, one finding each",
      draft: body("You fucking idiot, watch your back. Fuck off, idiot."),
      errors: [
        { messageId: "threat", data: { category: "threatening" } },
        { messageId: "abusive", data: { category: "obscene" } },
        { messageId: "abusive", data: { category: "insulting" } },
      ],
    },
    { name: "coarse when enabled", draft: body("bloody hell"), options: { categories: ["coarse"] }, errors: [{ messageId: "abusive", data: { category: "coarse" } }] },
    { name: "extraWords", draft: body("What a numpty-wumpty."), options: { extraWords: ["wumpty"] }, errors: [{ messageId: "abusive", data: { category: "offensive", word: "w•••" } }], allowExtra: true },
    { name: "extraWords phrase", draft: body("You are a disgrace to the team."), options: { extraWords: ["disgrace to the team"], categories: [] }, errors: [{ messageId: "abusive", data: { category: "offensive" } }] },
  ],
});

describe("no-abusive-language data", () => {
  it("has a known category and well-formed terms in every file", () => {
    const seen = new Set<string>();
    for (const list of ABUSIVE_WORD_LISTS) {
      expect(Object.keys(ABUSIVE_CATEGORIES)).toContain(list.category);
      for (const mode of ["word", "prefix", "within", "phrase"] as const) {
        for (const term of list[mode]) {
          expect(term).toMatch(mode === "phrase" ? /^[a-z]+( [a-z]+)+$/ : /^[a-z]+$/);
          expect(normalizeTerm(term)).toBe(term);
          expect(seen.has(`${mode}:${term}`)).toBe(false);
          seen.add(`${mode}:${term}`);
        }
      }
      for (const [term, allows] of Object.entries(list.allow)) {
        const listed = [...list.word, ...list.prefix, ...list.within, ...list.phrase];
        expect(listed).toContain(term);
        // An allow string that does not contain its term could never cover a hit.
        for (const a of allows) expect(normalizeTerm(a)).toContain(term);
      }
    }
  });

  it("lists every selectable category once", () => {
    expect(new Set(ABUSIVE_WORD_LISTS.map((l) => l.category))).toEqual(new Set(SELECTABLE_CATEGORIES));
  });

  it("finds every listed term as written", () => {
    const all = { ...defaultAbusiveOptions, categories: [...SELECTABLE_CATEGORIES] };
    for (const list of ABUSIVE_WORD_LISTS) {
      for (const term of [...list.word, ...list.prefix, ...list.within, ...list.phrase]) {
        expect([term, findAbusiveLanguage(term, all).map((h) => h.category)]).toEqual([term, expect.arrayContaining([list.category])]);
      }
    }
  });
});

describe("nursery traps (issue 10)", () => {
  const sentences = readLines("nursery-traps.txt");
  const everything = { ...defaultAbusiveOptions, categories: [...SELECTABLE_CATEGORIES] };

  it("has many sentences", () => {
    expect(sentences.length).toBeGreaterThan(60);
  });

  it.each(sentences)("flags nothing in: %s", (sentence) => {
    expect(findAbusiveLanguage(sentence, everything).map((h) => h.shown)).toEqual([]);
  });
});

describe("innocent words", () => {
  const words = readLines("innocent-words.txt");
  const all = { ...defaultAbusiveOptions, categories: SELECTABLE_CATEGORIES.filter((c) => c !== "coarse") };

  it("has several hundred entries", () => {
    expect(words.length).toBeGreaterThan(500);
  });

  it("flags none of them, alone or in a sentence", () => {
    const flagged = words.filter((w) => findAbusiveLanguage(w, all).length > 0 || findAbusiveLanguage(`We talked about ${w} today.`, all).length > 0);
    expect(flagged).toEqual([]);
  });

  it("flags none of them when capitalised or accented", () => {
    const flagged = words.filter((w) => findAbusiveLanguage(w.toUpperCase(), all).length > 0);
    expect(flagged).toEqual([]);
  });
});

describe("obfuscated hits", () => {
  const hits: readonly [string, string][] = [
    ["fuck", "obscene"],
    ["FUCK", "obscene"],
    ["F U C K", "obscene"],
    ["f_u_c_k", "obscene"],
    ["f*ck", "obscene"],
    ["fck", ""],
    ["phuck", ""],
    ["fuxk", ""],
    ["fvck", ""],
    ["fuuuuuuuuuuuuuuuuck", "obscene"],
    ["ƒuck", "obscene"],
    ["ＦＵＣＫ", "obscene"],
    ["🇫🇺🇨🇰", "obscene"],
    ["sh1t", "obscene"],
    ["5h1t", "obscene"],
    ["$h!t", "obscene"],
    ["sh|t", "obscene"],
    ["bullshit", "obscene"],
    ["c u n t", "obscene"],
    ["cunt", "obscene"],
    ["c*nt", "obscene"],
    ["w4nker", "obscene"],
    ["b!tch", "obscene"],
    ["bast4rd", "obscene"],
    ["d1ckhead", "obscene"],
    ["a55hole", "obscene"],
    ["arsehole", "obscene"],
    ["tw4t", "obscene"],
    ["p0rn", "sexual"],
    ["sl*t", "sexual"],
    ["wh0re", "sexual"],
    ["n!gger", "racist"],
    ["n i g g a", "racist"],
    ["p4ki", "racist"],
    ["g0lliwog", "racist"],
    ["tr4nny", "homophobic"],
    ["r3tard", "disablist"],
    ["sp4stic", "disablist"],
    ["sp4z", "disablist"],
    ["m0ron", "insult"],
    ["1diot", "insult"],
    ["kys", "harassment"],
    ["k i l l yourself", "harassment"],
    ["kill urself", "harassment"],
    ["I'm gonna kill you", "threat"],
    ["ima k1ll u", ""],
    ["watch yo back", ""],
    ["W4TCH Y0UR B4CK", "threat"],
    ["y0u'll r3gret th1s", "threat"],
    ["you're dead", "threat"],
    ["I know where you live", "threat"],
    ["k n o w where you live", "threat"],
  ];
  const all = { ...defaultAbusiveOptions, categories: [...SELECTABLE_CATEGORIES] };
  it.each(hits.filter(([, c]) => c !== ""))("%s is %s", (text, category) => {
    expect(findAbusiveLanguage(`Hello, ${text}! Regards`, all).map((h) => h.category)).toContain(category);
  });
});

describe("messages say which kind (issue 10)", () => {
  /** The messages shown for a body, with each finding's evidence. */
  const shownFor = (text: string): { message: string; evidence: string | undefined }[] =>
    runRule(rule, { draft: body(text) }).map((d) => ({ message: interpolate(rule.meta.messages[d.messageId] as string, d.data), evidence: d.evidence }));

  it.each([
    ["what a faggot", "a homophobic or transphobic slur, which is discriminatory", "faggot"],
    ["he's a p4ki", "a racist or religious slur, which is discriminatory", "p4ki"],
    ["don't be a retard", "a disablist slur, which is discriminatory", "retard"],
    ["what the f***", "obscene language", "f***"],
    ["send nudes", "sexually explicit language", "send nudes"],
    ["You are an idiot.", "an insult, which is derogatory", "You are an idiot"],
  ])("%s: names %s and quotes the words only in the evidence", (text, kind, written) => {
    const [shown, ...rest] = shownFor(text);
    expect(rest).toEqual([]);
    expect(shown?.message).toContain(kind);
    expect(shown?.evidence).toContain(written);
    // A slur or obscenity is masked in the message; only the evidence quotes it.
    if (kind !== "an insult, which is derogatory") expect(shown?.message).not.toContain(written);
  });
});

describe("evidence", () => {
  it("masks words in the message and quotes them as written in the evidence", () => {
    expect(maskTerm("fuck")).toBe("f•••");
    expect(maskTerm("nig nog")).toBe("n••• n•••");
    const [hit] = findAbusiveLanguage("what the f.u.c.k", defaultAbusiveOptions);
    expect(hit?.shown).toBe("f•••");
    expect(hit && "what the f.u.c.k".slice(hit.start, hit.end)).toBe("f.u.c.k");
    expect(hit?.written).toBe("f.u.c.k");
  });
});

describe("large and pathological input", () => {
  // Deterministic: what is found, not how fast. Speed and linear growth are measured by npm run bench.
  /** Hits counted by category and masked word. */
  function summary(text: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const hit of findAbusiveLanguage(text, defaultAbusiveOptions)) counts[`${hit.category} ${hit.shown}`] = (counts[`${hit.category} ${hit.shown}`] ?? 0) + 1;
    return counts;
  }
  const para =
    "Dear parents, this week we have been reading The Very Hungry Caterpillar and making butterfly prints with the children in Class R. Please send wellies! ";

  it.each([
    ["1 MB of ordinary text", para.repeat(Math.ceil(1_000_000 / para.length)), {}],
    ["4 MB of ordinary text", para.repeat(Math.ceil(4_000_000 / para.length)), {}],
    ["50 KB of one character", "a".repeat(50_000), {}],
    ["50 KB of exclamation marks", "!".repeat(50_000), {}],
    ["50 KB of i-or-l markers", "1l".repeat(25_000), {}],
    ["50 KB of asterisks", `a${"*".repeat(50_000)}b`, {}],
    // 50,000 spaced-out letters are read as 782 words of at most 64 letters, each holding the word.
    ["spaced-out letters", "f u c k ".repeat(12_500), { "obscene f•••": 782 }],
    ["obfuscated words", "5h1t 4$$ f*ck ѕһіt f\u200Buck ".repeat(2_000), { "obscene s•••": 4_000, "obscene a•••": 2_000, "obscene f•••": 4_000 }],
  ])("checks %s and finds what it should", (_name, text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  // What the rules report: the first hit of each category, read without judging every repeat.
  const MB = 1_048_576;
  const fill = (s: string): string => s.repeat(Math.ceil(MB / s.length)).slice(0, MB);
  it.each([
    ["1 MB of slurs", fill("gook raghead f**k faggot "), ["racist gook", "homophobic faggot", "obscene f**k"]],
    ["1 MB of one slur", fill("faggot "), ["homophobic faggot"]],
    ["1 MB of l33t", fill("5h1t 4$$ f*ck ѕһіt f\u200Buck "), ["obscene 5h1t"]],
    ["1 MB of spaced-out letters", fill("f u c k "), ["obscene f u c k f u c k"]],
    ["1 MB of threats", fill("i will kill you, watch your back. "), ["threat kill you"]],
    ["1 MB of innocent look-alikes", fill("faggots and peas, spotted dick, Scunthorpe, blue tits. "), []],
    ["1 MB of traps, then a slur", `${fill("Spotted dick and custard. ")} What a dick.`, ["obscene dick"]],
  ])("reports the first of each kind in %s", (_name, text, expected) => {
    expect(firstAbusiveHits(text, defaultAbusiveOptions).map((h) => `${h.category} ${h.written.slice(0, 15)}`)).toEqual(expected);
  });

  it("reports what the full search reports, on mixed text", () => {
    const text = "Spotted dick. You f**king idiot, watch ur back! A f4ggot, sh1t, c u n t, and a twat. ".repeat(30) + "nobody likes you";
    expect(firstAbusiveHits(text, defaultAbusiveOptions)).toEqual(firstPerCategory(findAbusiveLanguage(text, defaultAbusiveOptions)));
  });
});

describe("records that quote someone else's words (issue 10)", () => {
  const found = (text: string): string[] => runRule(rule, { draft: body(text) }).map((d) => `${String(d.data?.category)}: ${String(d.evidence)}`);

  it.each([
    "Incident log 14:20. Dad shouted \"you stupid cow\" at the receptionist and left. Police not called.",
    "Safeguarding note: Child A called Child B a 'spaz' at lunch. Both spoken to; parents told at pick-up.",
    "HR file: during the meeting on 3 May he used the word 'retard' about a colleague. Statement attached.",
    "Complaint summary - the caller said the manager was an idiot and that she would \"f***ing sort us out\".",
    "Subject access request: the messages include ‘you fat slag’ and ‘nobody wants you here’, sent by the ex-partner.",
    "At drop off Dad shouted ‘you stupid cow’ at Mum in the car park. The children’s key person saw it; DSL informed.",
    "Logged at 10.05: the caller said 'you're all f***ing useless' and hung up. Parents' evening list attached.",
  ])("does not warn about a record: %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ["You're a 'professional', my arse. Sort it out.", "obscene"],
    ["He said it was \"fine\". She IS a stupid cow.", "insulting"],
    ["I'll tell everyone you're a 'slag' if you go to SMT.", "insulting: slag"],
    ["Our ‘manager’ is a useless cow and everyone knows it.", "insulting"],
    ["What a \"fucking\" shambles this rota is.", "obscene"],
  ])("still warns about the sender's own words: %s", (text, category) => {
    expect(found(text).join(" | ")).toContain(category);
  });

  it("finds the sender's own use of words quoted earlier in the same message", () => {
    const text = "For the file: Mr B called her an idiot at the door. Honestly, Jo was an idiot to wind him up.";
    expect(found(text)).toEqual(["insulting: idiot"]);
    expect(runRule(rule, { draft: body(text) })[0]?.evidence).toBe("idiot");
  });

  it("does not warn about a long log of quoted incidents", () => {
    const log = Array.from({ length: 40 }, (_, i) => `${i + 1}. Visitor shouted "you fucking idiot" at the driver.`).join("\n");
    expect(found(log)).toEqual([]);
  });

  const record = "He shouted \"you fucking idiot\" at the driver. ";

  it("still finds the sender's own words after 50,000 characters of quoted records", () => {
    const text = record.repeat(Math.ceil(50_000 / record.length));
    expect(found(`${text}\nNow listen, you prick.`)).toContain("insulting: you prick");
  });

  it("judges a text over 100,000 characters as it is (every hit counts)", () => {
    expect(found(record.repeat(Math.ceil(1_048_576 / record.length)))).toEqual(["obscene: fucking", "insulting: idiot"]);
  });
});

describe("abuse in ordinary words: insult frames and phrases (issue 10)", () => {
  const found = (text: string, options?: Record<string, unknown>): string[] =>
    runRule(rule, { draft: body(text), ...(options ? { options } : {}) }).map((d) => `${String(d.data?.category)}: ${String(d.evidence)}`);

  it.each([
    ["Honestly, you pathetic little worm.", "insulting: you pathetic little worm"],
    ["He's a smug lazy tramp.", "insulting: He's a smug lazy tramp"],
    ["Immigrants are vermin.", "racist"],
    ["I know where your kids go to school.", "threatening: I know where your kids go to school"],
    ["Would be a shame if something happened to your car.", "threatening: shame if something happened to your"],
    ["She only got the job because of her looks.", "harassing"],
    ["Women belong in the kitchen.", "insulting"],
  ])("warns about %s", (text, expected) => {
    expect(found(text).join(" | ")).toContain(expected);
  });

  it("does not warn about a record that quotes the words", () => {
    expect(found('Incident log: the visitor shouted "you disgusting fat pig" at a parent in the car park. Police called.')).toEqual([]);
  });

  it("does not warn about farm visits, role play or lost property", () => {
    expect(found("What a whale of a time at the farm: the children loved the pig. In the play he's a little pig. I know where your kids' wellies are.")).toEqual([]);
  });

  it("keeps categories and allowWords", () => {
    expect(found("you smug lazy tramp", { categories: ["obscene"] })).toEqual([]);
    expect(found("you smug lazy tramp", { allowWords: ["tramp"] })).toEqual([]);
    expect(found("you smug lazy tramp", { allowWords: ["tram"] })).toEqual(["insulting: you smug lazy tramp"]);
  });
});

describe("an insult the writer says of themself", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Today", body: text }) });

  it.each([
    "I felt like a complete idiot in the meeting.",
    "I'm such a plonker, I booked the wrong day.",
    "What a plonker I am, wrong room again.",
    "I looked like a right prat when the projector died.",
    "I was a total moron to trust the sat nav.",
  ])("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ["I'm not an idiot, you know.", "idiot"],
    ["I'm sure you're an idiot.", "idiot"],
    ["What a plonker.", "plonker"],
    ["I felt like an idiot. You are a moron though.", "moron"],
  ])("still reports an insult of someone else: %s", (text, word) => {
    expect(String(run(text)[0]?.evidence)).toContain(word);
  });
});

describe("an insult said of the writer's own side, or of how the writer is treated (BANTER18)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "Parents must think we're idiots", "I felt like a complete idiot at the training", "Stupid me"
  it.each(SELF_INSULTS)("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "Frankly I'm tired of being treated like an idiot by your staff": heat (the heated rule's), not abuse
  it.each(TREATED_LIKE)("is not abuse: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "You're idiots, the lot of you 😂", "We all think you're an idiot, Dave."
  it.each(INSULTS_AT_OTHERS)("still reports an insult of someone else: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("abusive");
  });
});

describe("a threat idiom said in jest: a laugh beside it and no word of harm (BANTER18)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Note", body: text }) });

  // "Whoever ate my yoghurt from the fridge, I will find you. I have the CCTV. 😂"
  it.each(JOKING_THREATS)("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "I know where you live 😂", "I will find you and hurt you lol", "You're dead 😠"
  it.each(REAL_THREATS)("is still a threat: %s", (text) => {
    expect(run(text).map((f) => f.messageId)).toContain("threat");
  });

  it("reads only the words near the threat for the laugh, and only the idioms said in jest", () => {
    expect(run("I will find you. I know your car. Honestly, there is nothing else to say to you now. See you at 5 lol").map((f) => f.messageId)).toEqual(["threat"]);
    expect(run("I will break your legs 😂").map((f) => f.messageId)).toEqual(["threat"]);
  });
});

describe("harm wished on someone and insults with no swear word (INSULT19)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: today", body: text }) });

  // "Your dog barks once more and I'll slit its throat and yours.", "Hope someone throws acid in her smug face"
  it.each(HARM_THREATS)("is reported: %s", (text) => {
    expect(run(text).length).toBeGreaterThan(0);
  });

  // "You're a pathetic little man.", "Crawl back into your hole and stay there."
  it.each(PLAIN_INSULTS)("is reported: %s", (text) => {
    expect(run(text).length).toBeGreaterThan(0);
  });

  // "Dad said he would break the manager's legs", "he broke his leg", "never mix bleach", "slit the bag"
  it.each(CALM_HARM_WORDS)("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("sexual remarks about a person, looks insults and threats in plain words (HARASS20)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: today", body: text }) });

  // "lol she's only famous cos she sucked off half the label", "pathetic, whiny, snivelling little worm of a man",
  // "I've got your pics and I will send them to your whole family unless you pay"
  it.each([...SEXUAL_REMARKS, ...LOOKS_INSULTS, ...HARM_WISHES])("is reported: %s", (text) => {
    expect(run(text).length).toBeGreaterThan(0);
  });

  // "Uniform reminder: skirts must be knee length", "we will send the photos to your family", "run the knife under the
  // tap"; and mail written with the signs' own words: "run that cable over", "a bullet journal", "unless you drop us a line"
  it.each([...CALM_HARASS_WORDS, ...CALM_SIGN_WORDS])("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("a slur or insult denied of a group, as counter-speech says it", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: the thread", body: text }) });

  it.each([
    "Gay people are not paedos.",
    "Women are not scum, and posts saying so get reported.",
    "Travellers aren't pikeys.",
    "Disabled people are not retards, they are people.",
    "It's disgusting to say women should be raped.",
  ])("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ["You're not a slag, you're a whore.", "wh"],
    ["Gay people are paedos.", "paedos"],
    ["Muslims aren't people, they're terrorists and scum.", "scum"],
    ["She's not scum? She is scum.", "scum"],
    ["That's not fucking fair.", "f"],
    ["They say women should be raped and they mean it. Women should be raped.", "raped"],
  ])("still reports it when it is the sender's: %s", (text, word) => {
    expect(String(run(text)[0]?.evidence).toLowerCase()).toContain(word);
  });
});

describe("an insulting noun after any words, when the message reads hostile (issue 10)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: comment", body: text }) });

  it.each([
    ["cheers for nothing you thick Scouse robbing git", "you thick Scouse robbing git"],
    ["Whoever took my lunch from the fridge, you thieving little rat.", "you thieving little rat"],
    ["Bro go touch grass you aspie freak", "you aspie freak"],
    ["lol u pinned ur own comment u sad attention-seeking loser\n\nAisha", "u sad attention-seeking loser"],
  ])("is reported: %s", (text, words) => {
    expect(run(text).some((f) => String(f.evidence).includes(words))).toBe(true);
  });

  it.each([
    "*NOW* you understand jokes.",
    "If the path is wrong you get a silent failure.",
    "Thank you for the joke!",
    "Great news: you won the raffle, you lucky little star!",
    "Stop it. She is such a control freak and you know it.",
    "Stop it. He's a gym rat and you know it.",
    "How dare you interrupt the circle jerk. Out, sir.",
  ])("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("animals people are called, and words for looks in a hostile message (issue 10)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: comment", body: text }) });

  it.each([
    ["Get off the stage, you're too fat to be dancing like that.", "you're too fat"],
    ["Nobody wants to see your hideous mug on here, delete your account.", "hideous mug"],
    ["Keep her off the beach, she's a walrus.", "she's a walrus"],
    ["They're animals, every one of them.", "They're animals"],
  ])("is reported: %s", (text, words) => {
    expect(run(text).map((f) => f.evidence)).toContain(words);
  });

  it.each([
    "you look like you need a holiday",
    "She called me a pig, which is unacceptable.",
    "The children fed the pigs and the cows at the farm, and the donkey ate a carrot.",
    "The paint is too thick, thin it with water.",
    "I'm fat and I'm fine, stop making it a thing.",
    "Why is the new logo so ugly? Who signed this off?",
  ])("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("a word for looks said of a thing in an angry complaint is not abusive; said of a person it is (real model)", () => {
  const abusive = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: comment", body: text }) });

  it.each(LOOKS_OF_THINGS)("a thing, not reported: %s", (text) => {
    expect(abusive(text)).toEqual([]);
  });

  it.each([
    "You're fat and disgusting, nobody wants you here.",
    "Shut up you fat cow, nobody asked you.",
    "You are so ugly it hurts to look at you, go away.",
    "He's fat and lazy and stinks, get rid of him.",
    "Your face is hideous, stop posting selfies.",
    "Stop posting pictures of your ugly kids, nobody cares.",
    "You're too skinny, eat something you freak.",
    "He is so thick he can't even read a rota, what an idiot.",
    "Are you thick or something? I told you three times.",
    "Get your fat arse out of my office.",
    "Tell the fat slob at reception to do his job.",
    "She's a hideous old woman and everyone hates her.",
    "ur so ugly lol delete your account",
    "That fat bitch in accounts needs sacking.",
    "You hairy ape, get out of here.",
  ])("a person, reported: %s", (text) => {
    expect(abusive(text)).not.toEqual([]);
  });
});

describe("hate against a group said in plain words (HATE20)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: today", body: text }) });

  // "Albanians are all drug dealers and pimps, fact", "go back to india and take your stinking family with you"
  it.each(GROUP_HATE)("is reported: %s", (text) => {
    expect(run(text).length).toBeGreaterThan(0);
  });

  // "Jo's a he-she, you can tell from the hands lol", "Don't worry, he's a Jew, he'll find the money. Always do."
  for (const text of GROUP_HATE_MISSED) it.todo(`still missed: ${text}`);

  // "Our Polish families are all invited to the coffee morning", "there are rats by the bins again, clear them out"
  it.each(CALM_GROUP_WORDS)("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("a group named, then hated as they or them, or said to be worth nothing or all alike (ABUSE23)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: today", body: text }) });

  // "Muslims have taken over this town and I despise them.", "Immigrants? They should all be sent back."
  it.each(GROUP_THEN_THEM)("is reported: %s", (text) => {
    expect(run(text).length).toBeGreaterThan(0);
  });

  // "Refugees face so much hatred online. I can't stand how people treat them."
  it.each(CALM_GROUP_THEN_THEM)("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "Typical woman, can't park to save her life.", "There is nothing worse than a trans person, honestly."
  it.each(GROUP_DEVALUED)("worth nothing or all alike, reported: %s", (text) => {
    expect(run(text).length).toBeGreaterThan(0);
  });

  // "Typical Monday, the printer's jammed again.", "The rules for immigrants are all the same, whatever country…"
  it.each(CALM_GROUP_DEVALUED)("worth nothing or all alike, not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("threats in plain words (THREAT20)", () => {
  const run = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: today", body: text }) });

  // "if i ever see you at the ground im gonna batter you, watch", "I know what school your kids go to."
  it.each(THREATS)("is reported: %s", (text) => {
    expect(run(text).length).toBeGreaterThan(0);
  });

  // "women are too stupid to be in charge of anything, back to the kitchen", "Jews control the banks and the media"
  it.each(PLAIN_GROUP_HATE)("group hate is reported: %s", (text) => {
    expect(run(text).length).toBeGreaterThan(0);
  });

  // "Everyone go spam her mentions, she deserves it."
  for (const text of THREATS_MISSED) it.todo(`still missed: ${text}`);

  // "We got battered 5-0 on Saturday", "I'll do you a copy of the rota", a child's words quoted in an incident record
  it.each(CALM_THREAT_WORDS)("is not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });

  // "Women are too often left out of leadership", "Polish parents run the media stall at the summer fair"
  it.each(CALM_PLAIN_GROUP_WORDS)("group words are not reported: %s", (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("abuse aimed at a person in ordinary words: looks, wits, telling someone to vanish (ABUSE21)", () => {
  const abusive = (text: string) => runRule(rule, { draft: makeDraft({ subject: "Re: comment", body: text }) });

  // "Are you actually this stupid or just pretending?", "Ugly inside and out. Do the world a favour and disappear."
  it.each([...AIMED_INSULTS, ...VANISH_AND_PILE_ON])("is reported: %s", (text) => {
    expect(abusive(text).length).toBeGreaterThan(0);
  });

  // "I was so stupid to forget the keys", "please delete your account on the old system", "Child A called child B ugly";
  // and mail written with the sign's own words: "do us all a favour and leave the gate shut", "lol log off forever? no chance"
  it.each([...CALM_AIMED_WORDS, ...CALM_VANISH_WORDS])("is not reported: %s", (text) => {
    expect(abusive(text)).toEqual([]);
  });
});
