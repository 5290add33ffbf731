/**
 * The repository's sample messages (every file in samples/: MessageDraft JSON and `.eml`),
 * offered by the simulator's "Load a sample". This list is the one place a sample is named;
 * a test checks that every file in samples/ is in it.
 */
import abusiveReply from "../../samples/abusive-reply.json";
import acceptQuote from "../../samples/accept-quote.json";
import chainLetter from "../../samples/chain-letter.eml";
import cleanNewsletterBcc from "../../samples/clean-newsletter-bcc.json";
import cleanReplyToParent from "../../samples/clean-reply-to-parent.eml";
import cleanRotaInternal from "../../samples/clean-rota-internal.json";
import complaintAboutColleague from "../../samples/complaint-about-colleague.json";
import dateOfBirthToWebmail from "../../samples/date-of-birth-to-webmail.eml";
import forgotAttachment from "../../samples/forgot-attachment.json";
import forwardOffensiveJoke from "../../samples/forward-offensive-joke.eml";
import heatedReply from "../../samples/heated-reply.eml";
import hoaxVirusWarning from "../../samples/hoax-virus-warning.json";
import lookalikeDomain from "../../samples/lookalike-domain.json";
import missingDisclaimer from "../../samples/missing-disclaimer.json";
import musicAttachment from "../../samples/music-attachment.json";
import noSubject from "../../samples/no-subject.json";
import photosToParent from "../../samples/photos-to-parent.json";
import replyAllThanks from "../../samples/reply-all-thanks.json";
import sendAsColleague from "../../samples/send-as-colleague.json";
import smtMinutesToParent from "../../samples/smt-minutes-to-parent.json";
import twelveParentsInTo from "../../samples/twelve-parents-in-to.json";
import { parseEml } from "../core/draft/eml";
import type { SampleDraft } from "./controller";

/** A sample as stored: MessageDraft JSON, or the text of an `.eml` file. */
export type SampleSource = Readonly<{ file: string; json: SampleDraft }> | Readonly<{ file: string; eml: string }>;

/** Every sample, by the name shown in the list (its file name without the extension). */
export const SAMPLES: Readonly<Record<string, SampleSource>> = {
  "twelve-parents-in-to": { file: "twelve-parents-in-to.json", json: twelveParentsInTo },
  "clean-rota-internal": { file: "clean-rota-internal.json", json: cleanRotaInternal },
  "clean-newsletter-bcc": { file: "clean-newsletter-bcc.json", json: cleanNewsletterBcc },
  "clean-reply-to-parent": { file: "clean-reply-to-parent.eml", eml: cleanReplyToParent },
  "missing-disclaimer": { file: "missing-disclaimer.json", json: missingDisclaimer },
  "abusive-reply": { file: "abusive-reply.json", json: abusiveReply },
  "accept-quote": { file: "accept-quote.json", json: acceptQuote },
  "chain-letter": { file: "chain-letter.eml", eml: chainLetter },
  "complaint-about-colleague": { file: "complaint-about-colleague.json", json: complaintAboutColleague },
  "date-of-birth-to-webmail": { file: "date-of-birth-to-webmail.eml", eml: dateOfBirthToWebmail },
  "forgot-attachment": { file: "forgot-attachment.json", json: forgotAttachment },
  "forward-offensive-joke": { file: "forward-offensive-joke.eml", eml: forwardOffensiveJoke },
  "heated-reply": { file: "heated-reply.eml", eml: heatedReply },
  "hoax-virus-warning": { file: "hoax-virus-warning.json", json: hoaxVirusWarning },
  "lookalike-domain": { file: "lookalike-domain.json", json: lookalikeDomain },
  "music-attachment": { file: "music-attachment.json", json: musicAttachment },
  "no-subject": { file: "no-subject.json", json: noSubject },
  "photos-to-parent": { file: "photos-to-parent.json", json: photosToParent },
  "reply-all-thanks": { file: "reply-all-thanks.json", json: replyAllThanks },
  "send-as-colleague": { file: "send-as-colleague.json", json: sendAsColleague },
  "smt-minutes-to-parent": { file: "smt-minutes-to-parent.json", json: smtMinutesToParent },
};

/**
 * Reads a sample into the simulator's draft shape (`.eml` samples are parsed as the CLI does).
 * @param source - the sample
 * @returns the draft to load
 */
export async function sampleDraft(source: SampleSource): Promise<SampleDraft> {
  if ("json" in source) return source.json;
  return (await parseEml(source.eml)) as SampleDraft;
}
