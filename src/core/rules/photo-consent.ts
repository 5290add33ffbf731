/**
 * @fileoverview Require confirmation of parental consent before photos leave the Centre. Any
 * picture attached to an e-mail for someone outside the Centre asks the sender to confirm that
 * the parents consented and that no child's name can be seen. Small inline pictures (logos in
 * signatures) are ignored.
 */
import fileTypes from "../data/attachments/file-types.json";
import type { Attachment } from "../model/draft";
import { CLAUSES } from "../policy/clauses";
import { extensionOf } from "./no-media-attachment";
import { defineRule } from "./rule";
import { someAndMore } from "./utils/evidence-list";

export type PhotoConsentOptions = {
  /** Inline pictures smaller than this many bytes are logos, not photos. @default 51200 */
  inlineMinBytes: number;
  /** Ask also when photos go to trusted partners such as the local authority. @default false */
  includeTrusted: boolean;
};

const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(fileTypes.images.extensions);
const EVIDENCE_FILES = 3;

/**
 * A finding's evidence: the first photos' names, and how many more.
 * @param photos - the photos attached
 * @returns e.g. "trip1.jpg, trip2.jpg, trip3.jpg and 2 more"
 */
function fileNames(photos: readonly Attachment[]): string {
  return someAndMore(photos.map((a) => a.name), EVIDENCE_FILES);
}

/**
 * Tells whether an attachment is a picture, by extension or content type (not SVG or icons).
 * @param attachment - the attachment
 * @returns true for photos and other raster images
 */
export function isImage(attachment: Attachment): boolean {
  const type = (attachment.contentType || "").trim().toLowerCase();
  if (fileTypes.images.excludedContentTypes.includes(type)) return false;
  if (IMAGE_EXTENSIONS.has(extensionOf(attachment.name))) return true;
  return fileTypes.images.contentTypePrefixes.some((p) => type.startsWith(p));
}

export default defineRule<PhotoConsentOptions>({
  meta: {
    id: "photo-consent",
    title: "Photos going outside the Centre",
    description: "Require confirmation of parental consent before photos leave the Centre",
    category: "attachments",
    defaultSeverity: "warn",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        inlineMinBytes: { type: "integer", minimum: 0, description: "Inline pictures smaller than this many bytes (signature logos) are ignored." },
        includeTrusted: { type: "boolean", description: "Also ask when photos go to trusted partners." },
      },
    },
    defaultOptions: { inlineMinBytes: 51200, includeTrusted: false },
    messages: {
      photosOutside:
        "This e-mail sends {{photos}} to {{recipients}} outside the Centre. Please check that each child's parent has given consent for their photo to be shared, and that no child's name can be seen.",
    },
    clause: CLAUSES.photoConsent,
  },
  check(snapshot, context) {
    const { inlineMinBytes, includeTrusted } = context.options;
    const outside = new Set<string>();
    for (const r of snapshot.recipients) if (r.external || (includeTrusted && r.trusted)) outside.add(r.email);
    if (outside.size === 0) return;

    // An inline picture of unknown size is treated as a logo: Outlook reports sizes for
    // pasted photos, and asking about every signature would be nagging.
    const photos = snapshot.attachments.filter((a) => isImage(a) && !(a.isInline === true && (a.size === undefined || a.size < inlineMinBytes)));
    if (photos.length === 0) return;

    context.report({
      messageId: "photosOutside",
      data: {
        photos: photos.length === 1 ? "a photo" : `${photos.length} photos`,
        recipients: outside.size === 1 ? "1 person" : `${outside.size} people`,
      },
      field: "attachments",
      evidence: fileNames(photos),
    });
  },
});
