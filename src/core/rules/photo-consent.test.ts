import rule, { isImage } from "./photo-consent";
import fileTypes from "../data/attachments/file-types.json";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";

const PARENT = { email: "jane.parent@gmail.com", name: "Jane Parent", type: "externalUser" };
const COUNCIL = "officer@reading.gov.uk";
const photo = (name: string, size?: number, extra: Record<string, unknown> = {}) => ({ name, ...(size !== undefined ? { size } : {}), ...extra });

runRuleTests(rule, {
  valid: [
    { name: "photos to a colleague", draft: makeDraft({ attachments: [photo("Ella painting.jpg", 2_000_000)] }) },
    { name: "photos to a trusted partner", draft: makeDraft({ to: [COUNCIL], attachments: [photo("outing.png", 500_000)] }) },
    { name: "no recipients", draft: makeDraft({ to: [], attachments: [photo("outing.png", 500_000)] }) },
    { name: "no attachments to a parent", draft: makeDraft({ to: [PARENT] }) },
    { name: "a letter to a parent", draft: makeDraft({ to: [PARENT], attachments: [photo("Letter.pdf", 50_000, { contentType: "application/pdf" })] }) },
    { name: "a small inline signature logo", draft: makeDraft({ to: [PARENT], attachments: [photo("image001.png", 12_000, { isInline: true, contentType: "image/png" })] }) },
    { name: "an inline logo of unknown size", draft: makeDraft({ to: [PARENT], attachments: [photo("image001.png", undefined, { isInline: true })] }) },
    { name: "an SVG logo", draft: makeDraft({ to: [PARENT], attachments: [photo("logo.svg", 200_000, { contentType: "image/svg+xml" })] }) },
    { name: "a larger inline logo allowed by a higher limit", options: { inlineMinBytes: 200_000 }, draft: makeDraft({ to: [PARENT], attachments: [photo("banner.png", 120_000, { isInline: true })] }) },
  ],
  invalid: [
    {
      name: "a photo to a parent",
      draft: makeDraft({ to: [PARENT], attachments: [photo("Ella painting.jpg", 2_000_000)] }),
      errors: [{ messageId: "photosOutside", field: "attachments", data: { photos: "a photo", recipients: "1 person" }, evidenceIncludes: ["Ella painting.jpg"] }],
    },
    {
      name: "HEIC photos from a phone to parents in Bcc",
      draft: makeDraft({ to: [], bcc: [PARENT, "dad@yahoo.co.uk"], attachments: [photo("IMG_0001.HEIC", 3_000_000), photo("IMG_0002.heic", 3_000_000)] }),
      errors: [{ messageId: "photosOutside", data: { photos: "2 photos", recipients: "2 people" } }],
    },
    {
      name: "image recognised by content type alone",
      draft: makeDraft({ to: [PARENT], attachments: [photo("attachment", 900_000, { contentType: "image/jpeg" })] }),
      errors: [{ messageId: "photosOutside" }],
    },
    {
      name: "a large inline photo pasted into the message",
      draft: makeDraft({ to: [PARENT], attachments: [photo("image002.jpg", 1_500_000, { isInline: true }), photo("image001.png", 8_000, { isInline: true })] }),
      errors: [{ messageId: "photosOutside", data: { photos: "a photo" } }],
    },
    {
      name: "a photo with no size",
      draft: makeDraft({ to: [PARENT], attachments: ["sports day.png"] }),
      errors: [{ messageId: "photosOutside" }],
    },
    {
      name: "trusted partners when includeTrusted",
      options: { includeTrusted: true },
      draft: makeDraft({ to: [COUNCIL], attachments: [photo("outing.webp", 400_000)] }),
      errors: [{ messageId: "photosOutside", data: { recipients: "1 person" } }],
    },
    {
      name: "every small inline picture counts when the limit is 0",
      options: { inlineMinBytes: 0 },
      draft: makeDraft({ to: [PARENT], attachments: [photo("image001.png", 12_000, { isInline: true })] }),
      errors: [{ messageId: "photosOutside" }],
    },
    {
      name: "many photos: evidence lists three",
      draft: makeDraft({ to: [PARENT], attachments: Array.from({ length: 5 }, (_, i) => photo(`Photo ${i}.jpeg`, 100_000)) }),
      errors: [{ messageId: "photosOutside", data: { photos: "5 photos" }, evidenceIncludes: ["and 2 more"] }],
    },
  ],
});

describe("photo-consent (details)", () => {
  it("recognises the listed image types and not documents", () => {
    for (const ext of ["jpg", "jpeg", "png", "heic", "heif", "gif", "webp", "bmp", "tiff"]) {
      expect(fileTypes.images.extensions).toContain(ext);
      expect(isImage({ name: `x.${ext.toUpperCase()}` })).toBe(true);
    }
    expect(isImage({ name: "x.pdf" })).toBe(false);
    expect(isImage({ name: "x.mp4", contentType: "video/mp4" })).toBe(false);
  });

  it("handles 1,000 outside recipients", () => {
    const bcc = Array.from({ length: 1000 }, (_, i) => `parent${i}@gmail.com`);
    const [finding] = runRule(rule, { draft: makeDraft({ bcc, attachments: ["a.jpg"] }) });
    expect(finding?.data?.recipients).toBe("1000 people");
  });
});
