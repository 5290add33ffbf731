import rule, { createPersonalDataFinder, findDate, isValidNhsNumber, isValidNiNumber, isValidUpn, upnCheckLetter } from "./no-personal-data";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";

// ---- Test data computed here, from the published definitions (independently of the rule) ----

/** Appends the modulus 11 check digit to nine digits, or returns null when none exists (remainder 10). */
function nhsNumber(nine: string): string | null {
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : `${nine}${check}`;
}

/** The first n valid NHS numbers after a start, as plain digits. */
function validNhsNumbers(start: number, n: number): string[] {
  const out: string[] = [];
  for (let k = start; out.length < n; k++) {
    const num = nhsNumber(String(k).padStart(9, "0"));
    if (num !== null) out.push(num);
  }
  return out;
}

/** A UPN with its DfE check letter in front: weights 2..13 on characters 2..13, sum mod 23. */
function upn(twelve: string): string {
  const alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";
  let sum = 0;
  [...twelve].forEach((ch, i) => {
    sum += (/\d/.test(ch) ? Number(ch) : alphabet.indexOf(ch)) * (i + 2);
  });
  return `${alphabet[sum % 23]}${twelve}`;
}

function spaced(nhs: string, sep = " "): string {
  return `${nhs.slice(0, 3)}${sep}${nhs.slice(3, 6)}${sep}${nhs.slice(6)}`;
}

/** Changes the last digit, so the check digit is wrong. */
function corrupt(num: string): string {
  return num.slice(0, -1) + String((Number(num.slice(-1)) + 1) % 10);
}

const NHS = "9434765919"; // the NHS's own example
const NHS_SPACED = spaced(NHS);
const [NHS2, NHS3] = validNhsNumbers(400_000_000, 2) as [string, string];
const UPN = upn("820200101001");
const UPN_TEMP = upn("82020010100A");
const NI = "AB 12 34 56 C";

const PARENT = { email: "jane.parent@gmail.com", name: "Jane Parent", type: "externalUser" };
const COLLEAGUE = { email: "b.smith@norcotearlyyearscentre.co.uk", name: "Ben Smith" };
const COUNCIL = { email: "officer@reading.gov.uk", name: "Officer" };
const toParent = (body: string, extra: Record<string, unknown> = {}) => makeDraft({ to: [PARENT], body, ...extra });
const removeParent = { kind: "remove-recipients", targets: ["jane.parent@gmail.com"] } as const;

