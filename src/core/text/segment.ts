/**
 * Splits a body into what the sender wrote, quoted history, signature and disclaimer.
 * (Initial version; replaced by the full segmenter.)
 */
import type { BodySegments } from "../model/snapshot";

export type SegmentOptions = Readonly<{
  /** The organisation's disclaimer text, recognised and set apart wherever it appears. */
  disclaimerText?: string;
}>;

/**
 * @param text - the plain-text body
 * @param _options - segmentation options
 * @returns the body's parts
 */
export function segmentBody(text: string, _options: SegmentOptions = {}): BodySegments {
  return { full: text, authored: text, signature: "", disclaimer: "", quoted: "", quotedParts: [] };
}
