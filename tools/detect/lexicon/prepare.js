#!/usr/bin/env node
/**
 * Prepares the compact abusive-language lexicon (src/core/data/abusive/surge.json) from
 * surge-ai/profanity (MIT), fetched as a git mirror. Deterministic: same source commit, same file.
 *
 *   node tools/detect/lexicon/prepare.js [path-to-surge-ai+profanity git dir]
 *
 * Rows kept: severity rating >= 2 ("Strong"/"Severe"), spelt plainly (letters, spaces, hyphens,
 * apostrophes: disguised spellings are left to the matcher, which reads leet and look-alikes),
 * not clinical or safeguarding vocabulary, not an everyday word with an innocent main sense
 * (EXCLUDE below), and not already in the hand-made lists (those keep their allow lists).
 * Records the source (repository, commit, file, licence, sha256, rows used) under "lexicons"
 * in tools/detect/DATA-MANIFEST.json.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { parseCsv } = require("../common");

const ROOT = path.resolve(__dirname, "../../..");
const GIT_DIR = process.argv[2] ?? "/work/.mirror/surge-ai+profanity/repo";
const FILE = "profanity_en.csv";
const OUT = path.join(ROOT, "src/core/data/abusive/surge.json");
const MANIFEST = path.join(ROOT, "tools/detect/DATA-MANIFEST.json");
const HAND = ["obscene", "sexual", "racist", "homophobic", "disablist", "insult", "harassment", "threat", "coarse"];

/** surge-ai category → our category (and slur subtype, kept in the data). */
const CATEGORY = {
  "racial / ethnic slurs": "racist",
  "religious offense": "racist",
  "sexual orientation / gender": "homophobic",
  "mental disability": "disablist",
  "physical disability": "disablist",
  "sexual anatomy / sexual acts": "sexual",
  "bodily fluids / excrement": "coarse",
  "other / general insult": "insult",
  "physical attributes": "insult",
  "animal references": "insult",
  political: "insult",
};

/**
 * Words a nursery must be able to write (anatomy, safeguarding, health), everyday words whose
 * main sense is innocent in British English, and place or food names. Decided by hand.
 */
const EXCLUDE = new Set(
  `penis vagina vulva anus anal rape raped raping rapist breast breasts nipple nipples sex sexual testicle testicles
  scrotum clitoris erection ejaculate ejaculation semen sperm orgasm masturbate masturbation intercourse incest paedophile
  pedophile paedophilia pedophilia abuse abused molest molested molestation genitals genital pubic urine faeces feces
  poo pee wee poop vomit puke fart farts bum bums bottom willy willies fanny knob knobs balls ball nuts screw screwing
  bang banging hump humping blow suck sucks spunk tramp hoe hoes nicker nickers jigger jiggers spook spooks mongrel
  negro negroes flamer flamers transvestite gyp jap nig nigs china-virus chinavirus chinese-virus faggots fags fag dyke
  homo homos queer gay lesbian bitch bitches cock cocks cockerel pussy pussies tit tits titty shag shagged booby boobies
  dick dicks johnson wang weiner wiener beaver muff snatch box pecker rubber rubbers jugs melons hooters knockers
  bazongas bone boner horny kinky naked nude nudity porn strip stripper thong panties knickers bra lingerie crack
  cracker crackers coon coons spade spades bean beaner beaners monkey monkeys ape apes cotton oreo coconut banana
  bunny pussys phuc dummy moron idiot stupid dumb lame crazy mental psycho nutter cripple spaz spastic retard retarded
  nip nips spick nigra`.split(/\s+/),
);
// Reasons for the last line: "nip to the shop"; "spick and span" ("spic" in racist.json keeps its
// allow list); "nigra" is the species name of black poplar and elder (Populus/Sambucus nigra).

/**
 * Spellings of swear words (surge-ai's canonical form) are obscene language, not sexual content:
 * "fck", "phuck", "mf'er" are read as the swear word they spell.
 */
const OBSCENE_CANONICAL = new Set(["fuck", "motherfucker", "shit", "cunt", "ass", "dick", "knob", "prick"]);

