/** The audit log: sign-ins, draft saves, publications, rollbacks and account changes, newest first. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { AuditEntry } from "../api/types";
import { DataTable } from "../components/DataTable/DataTable";
import { Empty, ErrorView, Loaded } from "../components/StatusViews";
import { useLoad } from "../hooks/useLoad";
import { auditDetailText, auditLabel, formatTime } from "../model/labels";
import { useAdmin } from "../services";
import { usePageStyles } from "../styles";

const PAGE_SIZE = 50;

const useStyles = makeStyles({
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
              <DataTable
                label="Audit log"
                caption="Newest first"
                minWidth="36rem"
                rowHeader={2}
                columns={[{ header: "When" }, { header: "Who" }, { header: "What" }, { header: "Details" }]}
                rows={entries.map((e) => ({
                  key: String(e.id),
                  cells: [formatTime(e.at), e.actor, auditLabel(e.action), auditDetailText(e.detail)],
                }))}
              />
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
