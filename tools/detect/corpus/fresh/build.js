"use strict";
/**
 * Builds the fresh, evaluation-only set (issue 10 §4) from the hand-written messages in this folder:
 * fresh/<kind>.txt -> ../fresh-<kind>.jsonl, one row a message, every row `"split": "test"`.
 *
 * Each message in a .txt file starts with `### <subject>`; its body runs to the next `###` line.
 * Two in five clean and heated replies ("Re: …") that carry no quoted history of their own get a
 * calm, general earlier message quoted below them in one of several client shapes (the quoted text is
 * never the heated part). Nothing is random: the same files are written on every run.
 *
 *   node tools/detect/corpus/fresh/build.js          writes the four .jsonl files
 *   node tools/detect/corpus/fresh/build.js --check  fails if a committed file differs
 *
 * This set must never be used to choose or tune anything: see ../README.md, "The fresh set".
 */
const fs = require("node:fs");
const path = require("node:path");

const OUT_DIR = path.resolve(__dirname, "..");
const KINDS = {
  clean: { abusive: 0, chain: 0, heated: 0 },
  heated: { abusive: 0, chain: 0, heated: 1 },
  chain: { abusive: 0, chain: 1, heated: 0 },
  abusive: { abusive: 1, chain: 0, heated: 1 },
};

/** Who wrote the earlier message, and when (several eras and regions). */
const PEOPLE = [
  { from: "Priya Raman", addr: "priya.raman@example.com", date: "Tuesday, 14 March 2017 09:12" },
  { from: "Daniel Okafor", addr: "d.okafor@example.org", date: "Mon, 3 Feb 2020 16:40" },
  { from: "Sarah Whitfield", addr: "swhitfield@example.co.uk", date: "04/11/2001 10:05 AM" },
  { from: "Tom Brennan", addr: "tom.brennan@example.net", date: "Wed, Jun 8, 2022 at 11:21 AM" },
  { from: "Anjali Mehta", addr: "anjali.mehta@example.in", date: "Friday, 22 September 2023 14:02" },
  { from: "Kylie Donovan", addr: "kylie.d@example.com.au", date: "Thu, 17 Oct 2019 08:55" },
  { from: "Mark Ellison", addr: "mellison@example.com", date: "Monday, January 08, 2024 3:17 PM" },
  { from: "Helen Carr", addr: "office@example.org.uk", date: "12 May 2025, 13:30" },
];
/** Calm, general earlier messages that a reply on any subject may sit above (never the heated part). */
const BODIES = [
  "Hi,\n\nJust following up on this - is there any update?\n\nThanks,\n{first}",
  "Hello,\n\nPlease see below and let me know your thoughts.\n\nKind regards,\n{first}",
  "Hi all,\n\nA quick note on this one before Friday. Comments welcome.\n\n{first}",
  "Dear colleague,\n\nThank you for your message. We are looking into it and will come back to you shortly.\n\nRegards,\n{first}",
  "Hi,\n\nCould you have a look at this when you get a chance?\n\nCheers,\n{first}",
];

/** Client shapes of a quoted earlier message. */
const SHAPES = [
  (h) => `-----Original Message-----\nFrom: ${h.from} [mailto:${h.addr}]\nSent: ${h.date}\nTo: Team\nSubject: ${h.subject}\n\n${h.body}`,
  (h) => `On ${h.date}, ${h.from} <${h.addr}> wrote:\n${h.body.split("\n").map((l) => (l ? `> ${l}` : ">")).join("\n")}`,
  (h) => `________________________________\nFrom: ${h.from} <${h.addr}>\nSent: ${h.date}\nTo: Team <team@example.com>\nSubject: ${h.subject}\n\n${h.body}`,
  (h) => `\n\n\n\n${h.from.replace(" ", "_")}@EXAMPLE on ${h.date}\nTo: Team@EXAMPLE\ncc:\nSubject: ${h.subject}\n\n${h.body}`,
  (h) => `Sent from my iPhone\n\n> On ${h.date}, ${h.from} <${h.addr}> wrote:\n>\n${h.body.split("\n").map((l) => (l ? `> ${l}` : ">")).join("\n")}`,
];

const hasHistory = (t) => /(^|\n)(>|-----Original Message-----|On .{5,80} wrote:|From: |_{10,}|-{3,} ?Forwarded)/.test(t);

/**
 * Reads one kind's messages.
 * @param {string} kind
 * @returns {{subject: string, text: string}[]}
 */
function readMessages(kind) {
  const raw = fs.readFileSync(path.join(__dirname, `${kind}.txt`), "utf8").replace(/\r\n/g, "\n");
  const out = [];
  for (const block of raw.split(/^### /m).slice(1)) {
    const nl = block.indexOf("\n");
    const subject = block.slice(0, nl).trim();
    const text = block.slice(nl + 1).replace(/\s+$/, "");
    if (!text) throw new Error(`${kind}.txt: "${subject}" has no body`);
    out.push({ subject, text });
  }
  return out;
}

function build() {
  const files = {};
  const counts = {};
  for (const [kind, labels] of Object.entries(KINDS)) {
    const source = `fresh-${kind}`;
    const seen = new Set();
    const lines = readMessages(kind).map((m, i) => {
      const key = m.text.toLowerCase().replace(/\s+/g, " ");
      if (seen.has(key)) throw new Error(`${kind}.txt: message ${i + 1} ("${m.subject}") repeats an earlier one`);
      seen.add(key);
      let text = m.text;
      let subject = m.subject;
      // Two in five replies ("Re: …") with no history of their own get a calm earlier message quoted below.
      if ((kind === "clean" || kind === "heated") && /^re:/i.test(subject) && i % 5 < 2 && !hasHistory(text)) {
        const p = PEOPLE[(i * 3) % PEOPLE.length];
        const body = BODIES[i % BODIES.length].replace("{first}", p.from.split(" ")[0]);
        const h = { ...p, subject: subject.replace(/^(?:re:\s*)+/i, ""), body };
        text = `${text}\n\n${SHAPES[i % SHAPES.length](h)}`;
      }
      const group = `${source}-g${String(i + 1).padStart(3, "0")}`;
      return JSON.stringify({ id: `${source}-${i + 1}`, source, group, subject, text, ...labels, split: "test" });
    });
    files[`${source}.jsonl`] = lines.join("\n") + "\n";
    counts[source] = lines.length;
  }
  return { files, counts };
}

function main() {
  const check = process.argv.includes("--check");
  const { files, counts } = build();
  let bad = 0;
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(OUT_DIR, name);
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) {
        bad++;
        process.stderr.write(`${name}: differs from what fresh/build.js writes\n`);
      }
    } else fs.writeFileSync(file, content);
  }
  for (const [s, n] of Object.entries(counts)) process.stdout.write(`${s}: ${n} rows\n`);
  if (bad) process.exit(1);
}

if (require.main === module) main();
module.exports = { build };
