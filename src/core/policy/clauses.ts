/**
 * The clauses of the Centre's Electronic Information and Communication Policy that the rules
 * enforce, quoted word for word (a test checks each quote against
 * `docs/policy/electronic-communication-policy.md`). The sender sees these words.
 */
import type { PolicyClause } from "../model/finding";

const ETIQUETTE = { section: "E-mail etiquette and content", anchor: "e-mail-etiquette-and-content" } as const;
const COMPLIANCE = { section: "Compliance with related policies and agreements", anchor: "compliance-with-related-policies-and-agreements" } as const;

export const CLAUSES = {
  disclaimer: { ...ETIQUETTE, quote: "The Centre standard disclaimer should always be used on every e-mail." },
  dataProtection: {
    ...COMPLIANCE,
    quote: "Breach our Data protection policy (for example, never disclose personal information about a colleague or pupils online);",
  },
  congestion: {
    ...ETIQUETTE,
    quote: "Contribute to system congestion by sending trivial messages or unnecessarily copying or forwarding e-mails to those who do not have a real need to receive them;",
  },
  insecure: {
    ...ETIQUETTE,
    quote: "Send confidential messages via e-mail or the internet, or by other means of external communication which are known not to be secure;",
  },
  staffOnly: {
    section: "Personal use of social media",
    anchor: "personal-use-of-social-media",
    quote: "Staff must not share Centre communication that is for staff only, with parents of the Centre, friends or others e.g. staff meeting minutes, SMT minutes, (this list is not exhaustive).",
  },
  abusive: {
    ...ETIQUETTE,
    quote: "Members of staff are strictly forbidden from sending abusive, obscene, discriminatory, racist, harassing, derogatory or defamatory messages.",
  },
  heatOfTheMoment: {
    ...ETIQUETTE,
    quote: "E-mails should never be sent in the heat of the moment or without first checking the content and language and considering how the message is likely to be received.",
  },
  complaints: {
    ...ETIQUETTE,
    quote: "Complaints about the performance or service of other departments or individuals must be made on a face-to-face basis in accordance with normal and courteous practice;",
  },
  doNotForward: {
    ...ETIQUETTE,
    quote: "If such messages are received, they should not be forwarded and should be reported to SMT immediately.",
  },
  chainMail: { ...ETIQUETTE, quote: "Send or forward chain mail, junk mail, cartoons, jokes or gossip either within or outside the Centre;" },
  commitments: {
    ...ETIQUETTE,
    quote: "Agree to terms, enter into contractual commitments or make representations by e-mail unless the appropriate authority has been obtained.",
  },
  assumedName: { ...ETIQUETTE, quote: "Send messages from another worker's computer or under an assumed name unless specifically authorised;" },
  copyright: {
    section: "Use of the web and the internet",
    anchor: "use-of-the-web-and-the-internet",
    quote: "Remember also that text, music and other content on the internet are copyright works. Staff should not download or e-mail such content to others unless certain that the owner of such works allows this.",
  },
  photoConsent: {
    section: "Staff Protocol for use of Social Media",
    anchor: "staff-protocol-for-use-of-social-media",
    quote: "Ensure that permission from the child's parent has been sought before information is used on social media (via consent form for use of photos)",
  },
  professional: {
    ...ETIQUETTE,
    quote: "Messages sent on the e-mail system should be written as professionally as a letter and should be concise and directed only to relevant individuals on a need to know basis.",
  },
} as const satisfies Record<string, PolicyClause>;
