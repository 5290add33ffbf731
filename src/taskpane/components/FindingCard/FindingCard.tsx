/**
 * One finding as the sender sees it: what is wrong in plain words, the evidence (already
 * masked by the engine), the quoted policy clause with a link to its section, and the
 * one-click fix, or what to do by hand where this Outlook cannot apply it.
 */
import { Badge, Button, Link, mergeClasses } from "@fluentui/react-components";
import { useId } from "react";
import type { Finding } from "../../../core";
import { canApply, delayExplanation, fixLabel, manualFix } from "../../fix-text";
import { findingTitle } from "../../finding-titles";
import { flaggedWords } from "../../flagged-words";
import type { ClientCapabilities, ClientKind } from "../../services";
import { FalsePositiveReport } from "../FalsePositiveReport";
import { useFindingCardStyles } from "./FindingCard.styles";

export type FindingCardProps = {
  finding: Finding;
  capabilities: ClientCapabilities;
  client: ClientKind;
  /** The send dialog named this finding's rule (the pane was opened with Take Action). */
  flagged?: boolean;
  /** The card's title, different from every other card's (see `cardTitles`). @default the finding's own title */
  title?: string;
  /** A fix is running; all fix buttons wait. */
  busy?: boolean;
  /** Applies the finding's fix; `target` names one attachment for attachment fixes. */
  onFix(finding: Finding, target?: string): void;
  /** Base address of the policy page. @default "policy.html" */
  policyHref?: string;
  /**
   * Reports the finding to SMT as a false positive ("This warning is wrong"); without it the
   * control is not shown.
   * @param words - the flagged words, only when the sender agreed to include them
   */
  onReportWrong?(finding: Finding, words?: readonly string[]): Promise<void>;
};

/**
 * Renders one finding.
 * @param props - see FindingCardProps
 * @returns the card
 */
export function FindingCard(props: FindingCardProps) {
  const { finding, capabilities, client, flagged, busy, onFix, onReportWrong } = props;
  const styles = useFindingCardStyles();
  const titleId = useId();
  const title = props.title ?? findingTitle(finding);
  const fix = finding.fix;
  const supported = fix ? canApply(fix.kind, capabilities) : false;
  const href = `${props.policyHref ?? "policy.html"}#${finding.clause.anchor}`;
  const attachmentTargets = fix?.kind === "remove-attachment" && fix.targets && fix.targets.length > 0 ? fix.targets : undefined;

  return (
    <article
      aria-labelledby={titleId}
      className={mergeClasses(styles.root, finding.severity === "block" && !finding.fixedAtSend ? styles.block : styles.warn, flagged && styles.flagged)}
    >
      <div className={styles.header}>
        {finding.fixedAtSend ? (
          <Badge appearance="filled" color="informative" shape="rounded">
            Added when you send
          </Badge>
        ) : (
          <Badge appearance="filled" color={finding.severity === "block" ? "danger" : "warning"} shape="rounded">
            {finding.severity === "block" ? "Must fix" : "Please check"}
          </Badge>
        )}
        <h3 className={styles.title} id={titleId}>
          {title}
        </h3>
      </div>
      <p className={styles.message}>{finding.message}</p>
      {finding.evidence ? (
        <p className={styles.evidence}>
          <strong>What we found:</strong> {finding.evidence}
        </p>
      ) : null}
      <blockquote className={styles.quote} cite={href}>
        “{finding.clause.quote}”
      </blockquote>
      <p className={styles.source}>
        <Link href={href} inline rel="noopener noreferrer" target="_blank">
          Policy: {finding.clause.section}
          <span className={styles.visuallyHidden}> (opens in a new window)</span>
        </Link>
      </p>
      {fix ? (
        <div className={styles.actions}>
          {supported ? (
            <div className={styles.buttons}>
              {attachmentTargets ? (
                attachmentTargets.map((target) => (
                  <Button appearance="primary" disabled={busy} key={target} onClick={() => onFix(finding, target)}>
                    {fixLabel(finding, target)}
                  </Button>
                ))
              ) : (
                <Button appearance="primary" disabled={busy} onClick={() => onFix(finding)}>
                  {fixLabel(finding)}
                </Button>
              )}
            </div>
          ) : (
            <p className={styles.note}>{manualFix(fix.kind)}</p>
          )}
          {fix.kind === "delay-send" && supported ? <p className={styles.note}>{delayExplanation(client)}</p> : null}
        </div>
      ) : null}
      {onReportWrong && (finding.severity === "warn" || finding.severity === "block") ? (
        <FalsePositiveReport onReport={(words) => onReportWrong(finding, words)} ruleTitle={title} words={flaggedWords(finding.evidence)} />
      ) : null}
    </article>
  );
}