runRuleTests(rule, {
  valid: [
    { name: "ordinary mail to a parent", draft: toParent("Hi Jane,\n\nMia had a lovely day painting in the garden.\n\nAmy") },
    { name: "NHS number to a colleague only", draft: makeDraft({ to: [COLLEAGUE], body: `Mia's NHS number is ${NHS_SPACED}.` }) },
    { name: "NHS number to the trusted local authority", draft: makeDraft({ to: [COUNCIL], body: `NHS number ${NHS_SPACED}, DOB 03/03/2021, EHCP attached.` }) },
    { name: "colleague and partner together", draft: makeDraft({ to: [COLLEAGUE], cc: [COUNCIL], body: `Jack Smith EHCP review, UPN ${UPN}` }) },
    { name: "invalid NHS check digit", draft: toParent(`Ref ${spaced(corrupt(NHS))}`) },
    { name: "repeated digits are not an NHS number", draft: toParent("Reference 000 000 0000 and 111 111 1111") },
    { name: "bare ten digits without NHS nearby are a reference, not an NHS number", draft: toParent(`Your order number is ${NHS2}.`) },
    { name: "a phone number with a country code", draft: toParent("Call us on +44 118 937 3737 or 0118 937 3737.") },
    { name: "invalid UPN check letter", draft: toParent(`Code ${UPN[0] === "A" ? "B" : "A"}${UPN.slice(1)}`) },
    { name: "NI number with a forbidden prefix", draft: toParent("Numbers: GB 12 34 56 A, QQ 12 34 56 C, AO 12 34 56 B, DA 123456 A") },
    { name: "NI number with a bad suffix", draft: toParent("AB 12 34 56 E") },
    { name: "a date that is not a date of birth", draft: toParent("The trip is on 3rd March 2025, and the deadline is 01/02/2025.") },
    { name: "born without a date", draft: toParent("She was born in Reading and loves the park.") },
    { name: "the Centre's postcode in the text", draft: toParent("Our new office is at Norcot Early Years Centre, Lyndhurst Road, Reading RG30 6UB.") },
    { name: "SEN policy on the website", draft: toParent("Our SEN policy is on the website, along with the SEN information report.") },
    { name: "allergy-friendly menu", draft: toParent("We now have an allergy-friendly menu, and the nursery is nut-free.") },
    { name: "asking about allergies in general", draft: toParent("Please let us know if your child has any allergies before the picnic.") },
    { name: "safeguarding training", draft: toParent("Staff attended child protection training and the safeguarding policy has been updated.") },
    { name: "DBS disclosure is not a safeguarding disclosure", draft: toParent("Your DBS disclosure certificate arrived; the disclosure and barring service confirmed it.") },
    { name: "awareness week", draft: toParent("It is autism awareness week: come to our workshop on Friday.") },
    { name: "medication policy", draft: toParent("The medication policy asks parents to sign a form before we give any medicine.") },
    { name: "EHCP guidance attachment", draft: toParent("Guidance attached.", { attachments: [{ name: "EHCP guidance for parents.pdf", size: 1000 }] }) },
    { name: "personal data only in quoted history", draft: toParent(`Thanks!\n\n-----Original Message-----\nFrom: Jane\nMia's NHS number is ${NHS_SPACED}`) },
    { name: "no recipients", draft: makeDraft({ to: [], body: `NHS number ${NHS_SPACED}` }) },
    {
      name: "checkInternal: nothing to find",
      options: { checkInternal: true },
      draft: makeDraft({ to: [COLLEAGUE], body: "The rota is on the board." }),
    },
  ],
  invalid: [
    {
      name: "NHS number with spaces",
      draft: toParent(`Mia's NHS number is ${NHS_SPACED}.`),
      errors: [
        {
          messageId: "identifier",
          field: "body",
          data: { what: "an NHS number", masked: "••• ••• •919", audience: "1 person outside the Centre" },
          evidenceIncludes: ["NHS number ••• ••• •919 in the message"],
          evidenceExcludes: [NHS_SPACED, NHS, "943"],
          fix: removeParent,
        },
      ],
    },
    {
      name: "NHS number with dashes",
      draft: toParent(`NHS: ${spaced(NHS2, "-")}`),
      errors: [{ messageId: "identifier", data: { what: "an NHS number" }, evidenceExcludes: [spaced(NHS2, "-")] }],
    },
    {
      name: "NHS number as bare digits with NHS nearby",
      draft: toParent(`Her NHS no. ${NHS3}`),
      errors: [{ messageId: "identifier", data: { what: "an NHS number", masked: `•••••••${NHS3.slice(-3)}` }, evidenceExcludes: [NHS3] }],
    },
    {
      name: "two NHS numbers make one finding with a count",
      draft: toParent(`NHS numbers: ${spaced(NHS2)} and ${spaced(NHS3)}`),
      errors: [{ messageId: "identifier", evidenceIncludes: ["(2 found)"], evidenceExcludes: [spaced(NHS2), spaced(NHS3)] }],
    },
    {
      name: "National Insurance number",
      draft: toParent(`My NI number is ${NI}.`),
      errors: [{ messageId: "identifier", data: { what: "a National Insurance number", masked: "•• •• •• 56 C" }, evidenceExcludes: [NI, "AB 12"] }],
    },
    {
      name: "National Insurance number without spaces, lower case",
      draft: toParent("ni: je123456d"),
      errors: [{ messageId: "identifier", data: { what: "a National Insurance number" }, evidenceExcludes: ["je123456d"] }],
    },
    {
      name: "Unique Pupil Number",
      draft: toParent(`UPN: ${UPN}`),
      errors: [{ messageId: "identifier", data: { what: "a Unique Pupil Number" }, evidenceExcludes: [UPN, UPN.slice(0, 8)] }],
    },
    {
      name: "temporary UPN with a final letter",
      draft: toParent(`Temporary UPN ${UPN_TEMP}`),
      errors: [{ messageId: "identifier", data: { what: "a Unique Pupil Number" } }],
    },
    {
      name: "NHS number in the subject",
      draft: toParent("Hello", { subject: `Referral NHS ${NHS_SPACED}` }),
      errors: [{ messageId: "identifier", field: "subject", evidenceIncludes: ["in the subject"] }],
    },
    {
      name: "date of birth, numeric",
      draft: toParent("Child: Mia, DOB: 03/03/2021"),
      errors: [{ messageId: "dateOfBirth", data: { masked: "••/••/••••" }, evidenceExcludes: ["03/03/2021", "2021"] }],
    },
    {
      name: "date of birth, written out",
      draft: toParent("Mia was born on the 3rd March 2021 at the Royal Berkshire."),
      errors: [{ messageId: "dateOfBirth", data: { masked: "••• ••••• ••••" }, evidenceExcludes: ["March", "2021"] }],
    },
    {
      name: "date of birth, d.o.b. and ISO",
      draft: toParent("d.o.b. 2021-03-03"),
      errors: [{ messageId: "dateOfBirth", evidenceExcludes: ["2021-03-03"] }],
    },
    {
      name: "date of birth, month first",
      draft: toParent("Date of birth: March 3rd, 2021"),
      errors: [{ messageId: "dateOfBirth", data: { masked: "••••• •••, ••••" } }],
    },
    {
      name: "home address with a street line",
      draft: toParent("Please send the form to 12 Oxford Road, Reading RG1 7LB."),
      errors: [{ messageId: "homeAddress", data: { masked: "••• •••" }, evidenceExcludes: ["RG1", "7LB"] }],
    },
    {
      name: "home address after lives at",
      draft: toParent("Jack now lives at The Old Barn, Tilehurst, rg31 5ab with his dad."),
      errors: [{ messageId: "homeAddress", evidenceExcludes: ["rg31"] }],
    },
    {
      name: "EHCP with a name",
      draft: toParent("Jack's EHCP review is next week."),
      errors: [{ messageId: "sensitiveDetails", data: { topic: "special educational needs", term: "EHCP" } }],
    },
    {
      name: "child protection plan",
      draft: toParent("As you know, Mia is on a child protection plan."),
      errors: [{ messageId: "sensitiveDetails", data: { topic: "safeguarding" } }],
    },
    {
      name: "CP plan and social worker",
      draft: toParent("The CP plan was discussed with her social worker."),
      errors: [{ messageId: "sensitiveDetails", data: { topic: "safeguarding", term: "CP plan" } }],
    },
    {
      name: "LADO",
      draft: toParent("I have referred the allegation against the member of staff to the LADO."),
      errors: [{ messageId: "sensitiveDetails", data: { topic: "safeguarding" } }],
    },
    {
      name: "a disclosure in the safeguarding sense",
      draft: toParent("This morning Jack made a disclosure to his key worker."),
      errors: [{ messageId: "sensitiveDetails", data: { topic: "safeguarding", term: "made a disclosure" } }],
    },
    {
      name: "allergy with a name",
      draft: toParent("Just so you know, Oliver is allergic to peanuts and carries an EpiPen."),
      errors: [{ messageId: "sensitiveDetails", data: { topic: "medical", term: "allergic to" } }],
    },
    {
      name: "medication with a dosage",
      draft: toParent("Please give her the medication, 5ml twice a day."),
      errors: [{ messageId: "sensitiveDetails", data: { topic: "medical" } }],
    },
    {
      name: "diagnosis",
      draft: toParent("He was diagnosed with epilepsy last month."),
      errors: [{ messageId: "sensitiveDetails", data: { topic: "medical", term: "diagnosed with" } }],
    },
    {
      name: "attachment named after a child's EHCP",
      draft: toParent("Please see attached.", { attachments: [{ name: "Jack Smith EHCP.pdf", size: 1000 }] }),
      errors: [{ messageId: "sensitiveDetails", field: "attachments", evidenceIncludes: ["in an attachment name"], evidenceExcludes: ["Jack", "Smith"] }],
    },
    {
      name: "several kinds in one message: one finding each",
      draft: toParent(`Mia Jones, DOB 03/03/2021, NHS ${NHS_SPACED}, lives at 4 Mill Lane, Reading RG1 2AB. She has an EHCP.`),
      errors: [
        { messageId: "identifier", evidenceExcludes: [NHS_SPACED] },
        { messageId: "dateOfBirth", evidenceExcludes: ["03/03/2021"] },
        { messageId: "homeAddress", evidenceExcludes: ["RG1 2AB"] },
        { messageId: "sensitiveDetails" },
      ],
    },
    {
      name: "parent in Bcc among colleagues",
      draft: makeDraft({ to: [COLLEAGUE], bcc: [PARENT], body: `NHS number ${NHS_SPACED}` }),
      errors: [{ messageId: "identifier", data: { audience: "1 person outside the Centre" }, fix: removeParent }],
    },
    {
      name: "two parents",
      draft: makeDraft({ to: [PARENT, "dad@yahoo.co.uk"], body: `DOB 3/3/21` }),
      errors: [{ messageId: "dateOfBirth", data: { audience: "2 people outside the Centre" } }],
    },
    {
      name: "checkInternal: colleagues only",
      options: { checkInternal: true },
      draft: makeDraft({ to: [COLLEAGUE], body: `Mia's NHS number is ${NHS_SPACED}.` }),
      errors: [{ messageId: "identifier", data: { audience: "people inside the Centre" } }],
    },
    {
      name: "extra sensitive terms from SMT",
      options: { extraSensitiveTerms: ["Sunflower Family Support"] },
      draft: toParent("We have made a referral to sunflower family-support."),
      errors: [{ messageId: "sensitiveDetails", data: { term: "sunflower family-support" } }],
    },
  ],
});

