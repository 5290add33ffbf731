/** The findings for the message being written, most serious first. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../../core";
import type { ClientCapabilities, ClientKind } from "../../services";
import { cardTitles } from "../../finding-titles";
import { FindingCard } from "../FindingCard";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export type FindingListProps = {
  findings: readonly Finding[];
  capabilities: ClientCapabilities;
  client: ClientKind;
  /** Rule ids named by the send dialog. */
  flaggedRuleIds?: readonly string[];
  busy?: boolean;
  onFix(finding: Finding, target?: string): void;
  /** Reports a finding as a false positive; see FindingCardProps.onReportWrong. */
  onReportWrong?(finding: Finding, words?: readonly string[]): Promise<void>;
};

/**
 * Renders the findings as a list of cards.
 * @param props - see FindingListProps
 * @returns the list
 */
export function FindingList(props: FindingListProps) {
  const styles = useStyles();
  const flagged = new Set(props.flaggedRuleIds ?? []);
  const titles = cardTitles(props.findings);
  return (
    <ul aria-label="Problems found" className={styles.list}>
      {props.findings.map((finding, i) => (
        <li key={finding.id}>
          <FindingCard
            busy={props.busy}
            capabilities={props.capabilities}
            client={props.client}
            finding={finding}
            flagged={flagged.has(finding.ruleId)}
            onFix={props.onFix}
            onReportWrong={props.onReportWrong}
            title={titles[i]}
          />
        </li>
      ))}
    </ul>
  );
}
