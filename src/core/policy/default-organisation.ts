/**
 * The Centre's own organisation settings, as the policy is written. SMT can replace any of
 * them in the published policy.
 */
import type { Organisation } from "./organisation";

export const CENTRE_DISCLAIMER_TEXT =
  "This e-mail and any attachments are confidential and intended only for the person or organisation to whom they are addressed. " +
  "If you have received this e-mail in error, please tell the sender and delete it; do not copy, forward or use its contents. " +
  "Views expressed are those of the sender and not necessarily those of Norcot Early Years Centre. " +
  "Norcot Early Years Centre — www.norcotearlyyearscentre.co.uk";

export const defaultOrganisation: Organisation = {
  name: "Norcot Early Years Centre",
  internalDomains: ["norcotearlyyearscentre.co.uk"],
  trustedDomains: ["reading.gov.uk", "brighterfuturesforchildren.org"],
  smtAddresses: [
    "head@norcotearlyyearscentre.co.uk",
    "business.manager@norcotearlyyearscentre.co.uk",
  ],
  authorisedForCommitments: [
    "head@norcotearlyyearscentre.co.uk",
    "business.manager@norcotearlyyearscentre.co.uk",
  ],
  sharedMailboxes: [
    "office@norcotearlyyearscentre.co.uk",
    "admin@norcotearlyyearscentre.co.uk",
  ],
  disclaimer: {
    text: CENTRE_DISCLAIMER_TEXT,
    html:
      '<p style="font-size:9pt;color:#595959">This e-mail and any attachments are confidential and intended only for the person or organisation to whom they are addressed. ' +
      "If you have received this e-mail in error, please tell the sender and delete it; do not copy, forward or use its contents. " +
      "Views expressed are those of the sender and not necessarily those of Norcot Early Years Centre. " +
      'Norcot Early Years Centre — <a href="https://www.norcotearlyyearscentre.co.uk">www.norcotearlyyearscentre.co.uk</a></p>',
  },
  policyUrl: "https://localhost:3000/policy.html",
};