describe("no-personal-data (check digits)", () => {
  it("accepts valid NHS numbers, computed here, and rejects a wrong check digit", () => {
    const numbers = validNhsNumbers(123_456_780, 200);
    for (const n of numbers) {
      expect(isValidNhsNumber(n)).toBe(true);
      expect(isValidNhsNumber(spaced(n, "-"))).toBe(true);
      expect(isValidNhsNumber(corrupt(n))).toBe(false);
    }
  });

  it("rejects NHS numbers whose check digit would be 10, and one-digit repeats", () => {
    let nine = 100_000_000;
    while (nhsNumber(String(nine)) !== null) nine++;
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`${nine}${d}`)).toBe(false);
    expect(isValidNhsNumber("0000000000")).toBe(false);
    expect(isValidNhsNumber("943476591")).toBe(false);
  });

  it("computes UPN check letters as the DfE does", () => {
    for (let k = 0; k < 200; k++) {
      const twelve = String(820_200_100_000 + k * 7919).padStart(11, "0").slice(0, 11) + String(k % 10);
      const value = upn(twelve);
      expect(upnCheckLetter(twelve)).toBe(value[0]);
      expect(isValidUpn(value)).toBe(true);
      const wrong = (value[0] === "A" ? "B" : "A") + twelve;
      expect(isValidUpn(wrong)).toBe(false);
    }
    expect(isValidUpn(UPN_TEMP)).toBe(true);
    expect(upnCheckLetter("82020010100I")).toBeNull(); // I is not in the check alphabet
  });

  it("validates NI number formats", () => {
    expect(isValidNiNumber("AB123456C")).toBe(true);
    expect(isValidNiNumber("ab 12 34 56 d")).toBe(true);
    for (const bad of ["DA123456A", "FA123456A", "IA123456A", "QA123456A", "UA123456A", "VA123456A", "AO123456A", "AD123456A"]) {
      expect(isValidNiNumber(bad)).toBe(false);
    }
    for (const prefix of ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]) expect(isValidNiNumber(`${prefix}123456A`)).toBe(false);
    expect(isValidNiNumber("AB123456E")).toBe(false);
    expect(isValidNiNumber("AB12345C")).toBe(false);
  });

  it("finds dates in the formats people write", () => {
    expect(findDate(" 3rd March 2021")).toBe("3rd March 2021");
    expect(findDate(" 3 Mar 2021")).toBe("3 Mar 2021");
    expect(findDate(" the 3rd of March")).toBe("3rd of March");
    expect(findDate(" March 3, 2021")).toBe("March 3, 2021");
    expect(findDate(" 03.03.2021")).toBe("03.03.2021");
    expect(findDate(" 3-3-21")).toBe("3-3-21");
    expect(findDate(" 2021-03-03")).toBe("2021-03-03");
    expect(findDate(" 45/45/2021")).toBeNull();
    expect(findDate(" in the summer")).toBeNull();
  });
});

