/**
 * Engine benchmarks (issue 2 §9): throughput on a mixed corpus, time per rule, a typical
 * message, 1 MB and 4 MB bodies, and adversarial inputs. Runs the compiled core in lib/.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const lib = path.join(__dirname, "..", "lib", "core");
const { parseDraft } = require(path.join(lib, "draft", "parse-draft.js"));
const { checkDraft, checkSnapshot } = require(path.join(lib, "engine", "run-rules.js"));
const { buildSnapshot } = require(path.join(lib, "engine", "build-snapshot.js"));
const { deepFreeze } = require(path.join(lib, "engine", "freeze.js"));
const { defaultPolicy } = require(path.join(lib, "policy", "default-policy.js"));
const { normalizePolicy } = require(path.join(lib, "policy", "policy.js"));
const { rules } = require(path.join(lib, "rules", "index.js"));

const STAFF = { email: "a.jones@norcotearlyyearscentre.co.uk", name: "Amy Jones" };

const PARAGRAPHS = [
  "Hi all,\n\nJust a reminder that the Butterflies room will be closed on Friday afternoon for staff training. Please make sure the register is completed before 12:30 and that all children's belongings are labelled.",
  "Thank you for your message about Oliver's settling-in sessions. We would be happy to arrange a visit next Tuesday at 10am. His key person, Sarah, will meet you at reception and talk you through the day.",
  "Please find attached the updated menu for the spring term. We have added two new vegetarian options and the allergy information for each dish is on the second page.",
  "The fire drill went well this morning: everyone was out in two minutes and fifteen seconds. Well done to the Caterpillars team for keeping the babies calm!",
  "I'm afraid the minibus is booked on Thursday, so the trip to the library will move to the following week. I'll confirm the new date once the driver has replied.",
  "Could you let me know by Wednesday whether you need a high chair for the Christmas lunch? We are also collecting donations for the food bank at the front desk.",
];

function body(bytes, seed = 0) {
  let out = "";
  let i = seed;
  while (out.length < bytes) {
    out += `${PARAGRAPHS[i % PARAGRAPHS.length]}\n\n`;
    i++;
  }
  return `${out.slice(0, bytes)}\n\nKind regards,\nAmy Jones\nRoom Leader`;
}

function recipients(n, externalEvery = 3) {
  const list = [];
  for (let i = 0; i < n; i++) {
    list.push(i % externalEvery === 0 ? { email: `parent${i}@gmail.com`, type: "externalUser" } : { email: `staff${i}@norcotearlyyearscentre.co.uk`, type: "user" });
  }
  return list;
}

function draft(overrides) {
  return parseDraft({ from: STAFF, sender: STAFF, to: recipients(3), subject: "Spring term update", body: body(2000), ...overrides });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function samples(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

function time(fn, runs) {
  return median(samples(fn, runs));
}

/**
 * The fastest of several runs. On a shared machine other work only ever adds time, so the
 * fastest run is the steadiest estimate of a rule's own cost (used for the per-rule figures,
 * which are differences of two times and would otherwise be mostly noise).
 */
function fastest(fn, runs) {
  return Math.min(...samples(fn, runs));
}

function corpus() {
  const list = [];
  const samplesDir = path.join(__dirname, "..", "samples");
  if (fs.existsSync(samplesDir)) {
    for (const f of fs.readdirSync(samplesDir).filter((n) => n.endsWith(".json"))) {
      try {
        list.push(parseDraft(JSON.parse(fs.readFileSync(path.join(samplesDir, f), "utf8"))));
      } catch {
        // A sample that is deliberately malformed is not part of the corpus.
      }
    }
  }
  for (let i = 0; i < 60; i++) {
    const quoted = i % 3 === 0 ? `\n\nFrom: Jane Parent <jane${i}@gmail.com>\nSent: 03 November 2026 09:12\nTo: Amy Jones <a.jones@norcotearlyyearscentre.co.uk>\nSubject: Re: Trip\n\n${body(1500, i + 2)}` : "";
    list.push(draft({ to: recipients(1 + (i % 20)), body: body(500 + ((i * 397) % 9000), i) + quoted, composeType: quoted ? "reply" : "new" }));
  }
  return list;
}

