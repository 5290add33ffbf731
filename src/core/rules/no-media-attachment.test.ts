import rule, { extensionOf, isMedia } from "./no-media-attachment";
import fileTypes from "../data/attachments/file-types.json";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";

const MB = 1024 * 1024;
const file = (name: string, mb?: number, extra: Record<string, unknown> = {}) => ({ name, ...(mb !== undefined ? { size: Math.round(mb * MB) } : {}), ...extra });

runRuleTests(rule, {
  valid: [
    { name: "no attachments", draft: makeDraft() },
    { name: "a letter and a photo", draft: makeDraft({ attachments: [file("Letter to parents.docx", 0.1), file("sports-day.jpg", 3)] }) },
    { name: "an inline signature image", draft: makeDraft({ attachments: [file("image001.png", 0.01, { isInline: true, contentType: "image/png" })] }) },
    { name: "exactly 10 MB", draft: makeDraft({ attachments: [file("newsletter.pdf", 10)] }) },
    { name: "total exactly 20 MB", draft: makeDraft({ attachments: [file("a.pdf", 10), file("b.pdf", 10)] }) },
    { name: "attachments with no size", draft: makeDraft({ attachments: ["menu.pdf", "rota.xlsx", { name: "big.pdf" }] }) },
    { name: "media-like words in a name do not matter", draft: makeDraft({ attachments: [file("mp3 player instructions.pdf", 1), file("video consent form.docx", 1)] }) },
    { name: "a file with no extension and no type", draft: makeDraft({ attachments: [file("README", 0.1)] }) },
    { name: "a higher size limit", options: { maxAttachmentMB: 25, maxTotalMB: 30 }, draft: makeDraft({ attachments: [file("video-free.pdf", 24)] }) },
  ],
  invalid: [
    {
      name: "an mp3 song",
      draft: makeDraft({ attachments: [file("Wheels on the Bus.mp3", 3)] }),
      errors: [
        {
          messageId: "mediaFile",
          field: "attachments",
          data: { files: "1 music or video file", types: ".mp3" },
          evidenceIncludes: ["Wheels on the Bus.mp3"],
          fix: { kind: "remove-attachment", targets: ["Wheels on the Bus.mp3"] },
        },
      ],
    },
    {
      name: "video recognised by content type alone",
      draft: makeDraft({ attachments: [file("clip", 2, { contentType: "Video/QuickTime" })] }),
      errors: [{ messageId: "mediaFile", data: { types: "video/quicktime" } }],
    },
    {
      name: "several media types, upper-case extensions",
      draft: makeDraft({ attachments: [file("Song.WAV", 1), file("Nativity.MOV", 5), file("notes.docx", 1), file("Song2.wav", 1)] }),
      errors: [{ messageId: "mediaFile", data: { files: "3 music or video files", types: ".wav, .mov" }, fix: { kind: "remove-attachment", targets: ["Song.WAV", "Nativity.MOV", "Song2.wav"] } }],
    },
    {
      name: "media with no size",
      draft: makeDraft({ attachments: ["rhymes.m4a"] }),
      errors: [{ messageId: "mediaFile" }],
    },
    {
      name: "one 12 MB file",
      draft: makeDraft({ attachments: [file("Newsletter.pdf", 12)] }),
      errors: [{ messageId: "largeFile", data: { files: "1 attachment", max: 10 }, evidenceIncludes: ["Newsletter.pdf (12.0 MB)"], fix: { kind: "remove-attachment", targets: ["Newsletter.pdf"] } }],
    },
    {
      name: "one 30 MB file is reported once, as too large",
      draft: makeDraft({ attachments: [file("Newsletter.pdf", 30), file("menu.pdf", 1)] }),
      errors: [{ messageId: "largeFile", fix: { kind: "remove-attachment", targets: ["Newsletter.pdf"] } }],
    },
    {
      name: "a large video: copyright and size",
      draft: makeDraft({ attachments: [file("Christmas show.mp4", 45)] }),
      errors: [{ messageId: "mediaFile" }, { messageId: "largeFile" }],
    },
    {
      name: "three 8 MB files add up to more than 20 MB",
      draft: makeDraft({ attachments: [file("a.pdf", 8), file("b.pdf", 7), file("c.pdf", 9)] }),
      errors: [{ messageId: "largeTotal", data: { total: "24.0", max: 20 }, evidenceIncludes: ["3 attachments, 24.0 MB in total"], fix: { kind: "remove-attachment", targets: ["c.pdf"] } }],
    },
    {
      name: "too large and still too much after removing the large one",
      draft: makeDraft({ attachments: [file("big.pdf", 15), file("a.pdf", 9), file("b.pdf", 9), file("c.pdf", 9)] }),
      errors: [{ messageId: "largeFile", fix: { kind: "remove-attachment", targets: ["big.pdf"] } }, { messageId: "largeTotal", data: { total: "42.0" }, fix: { kind: "remove-attachment", targets: ["a.pdf"] } }],
    },
    {
      name: "inline images count towards the total",
      draft: makeDraft({ attachments: [file("image001.png", 9, { isInline: true }), file("image002.png", 9, { isInline: true }), file("report.pdf", 3)] }),
      errors: [{ messageId: "largeTotal" }],
    },
    {
      name: "smaller limits from the policy",
      options: { maxAttachmentMB: 2, maxTotalMB: 3 },
      draft: makeDraft({ attachments: [file("a.pdf", 2.5), file("b.pdf", 1), file("c.pdf", 1.9), file("d.pdf", 0.5), { name: "unknown.pdf" }] }),
      errors: [{ messageId: "largeFile", data: { max: 2 } }, { messageId: "largeTotal", data: { total: "5.9", max: 3 }, fix: { kind: "remove-attachment", targets: ["c.pdf"] } }],
    },
    {
      name: "removing the large file is enough, so no total finding",
      options: { maxAttachmentMB: 2, maxTotalMB: 3 },
      draft: makeDraft({ attachments: [file("a.pdf", 2.5), file("b.pdf", 1), file("c.pdf", 1.5)] }),
      errors: [{ messageId: "largeFile" }],
    },
  ],
});

describe("no-media-attachment (helpers and data)", () => {
  it("reads extensions", () => {
    expect(extensionOf("a.B.Mp4")).toBe("mp4");
    expect(extensionOf("noext")).toBe("");
    expect(extensionOf("trailing.")).toBe("");
  });

  it("never treats images as media", () => {
    expect(isMedia({ name: "photo.jpg", contentType: "image/jpeg" })).toBe(false);
    expect(isMedia({ name: "song.ogg" })).toBe(true);
    expect(isMedia({ name: "x.bin", contentType: "audio/mpeg" })).toBe(true);
  });

  it("keeps its extension list lower case, unique and free of image types", () => {
    const list = fileTypes.media.extensions;
    expect(new Set(list).size).toBe(list.length);
    for (const ext of list) expect(ext).toMatch(/^[a-z0-9]+$/);
    for (const ext of fileTypes.images.extensions) expect(list).not.toContain(ext);
    for (const ext of ["mp3", "wav", "m4a", "aac", "flac", "ogg", "wma", "mp4", "mov", "avi", "mkv", "wmv", "m4v", "webm", "mpg"]) expect(list).toContain(ext);
  });

  it("handles 1,000 attachments", () => {
    const attachments = Array.from({ length: 1000 }, (_, i) => file(`f${i}.pdf`, 0.05));
    const found = runRule(rule, { draft: makeDraft({ attachments }) });
    expect(found.map((f) => f.messageId)).toEqual(["largeTotal"]);
  });
});
