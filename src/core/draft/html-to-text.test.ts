import { segmentBody } from "../detect/segment";
import { htmlToText, OUTLOOK_DIVIDER_TEXT } from "./html-to-text";
import { APPLE_FORWARDED_PART } from "../../../test/fixtures/apple-forward";

const OWA_REPLY =
  '<html><head><style>p{margin:0}</style></head><body><div dir="ltr">Hi Tom,</div><div dir="ltr">Yes, the meeting is on Wednesday.</div>' +
  '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">' +
  '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">' +
  "<b>From:</b> Tom Baker &lt;t.baker@norcotearlyyearscentre.co.uk&gt;<br><b>Sent:</b> Monday, November 3, 2025 9:12 AM<br>" +
  "<b>To:</b> Priya Shah &lt;p.shah@norcotearlyyearscentre.co.uk&gt;<br><b>Subject:</b> Staff meeting</font><div>&nbsp;</div></div>" +
  "<div>Is the staff meeting still on Tuesday?</div></body></html>";

const GMAIL_REPLY =
  '<div dir="ltr">Wednesday is fine.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' +
  "On Mon, 3 Nov 2025 at 09:12, Jane Smith &lt;<a href=\"mailto:jane@example.com\">jane@example.com</a>&gt; wrote:<br></div>" +
  '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">' +
  '<div dir="ltr">Can Lily start on Wednesday?<div><br></div><blockquote class="gmail_quote">Older text</blockquote></div></blockquote></div>';

const APPLE_FORWARD =
  "<html><body><div>Forwarding as discussed.</div><div><br><blockquote type=\"cite\"><div>Begin forwarded message:</div><br>" +
  '<div style="margin:0px"><span><b>From: </b></span><span>Jane Smith &lt;jane@example.com&gt;</span></div>' +
  '<div style="margin:0px"><span><b>Subject: </b></span><span><b>Photos from the trip</b></span></div>' +
  '<div style="margin:0px"><span><b>Date: </b></span><span>3 November 2025 at 09:12:00 GMT</span></div>' +
  '<div style="margin:0px"><span><b>To: </b></span><span>Amy Jones &lt;a.jones@norcotearlyyearscentre.co.uk&gt;</span></div><br>' +
  "<div>Here are the photos from the farm visit.</div></blockquote></div></body></html>";

describe("htmlToText", () => {
  test("Outlook on the web reply: the <hr> becomes Outlook's divider, header lines stay lines", () => {
    expect(htmlToText(OWA_REPLY)).toBe(
      "Hi Tom,\nYes, the meeting is on Wednesday.\n\n" +
        `${OUTLOOK_DIVIDER_TEXT}\n` +
        "From: Tom Baker <t.baker@norcotearlyyearscentre.co.uk>\nSent: Monday, November 3, 2025 9:12 AM\n" +
        "To: Priya Shah <p.shah@norcotearlyyearscentre.co.uk>\nSubject: Staff meeting\n \nIs the staff meeting still on Tuesday?",
    );
  });

  test("the segmenter finds the Outlook reply in the converted text", () => {
    const segments = segmentBody(htmlToText(OWA_REPLY));
    expect(segments.authored).toBe("Hi Tom,\nYes, the meeting is on Wednesday.");
    expect(segments.quotedParts).toEqual([
      {
        kind: "reply",
        headers: {
          from: "Tom Baker <t.baker@norcotearlyyearscentre.co.uk>",
          date: "Monday, November 3, 2025 9:12 AM",
          to: "Priya Shah <p.shah@norcotearlyyearscentre.co.uk>",
          subject: "Staff meeting",
        },
        text: "Is the staff meeting still on Tuesday?",
        depth: 1,
      },
    ]);
  });

  test("Gmail quote: attribution line kept, blockquotes prefixed with > per level, links as text", () => {
    const text = htmlToText(GMAIL_REPLY);
    expect(text).toBe(
      "Wednesday is fine.\n\nOn Mon, 3 Nov 2025 at 09:12, Jane Smith <jane@example.com> wrote:\n\n> Can Lily start on Wednesday?\n> \n> \n> > Older text",
    );
    const segments = segmentBody(text);
    expect(segments.authored).toBe("Wednesday is fine.");
    expect(segments.quotedParts.map((p) => [p.depth, p.text])).toEqual([
      [1, "Can Lily start on Wednesday?"],
      [2, "Older text"],
    ]);
  });

  test("Apple Mail forward inside <blockquote type=cite>", () => {
    const text = htmlToText(APPLE_FORWARD);
    expect(text.split("\n")).toContain("> Begin forwarded message:");
    const segments = segmentBody(text);
    expect(segments.authored).toBe("Forwarding as discussed.");
    expect(segments.quotedParts).toEqual([APPLE_FORWARDED_PART]);
  });

  test("links are their text only; images, scripts and styles are dropped", () => {
    const html =
      '<style>.x{color:red}</style><script>var secret = 1;</script><p>See <a href="https://example.com/a/very/long/link?x=1">the menu</a>' +
      '<img src="cid:image001.png@01DC" alt="Centre logo"> today.</p>';
    expect(htmlToText(html)).toBe("See the menu today.");
  });

  test("no word wrap on long lines", () => {
    const long = "word ".repeat(60).trim();
    expect(htmlToText(`<p>${long}</p>`)).toBe(long);
  });

  test("tables become text rows, headings keep their case", () => {
    const html = "<h2>Room plan</h2><table><tr><th>Day</th><th>Room</th></tr><tr><td>Monday</td><td>Sunflower</td></tr></table>";
    expect(htmlToText(html)).toBe("Room plan\nDay Room\nMonday Sunflower");
  });

  test("&nbsp; becomes an ordinary space", () => {
    expect(htmlToText("<p>Kind&nbsp;regards,</p>")).toBe("Kind regards,");
  });

  test("empty input", () => {
    expect(htmlToText("")).toBe("");
  });
});
