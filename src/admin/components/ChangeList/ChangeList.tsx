/** A list of changed settings in words: "Chain mail — severity: Warn → Block". */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { RuleInfo } from "../../api/types";
import { formatValue, leafLabel } from "../../model/labels";
import type { LeafChange } from "../../model/policy-model";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { overflowWrap: "anywhere" },
  what: { fontWeight: tokens.fontWeightSemibold },
  mark: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
});

export type ChangeListProps = Readonly<{
  changes: readonly LeafChange[];
  catalogue: readonly RuleInfo[];
  /** Leaf keys to mark ("also changed by the other person"). */
  marked?: readonly string[];
  markText?: string;
  label: string;
}>;

/**
 * @param props - changes, catalogue for rule titles, marks and the list's accessible name
 * @returns the list
 */
export function ChangeList(props: ChangeListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.changes.map((c) => (
        <li key={c.key} className={styles.item}>
          <span className={styles.what}>{leafLabel(c.key, props.catalogue)}</span>: {formatValue(c.before)} → {formatValue(c.after)}
          {props.marked?.includes(c.key) ? <span className={styles.mark}> ({props.markText ?? "changed on both sides"})</span> : null}
        </li>
      ))}
    </ul>
  );
}