function git(args) {
  return execFileSync("git", ["--git-dir", GIT_DIR, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
}

/** The hand-made lists' terms, by how they match. */
function handTerms() {
  const all = { word: new Set(), prefix: [], within: [], phrase: new Set() };
  for (const name of HAND) {
    const list = JSON.parse(fs.readFileSync(path.join(ROOT, "src/core/data/abusive", `${name}.json`), "utf8"));
    for (const t of list.word) all.word.add(t.toLowerCase());
    for (const t of list.phrase) all.phrase.add(t.toLowerCase());
    all.prefix.push(...list.prefix.map((t) => t.toLowerCase()));
    all.within.push(...list.within.map((t) => t.toLowerCase()));
  }
  return all;
}

/** True when the hand-made lists already find the term (so it would be reported twice). */
function coveredByHand(term, hand) {
  if (hand.phrase.has(term)) return true;
  return term.split(" ").some((w) => hand.word.has(w) || hand.prefix.some((p) => w.startsWith(p)) || hand.within.some((x) => w.includes(x)));
}

function main() {
  const commit = git(["rev-parse", "HEAD"]).trim();
  const text = git(["show", `HEAD:${FILE}`]);
  const licence = git(["show", "HEAD:LICENSE"]).split("\n")[0].trim();
  if (licence !== "MIT License") throw new Error(`surge-ai/profanity licence changed: "${licence}"`);
  const sha256 = createHash("sha256").update(text).digest("hex");
  const [header, ...rows] = parseCsv(text).filter((r) => r.length > 1);
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${FILE}: no column "${name}"`);
    return i;
  };
  const [cText, cCanon, cCat, cSev] = [col("text"), col("canonical_form_1"), col("category_1"), col("severity_rating")];
  const hand = handTerms();
  /** category → severity → terms */
  const out = {};
  let used = 0;
  for (const r of rows) {
    const term = r[cText].trim().toLowerCase().replace(/-/g, " ").replace(/\s+/g, " ");
    const severity = Number(r[cSev]);
    if (!CATEGORY[r[cCat]]) throw new Error(`${FILE}: unknown category "${r[cCat]}"`);
    const category = CATEGORY[r[cCat]] === "homophobic" || CATEGORY[r[cCat]] === "racist" || !OBSCENE_CANONICAL.has(r[cCanon].trim().toLowerCase()) ? CATEGORY[r[cCat]] : "obscene";
    if (!(severity >= 2) || !/^[a-z][a-z' ]*[a-z]$/.test(term) || term.length < 3) continue;
    if (EXCLUDE.has(term) || term.split(" ").some((w) => EXCLUDE.has(w) && !term.includes(" "))) continue;
    if (coveredByHand(term, hand)) continue;
    const sev = String(Math.round(severity));
    const bySev = (out[category] ??= {});
    const list = (bySev[sev] ??= []);
    if (!list.includes(term)) {
      list.push(term);
      used++;
    }
  }
  const sorted = {};
  for (const c of Object.keys(out).sort()) {
    sorted[c] = {};
    for (const s of Object.keys(out[c]).sort()) sorted[c][s] = out[c][s].sort();
  }
  const data = { source: `surge-ai/profanity@${commit.slice(0, 7)} ${FILE} (MIT)`, terms: sorted };
  fs.writeFileSync(OUT, `${JSON.stringify(data)}\n`);

  const manifest = fs.existsSync(MANIFEST) ? JSON.parse(fs.readFileSync(MANIFEST, "utf8")) : {};
  manifest.lexicons = [
    {
      source: "surge-ai/profanity",
      repository: "https://github.com/surge-ai/profanity",
      commit,
      file: FILE,
      licence: "MIT",
      sha256,
      rowsInFile: rows.length,
      rowsUsed: used,
      output: "src/core/data/abusive/surge.json",
      mapping: "severity >= 2, plain spellings only, minus clinical/safeguarding and everyday-innocent words and terms already in the hand-made lists; categories mapped: racial/ethnic and religious → racist, sexual orientation/gender → homophobic, mental/physical disability → disablist, sexual anatomy/acts → sexual, bodily fluids → coarse, other → insult; spellings of a swear word (canonical form fuck, motherfucker, shit, cunt, ass, dick, knob, prick) → obscene",
    },
    {
      source: "obscenity",
      repository: "https://github.com/jo3-l/obscenity",
      file: "node_modules/obscenity (englishDataset, englishRecommendedTransformers)",
      licence: "MIT",
      rowsUsed: 0,
      mapping: "not copied: measured side by side against our matcher (see docs/rules/no-abusive-language.md)",
    },
    {
      source: "src/core/data/abusive/*.json (hand-made)",
      licence: "project's own",
      mapping: "British terms, phrases, threats and harassment, with allow lists for innocent spellings",
    },
  ];
  fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`surge.json: ${used} terms from ${rows.length} rows (sha256 ${sha256.slice(0, 12)})\n`);
}

main();
