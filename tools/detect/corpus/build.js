"use strict";
/**
 * Builds the hand-written e-mail corpus (the nursery's world and, in the work-* sources, general work):
 * tools/detect/corpus/<source>.jsonl.
 *
 * The base messages are written by hand in tools/detect/corpus/base/<source>.txt. Each message starts
 * with a line "### <subject>" (optionally "### {flags} <subject>", flags being the letters a, c, h for
 * abusive, chain, heated, which replace the source's default labels). Everything up to the next "###"
 * line is the body. Every base message is its own group; the variants made here (forwarded by a given
 * client, lower-cased, re-tokenised, answered above) share its group.
 *
 * Deterministic: a fixed-seed generator picks names, dates and shapes, so every run writes the same bytes.
 *   node tools/detect/corpus/build.js          writes the .jsonl files
 *   node tools/detect/corpus/build.js --check  rebuilds in memory and fails if a committed file differs
 */
const fs = require("node:fs");
const path = require("node:path");
const { mulberry32: rng } = require("../common");

const DIR = __dirname;
const SOURCES = {
  "nursery-clean": { abusive: 0, chain: 0, heated: 0 },
  "nursery-chain": { abusive: 0, chain: 1, heated: 0 },
  "nursery-heated": { abusive: 0, chain: 0, heated: 1 },
  "nursery-abusive": { abusive: 1, chain: 0, heated: 1 },
  "nursery-traps": { abusive: 0, chain: 0, heated: 0 },
  // general work mail (office, IT, code review, mailing lists, schools, customer service, committees)
  "work-clean": { abusive: 0, chain: 0, heated: 0 },
  "work-heated": { abusive: 0, chain: 0, heated: 1 },
  "work-chain": { abusive: 0, chain: 1, heated: 0 },
  // comments, chat and social-media replies pasted into or written as mail: abuse as it is really typed, and its look-alikes
  "comment-abusive": { abusive: 1, chain: 0, heated: 1 },
  "comment-traps": { abusive: 0, chain: 0, heated: 0 },
  // short social-media posts and replies (tweets, forum, YouTube and Facebook comments, game chat, group chats), written
  // blind to the lexicons and detectors so that they measure how abuse detection generalises
  "post-abusive": { abusive: 1, chain: 0, heated: 1 },
  "post-clean": { abusive: 0, chain: 0, heated: 0 },
  // long work mail (80-300 words: patch reviews, issue threads, business mail, complaints, councils, nursery) where
  // the heat, if any, sits in a few sentences among ordinary technical or business content
  "thread-heated": { abusive: 0, chain: 0, heated: 1 },
  "thread-clean": { abusive: 0, chain: 0, heated: 0 },
  // mailing-list, code-review and business mail (inline "> " replies, top-posting, patches, disclaimers), heated and
  // clean, written blind to the detectors
  "list-heated": { abusive: 0, chain: 0, heated: 1 },
  "list-clean": { abusive: 0, chain: 0, heated: 0 },
  // forwarded chain mail as people really pass it on (1998-2026) and ordinary forwards and notices that look like it,
  // written blind to the detectors
  "fwd-chain": { abusive: 0, chain: 1, heated: 0 },
  "fwd-clean": { abusive: 0, chain: 0, heated: 0 },
  // code-review and patch-list arguments (inline review comments, GitHub/Gerrit/Phabricator, patch replies with quoted
  // hunks), heated and blunt-but-civil, written blind to the detectors
  "review-heated": { abusive: 0, chain: 0, heated: 1 },
  "review-clean": { abusive: 0, chain: 0, heated: 0 },
  // offensive tweets and comments (abusive; `{ah}` when also plainly angry) and innocent posts in the same registers,
  // written blind to the detectors
  "tweet-abusive": { abusive: 1, chain: 0, heated: 0 },
  "tweet-clean": { abusive: 0, chain: 0, heated: 0 },
};

