/**
 * The severities, said once: their order (least to most serious) and their rank, used to cap a
 * finding at the policy's onError, to sort findings most serious first and to validate settings.
 */
import type { Severity } from "./finding";

/** Every severity, least serious first. */
export const SEVERITY_ORDER: readonly Severity[] = ["off", "monitor", "warn", "block"];

/** How serious each severity is: higher is more serious. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { off: 0, monitor: 1, warn: 2, block: 3 };
