/** The audit log: sign-ins, draft saves, publications, rollbacks and account changes, newest first. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { AuditEntry } from "../api/types";
import { Empty, ErrorView, Loaded } from "../components/StatusViews";
import { useLoad } from "../hooks/useLoad";
import { auditDetailText, auditLabel, formatTime } from "../model/labels";
import { useAdmin } from "../services";
import { usePageStyles } from "../styles";

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", minWidth: "36rem" },
  cell: { textAlign: "left", verticalAlign: "top", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowWrap: "anywhere" },
  more: { marginTop: tokens.spacingVerticalM },
});

/** @returns the page */
export function AuditPage() {
  const styles = useStyles();
  const page = usePageStyles();
  const { api } = useAdmin();
  const [state, reload, replace] = useLoad(async () => {
    const entries = await api.audit(PAGE_SIZE);
    return { entries, more: entries.length === PAGE_SIZE };
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  const loadMore = async (entries: readonly AuditEntry[]): Promise<void> => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const older = await api.audit(PAGE_SIZE, last.id);
      replace({ entries: [...entries, ...older], more: older.length === PAGE_SIZE });
    } catch (error) {
      setMoreError(error instanceof Error ? error.message : String(error));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className={page.page}>
      <h1 className={page.title}>Audit log</h1>
      <p className={page.lead}>Who signed in, and who changed, published or rolled back the policy. Entries cannot be edited or removed.</p>
      <Loaded state={state} loading="Loading the audit log…" failed="Could not load the audit log" onRetry={reload}>
        {({ entries, more }) =>
          entries.length === 0 ? (
            <Empty>The log is empty.</Empty>
          ) : (
            <>
              <div className={page.tableWrap} role="region" aria-label="Audit log, scrollable" tabIndex={0}>
                <table className={styles.table}>
                  <caption className={page.muted}>Newest first</caption>
                  <thead>
                    <tr>
                      <th className={styles.cell} scope="col">When</th>
                      <th className={styles.cell} scope="col">Who</th>
                      <th className={styles.cell} scope="col">What</th>
                      <th className={styles.cell} scope="col">Details</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((e) => (
                      <tr key={e.id}>
                        <td className={styles.cell}>{formatTime(e.at)}</td>
                        <td className={styles.cell}>{e.actor}</td>
                        <td className={styles.cell}>{auditLabel(e.action)}</td>
                        <td className={styles.cell}>{auditDetailText(e.detail)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {moreError ? <ErrorView title="Could not load older entries" message={moreError} /> : null}
              {more ? (
                <div className={styles.more}>
                  <Button disabled={loadingMore} onClick={() => void loadMore(entries)}>
                    {loadingMore ? "Loading…" : "Show older entries"}
                  </Button>
                </div>
              ) : null}
            </>
          )
        }
      </Loaded>
    </div>
  );
}