/** Seed from a string, so a message's variants do not change when others are added. */
function seedOf(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const PEOPLE = [
  ["Priya", "Sharma"], ["Olumide", "Adeyemi"], ["Siobhan", "O'Neill"], ["Gareth", "Hughes"], ["Aisha", "Rahman"],
  ["Tom", "Whitfield"], ["Mei", "Chen"], ["Kwame", "Boateng"], ["Fiona", "MacLeod"], ["Rhys", "Evans"],
  ["Hannah", "Kowalski"], ["Imran", "Hussain"], ["Chloe", "Barnes"], ["Deepak", "Patel"], ["Niamh", "Byrne"],
  ["Jamal", "Okafor"], ["Bethan", "Price"], ["Callum", "Fraser"], ["Zainab", "Ali"], ["Lucy", "Pennington"],
  ["Marcus", "Thompson"], ["Agnieszka", "Nowak"], ["Harjit", "Gill"], ["Eleanor", "Royce"], ["Connor", "Doyle"],
  ["Yasmin", "Begum"], ["Stuart", "Cockburn"], ["Grace", "Mensah"], ["Wendy", "Hancock"], ["Ravi", "Kumar"],
];
const ORGS = ["norcot-eyc.org.uk", "gmail.com", "outlook.com", "reading.gov.uk", "btinternet.com", "nhs.net", "yahoo.co.uk", "hotmail.co.uk"];
const NOTES_OUS = ["NEYC/READ", "HOU/ECT", "LA/EDU", "NEYC/ADMIN", "FIN/CORP"];
const DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const L = {
  fr: { d: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"], m: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] },
  de: { d: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"], m: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"] },
  es: { d: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"], m: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"] },
  nl: { d: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"], m: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"] },
  pl: { d: ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"], m: ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"] },
};

function pick(r, a) { return a[Math.floor(r() * a.length)]; }
function pad(n) { return String(n).padStart(2, "0"); }
function person(r) {
  const [f, s] = pick(r, PEOPLE);
  const org = pick(r, ORGS);
  const local = `${f}.${s}`.toLowerCase().replace(/[^a-z.]/g, "");
  return { first: f, last: s, name: `${f} ${s}`, email: `${local}@${org}` };
}
/** A random date and time; the weekday is the true one for that date (Monday = 0). */
function date(r) {
  const y = 2019 + Math.floor(r() * 7);
  const mo = Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return { y, mo, d, wd: (new Date(Date.UTC(y, mo, d)).getUTCDay() + 6) % 7, h: 7 + Math.floor(r() * 12), mi: Math.floor(r() * 60) };
}
function h12(t) { return `${((t.h + 11) % 12) + 1}:${pad(t.mi)} ${t.h < 12 ? "AM" : "PM"}`; }

