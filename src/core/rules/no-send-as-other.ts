/**
 * @fileoverview Disallow sending under another person's name unless authorised: the From
 * address differs from the signed-in user and is not one of the Centre's shared mailboxes.
 */
import { domainMatches } from "../engine/build-snapshot";
import { maskEmail } from "../engine/mask";
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export type NoSendAsOtherOptions = {
  /** Allow sending as anyone in the signed-in user's own e-mail domain (delegates). @default false */
  allowSameDomainDelegates: boolean;
};

function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at >= 0 ? email.slice(at + 1) : "";
}

export default defineRule<NoSendAsOtherOptions>({
  meta: {
    id: "no-send-as-other",
    title: "Sending as someone else",
    description: "Disallow sending under another person's name unless authorised",
    category: "compliance",
    defaultSeverity: "warn",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        allowSameDomainDelegates: { type: "boolean", description: "Allow sending as anyone in the signed-in user's own e-mail domain." },
      },
    },
    defaultOptions: { allowSameDomainDelegates: false },
    messages: {
      sendingAsOther:
        "This e-mail will be sent as {{from}}, not from your own account. Please send it from your own mailbox, unless you have been authorised to send on their behalf.",
    },
    clause: CLAUSES.assumedName,
  },
  check(snapshot, context) {
    const from = snapshot.from?.email.trim().toLowerCase();
    const sender = snapshot.sender?.email.trim().toLowerCase();
    if (!from || !sender || from === sender) return;
    if (context.organisation.sharedMailboxes.some((m) => m.trim().toLowerCase() === from)) return;
    if (context.options.allowSameDomainDelegates && domainOf(from) !== "" && domainOf(from) === domainOf(sender)) return;
    // Centre addresses (the sender's own, a colleague's) are shown as written; only an outside
    // address is masked.
    const shown = (email: string) => (domainMatches(domainOf(email), context.organisation.internalDomains) ? email : maskEmail(email));
    context.report({
      messageId: "sendingAsOther",
      data: { from: shown(from) },
      field: "from",
      evidence: `From ${shown(from)}; signed in as ${shown(sender)}`,
    });
  },
});
