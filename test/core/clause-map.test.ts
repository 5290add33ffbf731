/**
 * Issue 11 item 5: every (rule, message id) pair quotes the clause it enforces. The expected
 * clause of each pair is written out here by hand, from the policy's words, not read from the
 * code under test. The code lists only the pairs whose clause is not their rule's own.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { CLAUSES } from "../../src/core/policy/clauses";
import { CLAUSE_OF_MESSAGE, clauseOfMessage } from "../../src/core/policy/clause-map";
import { rules } from "../../src/core/rules";
import { checkDraft } from "../../src/core/engine/run-rules";
import { normalizePolicy } from "../../src/core/policy/policy";
import { makeDraft } from "../rule-tester";
import { parseDraft } from "../../src/core/draft/parse-draft";

const EXPECTED: Record<string, Record<string, keyof typeof CLAUSES>> = {
  disclaimer: { missing: "disclaimer", missingAutoInsert: "disclaimer", altered: "disclaimer" },
  // Parents' addresses shown to each other: personal information disclosed.
  "bcc-for-bulk-mail": { visibleAddresses: "dataProtection" },
  // Copying people who do not need it.
  "audience-size": { tooManyRecipients: "congestion", shortReplyAll: "congestion" },
  // A domain that only looks like the trusted one: a means known not to be secure.
  "no-lookalike-domain": { similarSpelling: "insecure", differentEnding: "insecure", lookalikeCharacters: "insecure", addedWords: "insecure", hiddenInSubdomain: "insecure" },
  "no-personal-data": { identifier: "dataProtection", dateOfBirth: "dataProtection", homeAddress: "dataProtection", sensitiveDetails: "dataProtection" },
  "no-staff-only-content": { staffOnlyText: "staffOnly", staffOnlyAttachment: "staffOnly" },
  "no-abusive-language": { abusive: "abusive", threat: "abusive" },
  "no-heated-tone": { heated: "heatOfTheMoment" },
  "no-complaint-by-email": { formalComplaint: "complaints", complaint: "complaints" },
  "no-offensive-forward": { offensiveForward: "doNotForward" },
  "no-chain-mail": { chainLetter: "chainMail", hoax: "chainMail", joke: "chainMail" },
  "no-contractual-commitment": { commitment: "commitments" },
  "no-send-as-other": { sendingAsOther: "assumedName" },
  // Music and video: copyright. Oversized files: congestion, not copyright.
  "no-media-attachment": { mediaFile: "copyright", largeFile: "congestion", largeTotal: "congestion" },
  "photo-consent": { photosOutside: "photoConsent" },
  // "without first checking the content".
  "attachment-reminder": { missingAttachment: "heatOfTheMoment" },
  // "written as professionally as a letter".
  "subject-required": { emptySubject: "professional", meaninglessSubject: "professional" },
};

const policyText = readFileSync(join(__dirname, "../../docs/policy/electronic-communication-policy.md"), "utf8").replace(/\s+/g, " ");

describe("clause of each finding", () => {
  const pairs = Object.entries(rules).flatMap(([ruleId, rule]) => Object.keys(rule.meta.messages).map((messageId) => [ruleId, messageId] as const));

  it.each(pairs)("%s / %s has the expected clause, quoted from the policy", (ruleId, messageId) => {
    const expected = EXPECTED[ruleId]?.[messageId];
    expect(expected).toBeDefined();
    // What the engine quotes: the table's exception, else the rule's own clause.
    const quoted = clauseOfMessage(ruleId, messageId) ?? rules[ruleId]?.meta.clause;
    expect(quoted).toBe(CLAUSES[expected as keyof typeof CLAUSES]);
    expect(policyText).toContain(CLAUSES[expected as keyof typeof CLAUSES].quote.replace(/\s+/g, " "));
  });

  it("lists only pairs that a rule reports, each with a clause other than its rule's own", () => {
    const table = Object.entries(CLAUSE_OF_MESSAGE).flatMap(([r, m]) => Object.entries(m).map(([id, clause]) => [r, id, clause] as const));
    expect(table.length).toBeGreaterThan(0);
    for (const [r, id, clause] of table) {
      expect(pairs.map(([rr, m]) => `${rr}/${m}`)).toContain(`${r}/${id}`);
      expect(CLAUSES[clause]).not.toBe(rules[r]?.meta.clause);
    }
  });

  it("an attachment over 10 MB quotes the congestion clause, a music file the copyright one", () => {
    const all = Object.fromEntries(Object.keys(rules).map((id) => [id, "off"]));
    const policy = normalizePolicy({ version: 1, rules: { ...all, "no-media-attachment": "warn" } }, rules);
    const draft = parseDraft(makeDraft({
      attachments: [
        { name: "nativity-video.zip", size: 14 * 1024 * 1024, contentType: "application/zip" },
        { name: "song.mp3", size: 1000, contentType: "audio/mpeg" },
      ],
    }));
    const findings = checkDraft(draft, policy).findings;
    const large = findings.find((f) => f.messageId === "largeFile");
    const media = findings.find((f) => f.messageId === "mediaFile");
    expect(large?.clause.quote).toContain("unnecessarily copying or forwarding e-mails");
    expect(media?.clause.quote).toContain("text, music and other content on the internet are copyright works");
  });
});
