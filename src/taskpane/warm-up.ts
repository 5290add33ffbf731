/**
 * Warms the rule engine while office.js loads: the first check in a fresh page builds the rules'
 * regular expressions and word lists lazily (about 300 ms), so one throw-away check on a tiny
 * message moves that cost into the wait for Office and the first real findings appear sooner.
 */
import { checkDraft, defaultPolicy, parseDraft } from "../core";

/**
 * Runs one throw-away check. Never throws: a failure here only means no head start.
 * @returns true when the check ran
 */
export function warmUpEngine(): boolean {
  try {
    checkDraft(parseDraft({ subject: "x", body: "x" }), defaultPolicy());
    return true;
  } catch {
    return false;
  }
}
