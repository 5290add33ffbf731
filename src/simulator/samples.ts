/** The repository's sample messages (samples/*.json), offered by the simulator's "Load a sample". */
import abusiveReply from "../../samples/abusive-reply.json";
import acceptQuote from "../../samples/accept-quote.json";
import cleanNewsletterBcc from "../../samples/clean-newsletter-bcc.json";
import cleanRotaInternal from "../../samples/clean-rota-internal.json";
import complaintAboutColleague from "../../samples/complaint-about-colleague.json";
import forgotAttachment from "../../samples/forgot-attachment.json";
import lookalikeDomain from "../../samples/lookalike-domain.json";
import missingDisclaimer from "../../samples/missing-disclaimer.json";
import musicAttachment from "../../samples/music-attachment.json";
import noSubject from "../../samples/no-subject.json";
import photosToParent from "../../samples/photos-to-parent.json";
import replyAllThanks from "../../samples/reply-all-thanks.json";
import sendAsColleague from "../../samples/send-as-colleague.json";
import smtMinutesToParent from "../../samples/smt-minutes-to-parent.json";
import twelveParentsInTo from "../../samples/twelve-parents-in-to.json";
import type { SampleDraft } from "./controller";

export const SAMPLES: Readonly<Record<string, SampleDraft>> = {
  "twelve-parents-in-to": twelveParentsInTo,
  "clean-rota-internal": cleanRotaInternal,
  "clean-newsletter-bcc": cleanNewsletterBcc,
  "missing-disclaimer": missingDisclaimer,
  "abusive-reply": abusiveReply,
  "accept-quote": acceptQuote,
  "complaint-about-colleague": complaintAboutColleague,
  "forgot-attachment": forgotAttachment,
  "lookalike-domain": lookalikeDomain,
  "music-attachment": musicAttachment,
  "no-subject": noSubject,
  "photos-to-parent": photosToParent,
  "reply-all-thanks": replyAllThanks,
  "send-as-colleague": sendAsColleague,
  "smt-minutes-to-parent": smtMinutesToParent,
};