/** Forward / reply header shapes of each client. Each returns the lines that precede the passed-on text. */
const SHAPES = {
  outlookDesktop(r, f, to, t, subj) {
    return ["", "-----Original Message-----", `From: ${f.name} <${f.email}>`, `Sent: ${DAYS_EN[t.wd]}, ${t.d} ${MONTHS_EN[t.mo]} ${t.y} ${pad(t.h)}:${pad(t.mi)}`, `To: ${to.name} <${to.email}>`, `Subject: ${subj}`, ""];
  },
  outlookNew(r, f, to, t, subj) {
    return ["", "________________________________", `From: ${f.name} <${f.email}>`, `Sent: ${DAYS_EN[t.wd]}, ${MONTHS_EN[t.mo]} ${t.d}, ${t.y} ${h12(t)}`, `To: ${to.name} <${to.email}>`, `Cc: Office <office@norcot-eyc.org.uk>`, `Subject: ${subj}`, ""];
  },
  outlookMobile(r, f, to, t, subj) {
    return ["", "Get Outlook for iOS", "________________________________", `From: ${f.name} <${f.email}>`, `Sent: ${DAYS_EN[t.wd]}, ${t.d} ${MONTHS_EN[t.mo]} ${t.y}, ${pad(t.h)}:${pad(t.mi)}`, `To: ${to.name}`, `Subject: ${subj}`, ""];
  },
  gmail(r, f, to, t, subj) {
    return ["", "---------- Forwarded message ---------", `From: ${f.name} <${f.email}>`, `Date: ${DAYS_EN[t.wd].slice(0, 3)}, ${t.d} ${MONTHS_EN[t.mo].slice(0, 3)} ${t.y} at ${pad(t.h)}:${pad(t.mi)}`, `Subject: ${subj}`, `To: <${to.email}>`, ""];
  },
  appleMail(r, f, to, t, subj) {
    return ["", "Sent from my iPhone", "", "Begin forwarded message:", "", `From: ${f.name} <${f.email}>`, `Date: ${t.d} ${MONTHS_EN[t.mo]} ${t.y} at ${pad(t.h)}:${pad(t.mi)}:${pad(t.d)} GMT`, `To: ${to.name} <${to.email}>`, `Subject: ${subj}`, ""];
  },
  thunderbird(r, f, to, t, subj) {
    return ["", "-------- Forwarded Message --------", `Subject: \t${subj}`, `Date: \t${DAYS_EN[t.wd].slice(0, 3)}, ${t.d} ${MONTHS_EN[t.mo].slice(0, 3)} ${t.y} ${pad(t.h)}:${pad(t.mi)}:14 +0000`, `From: \t${f.name} <${f.email}>`, `To: \t${to.name} <${to.email}>`, ""];
  },
  lotusForwardedBy(r, f, to, t, subj) {
    const ou = pick(r, NOTES_OUS);
    const o2 = pick(r, NOTES_OUS);
    return ["", `----- Forwarded by ${to.name}/${ou} on ${pad(t.mo + 1)}/${pad(t.d)}/${t.y} ${h12(t)} -----`, "", "", `${f.name}@${o2.split("/")[0]}`, `${pad(t.mo + 1)}/${pad(t.d > 1 ? t.d - 1 : 1)}/${t.y} ${h12({ h: (t.h + 3) % 24, mi: t.mi })}`, `To: ${to.name}/${ou}@${ou.split("/")[0]}`, `cc: ${pick(r, PEOPLE).join(" ")}/${o2}@${o2.split("/")[0]}`, `Subject: ${subj}`, ""];
  },
  lotusOnWrote(r, f, to, t, subj) {
    const ou = pick(r, NOTES_OUS);
    return ["", "", `"${f.name}" <${f.email}> on ${pad(t.mo + 1)}/${pad(t.d)}/${t.y} ${h12(t)}`, "", `To:   ${to.name}/${ou}@${ou.split("/")[0]}`, "cc:", "", `Subject:  ${subj}`, ""];
  },
  lotusAtOrg(r, f, to, t, subj) {
    const ou = pick(r, NOTES_OUS);
    return ["", `${f.name}@${ou.split("/")[0]} on ${pad(t.mo + 1)}/${pad(t.d)}/${t.y} ${h12(t)}`, `To: ${to.name}/${ou}@${ou.split("/")[0]}, ${pick(r, PEOPLE).join(" ")}/${ou}@${ou.split("/")[0]}`, "cc: ", `Subject: ${subj}`, ""];
  },
  fr(r, f, to, t, subj) {
    return ["", "-------- Message transféré --------", `De\u00a0: ${f.name} <${f.email}>`, `Envoyé\u00a0: ${L.fr.d[t.wd]} ${t.d} ${L.fr.m[t.mo]} ${t.y} ${pad(t.h)}:${pad(t.mi)}`, `À\u00a0: ${to.name} <${to.email}>`, `Objet\u00a0: ${subj}`, ""];
  },
  de(r, f, to, t, subj) {
    return ["", "-----Ursprüngliche Nachricht-----", `Von: ${f.name} <${f.email}>`, `Gesendet: ${L.de.d[t.wd]}, ${t.d}. ${L.de.m[t.mo]} ${t.y} ${pad(t.h)}:${pad(t.mi)}`, `An: ${to.name} <${to.email}>`, `Betreff: ${subj}`, ""];
  },
  es(r, f, to, t, subj) {
    return ["", "---------- Mensaje reenviado ---------", `De: ${f.name} <${f.email}>`, `Date: ${L.es.d[t.wd].slice(0, 3)}, ${t.d} ${L.es.m[t.mo].slice(0, 3)} ${t.y} a las ${pad(t.h)}:${pad(t.mi)}`, `Subject: ${subj}`, `To: <${to.email}>`, ""];
  },
  nl(r, f, to, t, subj) {
    return ["", "-----Oorspronkelijk bericht-----", `Van: ${f.name} <${f.email}>`, `Verzonden: ${L.nl.d[t.wd]} ${t.d} ${L.nl.m[t.mo]} ${t.y} ${pad(t.h)}:${pad(t.mi)}`, `Aan: ${to.name} <${to.email}>`, `Onderwerp: ${subj}`, ""];
  },
  pl(r, f, to, t, subj) {
    return ["", "-------- Przekazana wiadomość --------", `Temat: \t${subj}`, `Data: \t${t.d} ${L.pl.m[t.mo]} ${t.y} ${pad(t.h)}:${pad(t.mi)}`, `Nadawca: \t${f.name} <${f.email}>`, `Adresat: \t${to.name} <${to.email}>`, ""];
  },
};
const FW_PREFIX = { outlookDesktop: "FW: ", outlookNew: "FW: ", outlookMobile: "Fw: ", gmail: "Fwd: ", appleMail: "Fwd: ", thunderbird: "Fwd: ", lotusForwardedBy: "Fw: ", lotusOnWrote: "Fw: ", lotusAtOrg: "FW: ", fr: "TR : ", de: "WG: ", es: "RV: ", nl: "Doorst: ", pl: "PD: " };
const SHAPE_NAMES = Object.keys(SHAPES);
/** English shapes are used more often than the others, as in a UK nursery's inbox. */
const SHAPE_WEIGHTED = [...SHAPE_NAMES.filter((s) => s.length > 2), ...SHAPE_NAMES.filter((s) => s.length > 2), ...SHAPE_NAMES.filter((s) => s.length <= 2)];