describe("no-personal-data (masking and large input)", () => {
  it("never puts the raw data in the message data or evidence", () => {
    const body = `NHS ${NHS_SPACED}; NI ${NI}; UPN ${UPN}; DOB 03/03/2021; lives at 4 Mill Lane, Reading RG1 2AB`;
    const found = runRule(rule, { draft: toParent(body) });
    expect(found.map((f) => f.messageId)).toEqual(["identifier", "identifier", "identifier", "dateOfBirth", "homeAddress"]);
    const shown = JSON.stringify(found.map((f) => [f.data, f.evidence]));
    for (const raw of [NHS_SPACED, "5919", NI, "12 34", UPN, UPN.slice(0, 9), "03/03", "2021", "RG1", "2AB", "Mill"]) expect(shown).not.toContain(raw);
  });

  const paragraph =
    "Today the children planted sunflowers, read a story about a bear and she painted a picture for her mum on 12/03/2024. Lunch was pasta. ";
  const mb = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));

  // How fast the scan is, and that 4 MB takes about four times 1 MB, is measured by npm run bench.
  it("finds nothing in 1 MB or 4 MB of ordinary mail with a date that is not a date of birth", () => {
    const find = createPersonalDataFinder();
    expect(find(mb)).toEqual([]);
    expect(find(mb.repeat(4))).toEqual([]);
  });

  it("checks a 1 MB message end to end", () => {
    expect(runRule(rule, { draft: toParent(mb) })).toEqual([]);
  });

  it("copes with 50 KB of one repeated character or digit, or of one repeated keyword", () => {
    const find = createPersonalDataFinder();
    for (const ch of ["9", "a", " ", "-", "A", "1 ", "9 ", "RG1 ", "DOB ", "allergy ", "she ", "12 Road ", "AB 12 "]) {
      expect([ch, find(ch.repeat(Math.ceil(50_000 / ch.length)))]).toEqual([ch, []]);
    }
    expect(find("EHCP ".repeat(10_000))).toEqual([{ type: "sensitive", topic: "sen", term: "EHCP" }]);
  });

  it("finds identifiers, dates and postcodes however far into the text the first digit is, and terms without any digit", () => {
    // Texts without a digit skip the identifier, date and postcode searches.
    const find = createPersonalDataFinder();
    const far = "The children played outside in the garden all morning. ".repeat(2_000);
    const body = `${far}Her NHS number is ${NHS_SPACED}, DOB 03/03/2021, she lives at 4 Mill Lane, Reading RG1 2AB.`;
    expect(find(body).map((h) => h.type)).toEqual(["identifier", "dateOfBirth", "homeAddress"]);
    expect(find(`${far}Oliver has an EHCP and sees the speech and language therapist; his epilepsy plan is attached.`).map((h) => h.type)).toContain("sensitive");
  });

  it("finds a postcode whose inward letters fold to the listed ones ('ſ' reads as S), as the full search does", () => {
    // The quick check for an inward code before the postcode search must read letters as it does.
    const find = createPersonalDataFinder();
    expect(find("She lives at 4 Mill Lane, Reading RG1 2\u017fB.").map((h) => h.type)).toEqual(["homeAddress"]);
    expect(find("She lives at 4 Mill Lane, Reading rg1 2ab.").map((h) => h.type)).toEqual(["homeAddress"]);
  });

  it("finds nothing in an empty text", () => {
    expect(createPersonalDataFinder()("")).toEqual([]);
  });
});
