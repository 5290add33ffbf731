/**
 * @fileoverview Disallow music and video attachments and oversized files. Music and video
 * are usually copyright works; very large files congest everyone's mailbox. Attachments are
 * judged by name, content type and size only — their content is never read.
 */
import fileTypes from "../data/attachments/file-types.json";
import type { Attachment } from "../model/draft";
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";
import { someAndMore } from "./utils/evidence-list";

export type NoMediaAttachmentOptions = {
  /** Largest single attachment allowed, in MB (1 MB = 1,048,576 bytes). @default 10 */
  maxAttachmentMB: number;
  /** Largest total of all attachments allowed, in MB. @default 20 */
  maxTotalMB: number;
};

const MB = 1024 * 1024;
const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set(fileTypes.media.extensions);
/** How many masked names the evidence lists. */
const EVIDENCE_FILES = 3;

/**
 * The lower-case extension of a file name, without the dot.
 * @param name - file name
 * @returns the extension, or "" when there is none
 */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot >= 0 && dot < name.length - 1 ? name.slice(dot + 1).trim().toLowerCase() : "";
}

/**
 * Tells whether an attachment is music or video, by extension or content type.
 * @param attachment - the attachment
 * @returns true for audio and video files
 */
export function isMedia(attachment: Attachment): boolean {
  if (MEDIA_EXTENSIONS.has(extensionOf(attachment.name))) return true;
  const type = (attachment.contentType || "").trim().toLowerCase();
  return fileTypes.media.contentTypePrefixes.some((p) => type.startsWith(p)) || fileTypes.media.contentTypes.includes(type);
}

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

function listFiles(files: readonly Attachment[], withSize: boolean): string {
  return someAndMore(
    files.map((a) => `${a.name}${withSize && a.size !== undefined ? ` (${megabytes(a.size)} MB)` : ""}`),
    EVIDENCE_FILES,
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export default defineRule<NoMediaAttachmentOptions>({
  meta: {
    id: "no-media-attachment",
    title: "Music, video or oversized attachment",
    description: "Disallow music and video attachments and oversized files",
    category: "attachments",
    defaultSeverity: "warn",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxAttachmentMB: { type: "number", minimum: 0.1, maximum: 150, description: "Largest single attachment allowed, in MB." },
        maxTotalMB: { type: "number", minimum: 0.1, maximum: 150, description: "Largest total of all attachments allowed, in MB." },
      },
    },
    defaultOptions: { maxAttachmentMB: 10, maxTotalMB: 20 },
    messages: {
      mediaFile:
        "This e-mail has {{files}} attached ({{types}}). Music and video are usually copyright works, so please remove them unless you are sure the owner allows them to be shared.",
      largeFile:
        "This e-mail has {{files}} larger than {{max}} MB, which slows e-mail down for everyone. Please make it smaller, or share it another way such as a link to a shared folder.",
      largeTotal:
        "The attachments add up to {{total}} MB, more than the {{max}} MB limit, which slows e-mail down for everyone. Please send fewer or smaller files, or split them over several e-mails.",
    },
    clause: CLAUSES.copyright,
  },
  check(snapshot, context) {
    const { maxAttachmentMB, maxTotalMB } = context.options;
    const attachments = snapshot.attachments;

    const media = attachments.filter(isMedia);
    if (media.length > 0) {
      const types = [...new Set(media.map((a) => extensionOf(a.name) || (a.contentType || "").toLowerCase()).filter((t) => t !== ""))];
      context.report({
        messageId: "mediaFile",
        data: { files: count(media.length, "music or video file", "music or video files"), types: types.map((t) => (t.includes("/") ? t : `.${t}`)).join(", ") || "audio or video" },
        field: "attachments",
        evidence: listFiles(media, false),
        fix: { kind: "remove-attachment", targets: media.map((a) => a.name) },
      });
    }

    // Sizes Outlook did not report count as zero: an unknown size is never a finding.
    const maxBytes = maxAttachmentMB * MB;
    const large = attachments.filter((a) => (a.size || 0) > maxBytes);
    if (large.length > 0) {
      context.report({
        messageId: "largeFile",
        data: { files: count(large.length, "attachment", "attachments"), max: maxAttachmentMB },
        field: "attachments",
        evidence: listFiles(large, true),
        fix: { kind: "remove-attachment", targets: large.map((a) => a.name) },
      });
    }

    const total = attachments.reduce((sum, a) => sum + (a.size || 0), 0);
    const maxTotalBytes = maxTotalMB * MB;
    if (total <= maxTotalBytes) return;
    // Removing the files already reported as too large may be enough on its own.
    const largeSet = new Set(large);
    const rest = attachments.filter((a) => !largeSet.has(a));
    const restTotal = rest.reduce((sum, a) => sum + (a.size || 0), 0);
    if (large.length > 0 && restTotal <= maxTotalBytes) return;
    // Suggest removing the largest remaining files until the total fits.
    const bySize = [...rest].sort((a, b) => (b.size || 0) - (a.size || 0));
    const targets: string[] = [];
    let remaining = restTotal;
    for (const a of bySize) {
      if (remaining <= maxTotalBytes) break;
      targets.push(a.name);
      remaining -= a.size || 0;
    }
    context.report({
      messageId: "largeTotal",
      data: { total: megabytes(total), max: maxTotalMB },
      field: "attachments",
      evidence: `${count(attachments.length, "attachment", "attachments")}, ${megabytes(total)} MB in total`,
      fix: { kind: "remove-attachment", targets },
    });
  },
});
