/**
 * Converts an e-mail's HTML body to the plain text the segmenter and the rules read: no word
 * wrap, links as their text, no images, quoting kept as `> ` lines and reply dividers kept as
 * text the segmenter recognises. Used by the CLI, the server and the task pane; the on-send
 * bundle reads text from Outlook instead.
 */
import { compile, type DomNode, type FormatCallback, type HtmlToTextOptions } from "html-to-text";

/** domhandler nodes link their siblings; the html-to-text typings leave that out. */
type Sibling = DomNode & { prev?: Sibling | null };

/** The divider Outlook on the web and new Outlook put above a reply's header block. */
export const OUTLOOK_DIVIDER_TEXT = "________________________________";

/** Cells of a table row on one line, separated by a space (a row per line; layout tables stay readable). */
const formatCell: FormatCallback = (elem, walk, builder) => {
  let previous = (elem as Sibling).prev;
  while (previous && previous.type !== "tag") previous = previous.prev;
  if (previous) builder.addInline(" ");
  walk(elem.children ?? [], builder);
};

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { emailCell: formatCell },
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "head", format: "skip" },
    { selector: "title", format: "skip" },
    // Uppercased headings would read as shouting to the tone rules.
    ...(["h1", "h2", "h3", "h4", "h5", "h6"] as const).map((selector) => ({
      selector,
      options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 },
    })),
    { selector: "hr", format: "blockString", options: { string: OUTLOOK_DIVIDER_TEXT, leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    // Outlook on the web / new Outlook: <div id="appendonsend"></div><hr><div id="divRplyFwdMsg">From: …
    { selector: "div#divRplyFwdMsg", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "blockquote", format: "blockquote", options: { leadingLineBreaks: 1, trailingLineBreaks: 1, trimEmptyLines: true } },
    { selector: "table", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "tr", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "td", format: "emailCell" },
    { selector: "th", format: "emailCell" },
  ],
};

let converter: ((html: string) => string) | undefined;

/**
 * Converts an HTML e-mail body to plain text.
 * @param html - the body's HTML (a whole document or a fragment)
 * @returns the text: one line per paragraph or line break, quoted blocks prefixed with `> `
 */
export function htmlToText(html: string): string {
  converter ??= compile(OPTIONS);
  return converter(html).replace(/\u00a0/g, " ");
}