async function run() {
  const policy = defaultPolicy();
  const rows = [];
  const messages = corpus();
  const totalBytes = messages.reduce((n, m) => n + m.body.length + m.subject.length, 0);
  for (const m of messages) checkDraft(m, policy); // warm up
  const t0 = performance.now();
  const rounds = 5;
  for (let r = 0; r < rounds; r++) for (const m of messages) checkDraft(m, policy);
  const seconds = (performance.now() - t0) / 1000;
  rows.push({ metric: `throughput, mixed corpus (${messages.length} messages, ${(totalBytes / 1024).toFixed(0)} KB)`, value: (totalBytes * rounds) / 1e6 / seconds, unit: "MB/s" });

  const oneMbForRules = draft({ body: body(1024 * 1024) });
  const fourMbForRules = draft({ body: body(4 * 1024 * 1024) });
  const none = normalizePolicy({ version: 1, rules: Object.fromEntries(Object.keys(rules).map((k) => [k, "off"])) }, rules);
  const baseMs = fastest(() => checkDraft(oneMbForRules, none), 9);
  const baseFourMs = fastest(() => checkDraft(fourMbForRules, none), 5);
  rows.push({ metric: "no rules (parse, classify, segment), 1 MB body, fastest run", value: baseMs, unit: "ms" });
  rows.push({ metric: "no rules (parse, classify, segment), 4 MB body, fastest run", value: baseFourMs, unit: "ms" });
  // Each rule's own time on 1 MB and 4 MB: the rule alone on a snapshot built beforehand (no
  // parsing or segmenting to subtract), fastest of several runs. Rules under 2 ms on 1 MB are
  // left out of the worst growth, where timer noise would dominate. Alone, a rule also pays
  // for the lower-cased and prepared text that the rules share when they run together.
  const oneMbSnapshot = deepFreeze(buildSnapshot(oneMbForRules, policy.organisation));
  const fourMbSnapshot = deepFreeze(buildSnapshot(fourMbForRules, policy.organisation));
  let worstGrowth = { id: "none", ratio: 0 };
  for (const id of Object.keys(rules)) {
    const single = normalizePolicy(
      { version: 1, rules: Object.fromEntries(Object.keys(rules).map((k) => [k, k === id ? "warn" : "off"])) },
      rules,
    );
    const t = performance.now();
    for (const m of messages) checkDraft(m, single);
    const perMessage = ((performance.now() - t) / messages.length) * 1000;
    // As many runs on 4 MB as on 1 MB: each 4 MB run is four times as likely to meet a garbage
    // collection or another process, and the growth is a ratio of the two fastest runs.
    const oneMbRule = fastest(() => checkSnapshot(oneMbSnapshot, single), 9);
    const fourMbRule = fastest(() => checkSnapshot(fourMbSnapshot, single), 9);
    if (oneMbRule >= 2 && fourMbRule / oneMbRule > worstGrowth.ratio) worstGrowth = { id, ratio: fourMbRule / oneMbRule };
    rows.push({
      metric: `rule ${id}: mean per corpus message / own time on 1 MB / on 4 MB (fastest of 9 runs each)`,
      value: `${perMessage.toFixed(0)} µs / ${oneMbRule.toFixed(1)} ms / ${fourMbRule.toFixed(1)} ms`,
      unit: "",
    });
  }
  rows.push({
    metric: `worst rule growth, own time on 4 MB / on 1 MB (${worstGrowth.id})`,
    value: worstGrowth.ratio,
    unit: "×",
    target: "≤ 4.5",
    pass: worstGrowth.ratio <= 4.5,
  });

  const typical = draft({ to: recipients(20), body: body(9 * 1024) });
  const typicalMs = time(() => checkDraft(typical, policy), 200);
  rows.push({ metric: "typical message (9 KB, 20 recipients), median", value: typicalMs, unit: "ms", target: "≤ 2", pass: typicalMs <= 2 });

  const oneMb = draft({ body: body(1024 * 1024) });
  const fourMb = draft({ body: body(4 * 1024 * 1024) });
  const oneRuns = samples(() => checkDraft(oneMb, policy), 15);
  const fourRuns = samples(() => checkDraft(fourMb, policy), 7);
  const oneMs = median(oneRuns);
  const fourMs = median(fourRuns);
  rows.push({ metric: "1 MB body, median of 15", value: oneMs, unit: "ms", target: "≤ 100", pass: oneMs <= 100 });
  rows.push({ metric: "1 MB body, fastest run", value: Math.min(...oneRuns), unit: "ms" });
  rows.push({ metric: "4 MB body, median of 7", value: fourMs, unit: "ms" });
  rows.push({ metric: "4 MB / 1 MB time ratio", value: fourMs / oneMs, unit: "×", target: "≤ 4.5", pass: fourMs / oneMs <= 4.5 });

  const nested = (() => {
    let text = "Agreed, see below.\n\n";
    for (let d = 1; d <= 200; d++) text += `${">".repeat(d)} On Mon, 3 Nov 2026 at 09:${String(d % 60).padStart(2, "0")}, Person ${d} <p${d}@gmail.com> wrote:\n${">".repeat(d)} Level ${d} text about the trip.\n`;
    return text;
  })();
  const obfuscated = Array.from({ length: 4000 }, (_, i) => ["f u c k", "sh1t", "b\u200Bi\u200Bt\u200Bc\u200Bh", "ıdıot", "$tup1d", "a.s.s"][i % 6]).join(" ");
  const adversarial = [
    ["50 KB of one repeated character", draft({ body: "a".repeat(50 * 1024) })],
    ["50 KB of '!'", draft({ body: "!".repeat(50 * 1024) })],
    ["50 KB of digits", draft({ body: "1".repeat(50 * 1024) })],
    ["200 nested quote levels", draft({ body: nested, composeType: "reply" })],
    ["1,000 recipients", draft({ to: recipients(1000, 2) })],
    ["long run of obfuscated text (~40 KB)", draft({ body: obfuscated })],
    ["50 KB without spaces or newlines", draft({ body: "ab.CD-12_".repeat(5700) })],
    // Inputs the unit tests once timed (they now check only the results).
    ["subject of 20,000 'FW: '", draft({ subject: "FW: ".repeat(20_000) })],
    ["1 MB of curly quotes, dashes and currency signs", draft({ body: "Tom’s “big” day — bring £1 or €1! ".repeat(30_000) })],
    ["250 KB of accented words", draft({ body: "Café crème brûlée, déjà vu, naïve façade. ".repeat(6_000) })],
    ["50 KB of one capital", draft({ body: "A".repeat(50 * 1024) })],
    ["50 KB of '@'", draft({ body: "@".repeat(50 * 1024) })],
    ["50 KB of spaces", draft({ body: " ".repeat(50 * 1024) })],
    ["50 KB of line breaks", draft({ body: "\n".repeat(50 * 1024) })],
    ["50 KB of apostrophes", draft({ body: "'".repeat(50 * 1024) })],
    ["50 KB of asterisks", draft({ body: `a${"*".repeat(50 * 1024)}b` })],
    ["50 KB of '1l'", draft({ body: "1l".repeat(25_000) })],
    ["100 KB of spaced-out letters 'f u c k '", draft({ body: "f u c k ".repeat(12_500) })],
    ["60 KB of leetspeak, homoglyphs and zero-width joins", draft({ body: "5h1t 4$$ f*ck ѕһіt f\u200Buck ".repeat(2_000) })],
    ["50 KB of 'we accept '", draft({ body: "we accept ".repeat(5_000) })],
    ["50 KB of 'i am '", draft({ body: "i am ".repeat(10_000) })],
    ["50 KB of 'SHOUT '", draft({ body: "SHOUT ".repeat(8_500) })],
    ["50 KB of 'no!!! '", draft({ body: "no!!! ".repeat(8_500) })],
    ["50 KB of '?! '", draft({ body: "?! ".repeat(16_000) })],
    ["50 KB of 'FW: ' in the text", draft({ body: "FW: ".repeat(12_500) })],
    ["50 KB of address characters", draft({ body: `${"a.".repeat(25_000)}@${"b.".repeat(25_000)}` })],
    ["50 KB of addresses", draft({ body: "x@y.com ".repeat(6_000) })],
    ["1 MB forwarded message", draft({ body: `FYI\n\n-----Original Message-----\nFrom: Jane Parent <jane@gmail.com>\nSent: 03 November 2026 09:12\nTo: Amy Jones <a.jones@norcotearlyyearscentre.co.uk>\nSubject: Trip\n\n${body(1024 * 1024)}`, composeType: "forward" })],
    ["1 MB reply of 'word ' to 12 recipients", draft({ to: recipients(12), body: "word ".repeat(210_000), composeType: "reply" })],
    ["1,000 recipients at 500 different domains", draft({ bcc: Array.from({ length: 1000 }, (_, i) => ({ email: i % 2 === 0 ? `parent${i}@gmail.com` : `p${i}@family${i}.co.uk` })) })],
    ["recipient at a 50,000-character domain", draft({ to: [{ email: `a@${"n".repeat(50_000)}.co.uk` }] })],
    ["1,000 attachments", draft({ attachments: Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}.pdf`, size: 50_000 })) })],
    ...["9", "-", "1 ", "9 ", "RG1 ", "DOB ", "EHCP ", "allergy ", "she ", "12 Road ", "AB 12 "].map((word) => [
      `50 KB of ${JSON.stringify(word)} (personal data)`,
      draft({ to: recipients(1, 1), body: word.repeat(Math.ceil(50_000 / word.length)) }),
    ]),
  ];
  for (const [name, d] of adversarial) {
    const ms = time(() => checkDraft(d, policy), 7);
    rows.push({ metric: `adversarial: ${name}`, value: ms, unit: "ms", target: "≤ 100", pass: ms <= 100 });
  }
  return { section: "Core engine (default policy, all rules)", rows };
}

module.exports = { run };
