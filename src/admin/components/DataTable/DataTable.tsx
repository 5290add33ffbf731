/**
 * A table that still works on a phone: at full width a table (in a scroll area that shows when
 * it is wider than the window); in a narrow window (480 px or less) one card per row, each value
 * under its column's name, so nothing is cut off and nothing needs scrolling sideways.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useNarrow } from "../../hooks/useNarrow";
import { ScrollArea } from "../ScrollArea/ScrollArea";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%" },
  caption: { textAlign: "left", color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  captionText: { margin: 0, color: tokens.colorNeutralForeground2 },
  cards: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  card: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  cardTitle: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  pairs: { margin: `${tokens.spacingVerticalXS} 0 0`, display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  pair: { display: "contents" },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0 },
});

export type Column = Readonly<{ header: string; numeric?: boolean }>;
export type Row = Readonly<{
  key: string;
  /** One cell per column. */
  cells: readonly ReactNode[];
  /** The card's title in a narrow window (default: the row header's cell). */
  title?: ReactNode;
}>;

export type DataTableProps = Readonly<{
  /** The accessible name of the list of cards (narrow) and, with ", table", of the scroll area (full width). */
  label: string;
  caption?: ReactNode;
  columns: readonly Column[];
  rows: readonly Row[];
  /** The table's least width before it scrolls sideways, e.g. "36rem". */
  minWidth: string;
  /** Which column holds the row's header (default the first). */
  rowHeader?: number;
}>;

/**
 * @param props - name, caption, columns, rows and the table's least width
 * @returns the table, or the cards in a narrow window
 */
export function DataTable(props: DataTableProps) {
  const styles = useStyles();
  const narrow = useNarrow();
  const header = props.rowHeader ?? 0;
  if (narrow) {
    return (
      <>
        {props.caption ? <p className={styles.captionText}>{props.caption}</p> : null}
        <ul className={styles.cards} aria-label={props.label}>
          {props.rows.map((row) => (
            <li key={row.key} className={styles.card}>
              <div className={styles.cardTitle}>{row.title ?? row.cells[header]}</div>
              <dl className={styles.pairs}>
                {props.columns.map((column, i) =>
                  i === header ? null : (
                    <div key={column.header} className={styles.pair}>
                      <dt className={styles.term}>{column.header}</dt>
                      <dd className={styles.value}>{row.cells[i]}</dd>
                    </div>
                  ),
                )}
              </dl>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <ScrollArea label={`${props.label}, table`}>
      <table className={styles.table} style={{ minWidth: props.minWidth }}>
        {props.caption ? <caption className={styles.caption}>{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.header} className={mergeClasses(styles.cell, c.numeric && styles.num)} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === header ? (
                  <th key={i} className={mergeClasses(styles.cell, props.columns[i]?.numeric && styles.num)} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={mergeClasses(styles.cell, props.columns[i]?.numeric && styles.num)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