function sigOf(r, p, work = false) {
  if (work) return pick(r, WORK_SIGS)(p);
  return pick(r, [
    `\n\n${p.first}`,
    `\n\nKind regards,\n${p.name}`,
    `\n\nMany thanks\n${p.first}\nNorcot Early Years Centre`,
    `\n\nBest wishes,\n${p.name}\nRoom Leader, Acorns\nNorcot Early Years Centre | 0118 000 0000`,
    `\n\nThanks,\n${p.first}\n\nSent from my Galaxy`,
    "",
  ]);
}

/** Signatures outside the nursery (work-* sources): offices, IT, open-source projects, schools, shops. */
const WORK_SIGS = [
  (p) => `\n\n${p.first}`,
  (p) => `\n\nRegards,\n${p.name}`,
  (p) => `\n\nBest,\n${p.first}\n\n--\n${p.name} | Finance Operations\nDirect line: 0161 496 0000`,
  (p) => `\n\nCheers,\n${p.first}`,
  (p) => `\n\n-- \n${p.name}\nSenior Developer`,
  (p) => `\n\nThanks\n${p.first}\n\nSent from my iPhone`,
  (p) => `\n\nKind regards\n${p.name}\nCustomer Services Team\n\nThis email and any attachments are confidential and intended solely for the addressee.`,
  () => "",
];

