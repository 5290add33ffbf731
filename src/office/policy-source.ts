/**
 * Where the on-send handler gets its policy: a small seam. The Centre's default policy is
 * compiled into the bundle; `published-policy.ts` implements `PolicySource` for the policy SMT
 * publish (fetched from the server with a short timeout and cached in the runtime's storage).
 * The handler never waits longer than the budget and always ends up with a policy: the
 * compiled-in one is the fallback.
 *
 * Contract for an implementation:
 * - `load(budgetMs)` resolves with a normalised policy (use core's `normalizePolicy`), or
 *   rejects; it should give up by itself within `budgetMs` (`loadPolicy` stops waiting then
 *   anyway) and answer from its cache when the network is slow.
 * - It must not read the message, and it must not log policy or message content.
 */
import { defaultPolicy, type NormalizedPolicy } from "../core";
import { withTimeout } from "./with-timeout";

export type PolicySource = Readonly<{
  /** Short name for diagnostics, e.g. "compiled-in", "published". */
  name: string;
  /**
   * Loads the policy.
   * @param budgetMs - how long the caller will wait
   * @returns the normalised policy
   */
  load(budgetMs: number): Promise<NormalizedPolicy>;
}>;

/** The Centre's default policy as shipped in the bundle (design.md: "the Centre's policy as written"). */
export const compiledPolicySource: PolicySource = {
  name: "compiled-in",
  load: () => new Promise<NormalizedPolicy>((resolve) => resolve(defaultPolicy())),
};

/** Default share of the 4-second send budget the policy may use. */
export const DEFAULT_POLICY_BUDGET_MS = 800;

export type LoadedPolicy = Readonly<{
  policy: NormalizedPolicy;
  /** Name of the source that answered; the fallback's name when the source failed or was too slow. */
  from: string;
  /** True when the fallback was used. */
  fellBack: boolean;
}>;

/**
 * Loads the policy from `source` within `budgetMs`, else from `fallback`.
 * @param source - the preferred source
 * @param budgetMs - how long to wait for it
 * @param fallback - used when the source rejects, throws or is too slow (default: compiled-in)
 * @returns the policy and where it came from
 * @throws only if the fallback itself fails
 */
export function loadPolicy(source: PolicySource, budgetMs: number = DEFAULT_POLICY_BUDGET_MS, fallback: PolicySource = compiledPolicySource): Promise<LoadedPolicy> {
  const viaFallback = (): Promise<LoadedPolicy> => fallback.load(budgetMs).then((policy) => ({ policy, from: fallback.name, fellBack: true }));
  if (source === fallback) return fallback.load(budgetMs).then((policy) => ({ policy, from: source.name, fellBack: false }));
  // A source that throws, rejects or is too slow falls back; its late answer is ignored.
  const pending = new Promise<NormalizedPolicy>((resolve) => resolve(source.load(budgetMs)));
  return withTimeout(pending, budgetMs).then((policy): LoadedPolicy => ({ policy, from: source.name, fellBack: false }), viaFallback);
}
