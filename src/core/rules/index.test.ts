/**
 * The catalogue: every rule under its own id (taken from `meta.id`), in design.md's order,
 * which is also the order findings of equal severity are listed in.
 */
import { ruleIds, rules } from "./index";

describe("rule catalogue", () => {
  it("lists the rules in design.md's order, each under its meta.id", () => {
    expect(ruleIds).toEqual([
      "disclaimer",
      "bcc-for-bulk-mail",
      "audience-size",
      "no-lookalike-domain",
      "no-personal-data",
      "no-staff-only-content",
      "no-abusive-language",
      "no-heated-tone",
      "no-complaint-by-email",
      "no-offensive-forward",
      "no-chain-mail",
      "no-contractual-commitment",
      "no-send-as-other",
      "no-media-attachment",
      "photo-consent",
      "attachment-reminder",
      "subject-required",
    ]);
    for (const id of ruleIds) expect(rules[id]?.meta.id).toBe(id);
    expect(new Set(Object.values(rules)).size).toBe(ruleIds.length);
  });
});