/** Quotes a block with "> " at the given depth, as many clients do on reply. */
function quote(text, depth = 1) {
  const pre = ">".repeat(depth) + " ";
  return text.split("\n").map((l) => (l === "" ? ">".repeat(depth) : pre + l)).join("\n");
}
/** "fw : send this to 7 friends ." — lower case, punctuation split off with spaces. */
function retokenise(text) {
  return text
    .toLowerCase()
    // sentence punctuation (followed by a space or the end) is split off, one mark at a time;
    // dots and colons inside addresses and times ("a.b@c.uk", "18:12") stay as they are
    .replace(/[.,!?;:]+(?=\s|$)/g, (m) => " " + m.split("").join(" ") + " ")
    .replace(/([()"])/g, " $1 ")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/** Short notes people write above something they pass on. */
const NOTES = {
  chain: ["thought you'd like this lol", "Too good not to share!!", "haha this is SO true", "Saw this on the parents' group, had to pass it on x", "Mum sent me this, don't break the chain!", "Not sure if this is true but better safe than sorry", "Please read, it's important", "love this xx", "This made my day 😂", "Sending to all my nursery girls", "Read to the end...", "FYI - pass it on", "Is this real?? Forwarding just in case", "Aww this made me cry", ""],
  clean: ["FYI, see below.", "Forwarding for info - no action needed.", "Please see below and let me know if you have any questions.", "Passing this on from the office.", "Can you pick this up please? Thanks.", "See the notice below for Thursday.", "Sharing as discussed in the staff meeting.", "For the rota folder.", "Copying you in for your records.", "Hi all, please read the notice below before Monday.", "Ha, that's us on Friday then! Details below x", "thought you'd want to see this before tomorrow", "Can you believe it's nearly summer already? See below.", "Sorry, meant to send this yesterday!", "fyi", ""],
};
/** Polite messages that heated or abusive replies sit above. */
const POLITE_NURSERY = [
  "Hi, just a reminder that the rota for next week is now on the staffroom board. Please check your shifts.",
  "Dear parent, we noticed that this month's invoice is still outstanding. Could you let us know when you are able to pay? Thank you.",
  "Hello everyone, the staff meeting has moved to Wednesday at 6pm. Sorry for any inconvenience.",
  "Hi, could you please make sure Amara's spare clothes bag is restocked? She has used both sets this week. Thanks!",
  "Hi all, I've swapped the Friday lates so that Bethan covers Acorns. Let me know if this causes problems.",
  "Dear parents, please remember that pick-up is by 6pm. Late collection fees will apply after that time.",
  "Hello, following your call this morning I have attached the accident form for Leo's graze. Kind regards, the office.",
  "Hi, the new fee schedule from September is attached. The hourly rate rises by 40p. Any questions, just ask.",
  "Morning! Just checking whether you've had a chance to finish the two-year checks for Butterflies?",
  "Dear Ms Clarke, thank you for your email. We will look into this and respond within five working days.",
  "Hi, please could you bring in a named water bottle for Poppy? Thank you.",
  "Good afternoon, just to let you know the invoice for July has been sent by email.",
  "Hi team, please remember to record fridge temperatures twice a day. Thanks for your help.",
  "Hello, we've had a few reports of lost coats. Please check your child has their own coat at pick-up.",
  "Dear parents, the nursery will close at 4pm on Christmas Eve. Thank you for understanding.",
  "Hi, the new observation app goes live on Monday. A short guide is attached.",
  "Hi all, could everyone add their holiday requests for August to the calendar by Friday?",
  "Hello, Jamie's key person will be away next week. Harjit will be looking after him.",
  "Dear Mr Patel, thank you for coming in today. I've attached the notes from our meeting.",
  "Morning all, the agency will send a practitioner to cover Acorns on Wednesday.",
];
/** Polite work messages (outside the nursery) that work-* replies sit above, heated or calm alike. */
const POLITE_WORK = [
  "Hi, just a reminder that timesheets for this month are due by Friday. Thanks.",
  "Hello, thanks for raising this. We have logged it as ticket 48213 and someone will be in touch.",
  "Hi all, the quarterly review meeting has moved to Thursday at 2pm in Room 3.",
  "Thanks for the patch. I've left a couple of comments inline when you get a chance.",
  "Dear customer, thank you for contacting us. Your reference number is CS-22917.",
  "Hi, could you send over the updated figures before the board pack goes out? Thanks!",
  "Hello, following our call I've attached the revised quote for the office move.",
  "Hi, the release branch is cut tomorrow morning, so please get any last changes merged today.",
  "Dear volunteers, the rota for the summer fete is attached. Let me know of any clashes.",
  "Hi, just checking in on the status of the migration. Anything blocking you?",
  "Hello, the agenda for Tuesday's committee meeting is attached. Apologies to be sent to the clerk.",
  "Dear parents, Year 4's trip to the science museum is on the 12th. Consent forms by Monday please.",
  "Hi, the viewing for the flat on Elm Road is confirmed for Saturday at 11.",
  "Thanks for your report. Could you share the version you are running and the steps to reproduce?",
  "Hi team, the new expenses tool is live from Monday. A short guide is on the intranet.",
];
/** Short, ordinary replies: clean mail also sits above these quoted messages, so the quoted text is no sign of heat. */
const CALM_REPLIES = ["Thanks, will do.", "Noted, thank you.", "Thanks for the reminder!", "OK, that's fine with me.", "Thanks - I'll sort that today.", "Lovely, thanks for letting me know."];

/** Parses base/<source>.txt into [{subject, text, flags}]. */
function readBase(source) {
  const file = path.join(DIR, "base", `${source}.txt`);
  const raw = fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n");
  const out = [];
  let cur = null;
  for (const line of raw.split("\n")) {
    const m = /^### (?:\{([ach]*)\} )?(.*)$/.exec(line);
    if (m) {
      if (cur) out.push(cur);
      cur = { flags: m[1], subject: m[2].trim(), lines: [] };
    } else if (cur) cur.lines.push(line);
    else if (line.trim() !== "" && !line.startsWith("#")) throw new Error(`${file}: text before the first "### subject" line: ${line}`);
  }
  if (cur) out.push(cur);
  return out.map((b, i) => {
    const text = b.lines.join("\n").trim();
    if (!text) throw new Error(`${file}: message ${i + 1} ("${b.subject}") has no body`);
    return { subject: b.subject, text, flags: b.flags };
  });
}

function labelsOf(source, flags) {
  if (flags === undefined) return { ...SOURCES[source] };
  return { abusive: flags.includes("a") ? 1 : 0, chain: flags.includes("c") ? 1 : 0, heated: flags.includes("h") ? 1 : 0 };
}

/** One forward wrapper: the sender's note, the client's header block, then the passed-on text. */
function forward(r, shape, note, subj, body) {
  const f = person(r);
  const to = person(r);
  const head = SHAPES[shape](r, f, to, date(r), subj);
  return { subject: FW_PREFIX[shape] + subj, text: (note + "\n" + head.join("\n") + "\n" + body).replace(/^\n+/, "") };
}

/** The variants of one base message, by source. */
function variants(source, base, gi) {
  const r = rng(seedOf(`${source}#${gi}`));
  // comment-* and thread-* use the general signatures and quoted messages of work-* (they are not the nursery's own)
  const work = source.startsWith("work-") || source.startsWith("comment-") || source.startsWith("thread-") || source.startsWith("post-") || source.startsWith("list-") || source.startsWith("fwd-") || source.startsWith("review-") || source.startsWith("tweet-");
  const sig = (r, p) => sigOf(r, p, work);
  const POLITE = work ? POLITE_WORK : POLITE_NURSERY;
  const me = person(r);
  const v = [];
  const add = (subject, text) => v.push({ subject, text });
  const { chain, heated, abusive } = SOURCES[source];
  // abuse is shown like heat (the sender's own words, never a neutral forward), even when it is not angry
  const kind = chain ? "chain" : heated || abusive ? "hot" : "clean";
  add(base.subject, base.text + sig(r, me));
  if (kind === "chain") {
    // passed on by one client, then by several in turn (FW: FW: FW:), then re-tokenised, then with ">" quoting
    const s1 = pick(r, SHAPE_WEIGHTED);
    const f1 = forward(r, s1, pick(r, NOTES.chain), base.subject, base.text);
    add(f1.subject, f1.text);
    let subj = base.subject;
    let body = base.text;
    const hops = 2 + Math.floor(r() * 3);
    for (let i = 0; i < hops; i++) {
      const f = forward(r, pick(r, SHAPE_WEIGHTED), i === hops - 1 ? pick(r, NOTES.chain) : "", subj, body);
      subj = f.subject;
      body = f.text;
    }
    add(subj, body);
    add(retokenise(f1.subject), retokenise(f1.text));
    if (r() < 0.6) {
      const p = person(r);
      add("Fwd: " + base.subject, `${pick(r, NOTES.chain)}\n\nOn ${date(r).d} ${MONTHS_EN[date(r).mo]} ${2019 + Math.floor(r() * 7)}, at ${pad(9 + Math.floor(r() * 9))}:${pad(Math.floor(r() * 60))}, ${p.name} <${p.email}> wrote:\n\n${quote(base.text, 1 + Math.floor(r() * 2))}`);
    }
  } else if (kind === "hot") {
    // the heat is in the sender's own words, above a polite quoted message
    const p = person(r);
    const pol = pick(r, POLITE);
    const t = date(r);
    if (r() < 0.5) add("Re: " + base.subject, `${base.text}\n\nOn ${DAYS_EN[t.wd].slice(0, 3)}, ${t.d} ${MONTHS_EN[t.mo].slice(0, 3)} ${t.y} at ${pad(t.h)}:${pad(t.mi)}, ${p.name} <${p.email}> wrote:\n${quote(pol)}`);
    else add("RE: " + base.subject, `${base.text}${sig(r, me)}\n${SHAPES[pick(r, ["outlookDesktop", "outlookNew", "outlookMobile"])](r, p, me, t, base.subject).join("\n")}\n${pol}`);
    add(base.subject.toLowerCase(), base.text.toLowerCase());
    if (r() < 0.5) add(retokenise(base.subject), retokenise(base.text));
  } else {
    const s1 = pick(r, SHAPE_WEIGHTED);
    const f1 = forward(r, s1, pick(r, NOTES.clean), base.subject, base.text + sig(r, person(r)));
    add(f1.subject, f1.text);
    // work mail is passed along several hands too (office -> manager -> room): nested headers are not a sign of chain mail
    if (r() < 0.4) {
      let subj = f1.subject;
      let body = f1.text;
      const hops = 1 + Math.floor(r() * 2);
      for (let i = 0; i < hops; i++) {
        const f = forward(r, pick(r, SHAPE_WEIGHTED), pick(r, NOTES.clean), subj, body);
        subj = f.subject;
        body = f.text;
      }
      add(subj, body);
    }
    if (r() < 0.25) add(retokenise(base.subject), retokenise(base.text));
    if (r() < 0.3) {
      const p = person(r);
      const t = date(r);
      add("Re: " + base.subject, `${pick(r, CALM_REPLIES)}${sig(r, me)}\n\nOn ${DAYS_EN[t.wd].slice(0, 3)}, ${t.d} ${MONTHS_EN[t.mo].slice(0, 3)} ${t.y} at ${pad(t.h)}:${pad(t.mi)}, ${p.name} <${p.email}> wrote:\n${quote(pick(r, POLITE))}`);
    }
    if (r() < 0.5) add(base.subject.toLowerCase(), base.text.toLowerCase());
    else {
      const p = person(r);
      const t = date(r);
      add("Re: " + base.subject, `${pick(r, ["Thanks, that's fine.", "Lovely, thank you!", "Noted - thanks.", "Thank you, I'll pass it on to the team.", "Thanks for letting us know. See you Monday."])}\n\nOn ${t.d} ${MONTHS_EN[t.mo]} ${t.y}, at ${pad(t.h)}:${pad(t.mi)}, ${p.name} <${p.email}> wrote:\n${quote(base.text)}`);
    }
  }
  return v;
}

function build() {
  const files = {};
  const counts = {};
  for (const source of Object.keys(SOURCES)) {
    const bases = readBase(source);
    const lines = [];
    let n = 0;
    const seen = new Set();
    bases.forEach((b, gi) => {
      const key = b.text.toLowerCase().replace(/\s+/g, " ");
      if (seen.has(key)) throw new Error(`${source}: message ${gi + 1} ("${b.subject}") repeats an earlier one`);
      seen.add(key);
      const labels = labelsOf(source, b.flags);
      const group = `${source}-g${String(gi + 1).padStart(3, "0")}`;
      for (const x of variants(source, b, gi)) {
        n++;
        lines.push(JSON.stringify({ id: `${source}-${n}`, source, group, subject: x.subject, text: x.text, ...labels }));
      }
    });
    files[`${source}.jsonl`] = lines.join("\n") + "\n";
    counts[source] = { groups: bases.length, rows: n };
  }
  return { files, counts };
}

/** The counts table in README.md, between the markers, so the README always says what was built. */
function withCounts(readme, counts) {
  const start = "<!-- counts -->";
  const end = "<!-- /counts -->";
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md: needs the markers ${start} and ${end}`);
  let total = { groups: 0, rows: 0 };
  const lines = ["| source | groups (base messages) | rows |", "| --- | ---: | ---: |"];
  for (const [s, c] of Object.entries(counts)) {
    lines.push(`| ${s} | ${c.groups} | ${c.rows} |`);
    total = { groups: total.groups + c.groups, rows: total.rows + c.rows };
  }
  lines.push(`| **all** | ${total.groups} | ${total.rows} |`);
  return readme.slice(0, a + start.length) + "\n" + lines.join("\n") + "\n" + readme.slice(b);
}

function main() {
  const check = process.argv.includes("--check");
  const { files, counts } = build();
  files["README.md"] = withCounts(fs.readFileSync(path.join(DIR, "README.md"), "utf8"), counts);
  let bad = 0;
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(DIR, name);
    if (check) {
      const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
      if (old !== content) {
        bad++;
        process.stderr.write(`${name}: differs from what build.js writes (run node tools/detect/corpus/build.js)\n`);
      }
    } else fs.writeFileSync(file, content);
  }
  for (const [s, c] of Object.entries(counts)) process.stdout.write(`${s}: ${c.groups} groups, ${c.rows} rows\n`);
  if (bad) process.exit(1);
}

if (require.main === module) main();
module.exports = { build, retokenise, quote, SHAPES };
