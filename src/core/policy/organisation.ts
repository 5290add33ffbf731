/**
 * The organisation settings of a policy: who is inside the Centre, who is a trusted partner,
 * who may do what, and the standard disclaimer.
 */

export type Disclaimer = Readonly<{
  /** Plain-text disclaimer, inserted into plain-text bodies and used to detect it. */
  text: string;
  /** HTML disclaimer, inserted into HTML bodies. */
  html: string;
}>;

export type Organisation = Readonly<{
  name: string;
  /** Domains of the Centre's own mailboxes, lower case, e.g. `norcotearlyyearscentre.co.uk`. */
  internalDomains: readonly string[];
  /** Partners such as the local authority; treated as inside for data-protection rules. */
  trustedDomains: readonly string[];
  /** Addresses of the Senior Management Team, lower case. */
  smtAddresses: readonly string[];
  /** Addresses allowed to agree terms or enter into commitments, lower case. */
  authorisedForCommitments: readonly string[];
  /** Shared mailboxes staff may send as, lower case. */
  sharedMailboxes: readonly string[];
  disclaimer: Disclaimer;
  /** Where the full policy can be read; findings link to its sections. */
  policyUrl: string;
}>;
