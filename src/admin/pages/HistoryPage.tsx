/**
 * Every published version — who, when, why — with what each differs from the current one,
 * and rolling back to an earlier version (after a confirmation that says what will happen).
 */
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { RuleInfo, VersionSummary } from "../api/types";
import { ChangeList } from "../components/ChangeList/ChangeList";
import { DataTable } from "../components/DataTable/DataTable";
import { Empty, ErrorView, Loaded, Loading, OutcomeBar, type Outcome } from "../components/StatusViews";
import { useDraft } from "../draft/DraftContext";
import { useReturnFocus } from "../hooks/focus";
import { useLoad } from "../hooks/useLoad";
import { formatTime } from "../model/labels";
import { asPolicyDoc, changedLeaves, type LeafChange } from "../model/policy-model";
import { VIEWER_EXPLANATION, useAdmin } from "../services";
import { usePageStyles } from "../styles";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Compare = Readonly<{ version: number; state: "loading" | "error" | "ready"; changes?: LeafChange[]; message?: string }>;

/**
 * @param props - the rule catalogue (titles)
 * @returns the page
 */
export function HistoryPage(props: { catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { api, canEdit } = useAdmin();
  const draft = useDraft();
  const [state, reload] = useLoad(() => api.versions());
  const [target, setTarget] = useState<VersionSummary | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [compare, setCompare] = useState<Compare | null>(null);
  // Cancel or Escape puts focus back on the Roll back button that opened the confirmation;
  // after a roll back (or a failure) the status message takes it.
  const returnFocus = useReturnFocus(target !== null);

  const showChanges = async (version: number, latest: number): Promise<void> => {
    setCompare({ version, state: "loading" });
    try {
      const [old, current] = await Promise.all([api.version(version), api.version(latest)]);
      setCompare({ version, state: "ready", changes: changedLeaves(asPolicyDoc(current.policy), asPolicyDoc(old.policy)) });
    } catch (error) {
      setCompare({ version, state: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const rollback = async (): Promise<void> => {
    if (!target) return;
    setBusy(true);
    try {
      const result = await api.rollback(target.version, note.trim());
      setOutcome({
        intent: "success",
        title: `Version ${target.version} is published again, as version ${result.version}`,
        text: result.draftKept
          ? "Your draft had unpublished changes, so it was kept as it was."
          : "The draft now matches it too.",
      });
      if (!result.draftKept) {
        try {
          draft.adopt(await api.draft());
        } catch {
          // The draft page reloads it anyway; the rollback itself succeeded.
        }
      }
      returnFocus.forget();
      setTarget(null);
      setNote("");
      setCompare(null);
      reload();
    } catch (error) {
      setOutcome({ intent: "error", title: "Not rolled back", text: error instanceof Error ? error.message : String(error) });
      returnFocus.forget();
      setTarget(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={page.page}>
      <h1 className={page.title}>History</h1>
      <p className={page.lead}>Every version that has been published, newest first. Rolling back publishes an earlier version again as a new version; nothing is deleted.</p>
      {!canEdit ? (
        <MessageBar intent="info">
          <MessageBarBody>{VIEWER_EXPLANATION}</MessageBarBody>
        </MessageBar>
      ) : null}
      <OutcomeBar outcome={outcome} />
      <Loaded state={state} loading="Loading the history…" failed="Could not load the history" onRetry={reload}>
        {(versions) =>
          versions.length === 0 ? (
            <Empty>Nothing has been published yet.</Empty>
          ) : (
            <DataTable
              label="Published versions"
              caption="Published versions"
              minWidth="36rem"
              columns={[{ header: "Version" }, { header: "Published" }, { header: "By" }, { header: "Note" }, { header: "Actions" }]}
              rows={versions.map((v, i) => ({
                key: String(v.version),
                title: (
                  <>
                    Version {v.version} {i === 0 ? <Badge appearance="tint" color="success">In use</Badge> : null}
                  </>
                ),
                cells: [
                  <>
                    {v.version} {i === 0 ? <Badge appearance="tint" color="success">In use</Badge> : null}
                  </>,
                  formatTime(v.publishedAt),
                  v.author,
                  <>
                    {v.note}
                    {v.rollbackOf !== null ? <span className={page.muted}> (rollback to version {v.rollbackOf})</span> : null}
                  </>,
                  i === 0 ? (
                    <span className={page.muted}>Current</span>
                  ) : (
                    <div className={styles.actions}>
                      <Button size="small" onClick={() => void showChanges(v.version, (versions[0] as VersionSummary).version)}>
                        Compare with current
                      </Button>
                      <Button
                        size="small"
                        disabled={!canEdit}
                        title={canEdit ? undefined : VIEWER_EXPLANATION}
                        onClick={(e) => {
                          returnFocus.remember(e.currentTarget);
                          setTarget(v);
                        }}
                      >
                        Roll back to version {v.version}
                      </Button>
                    </div>
                  ),
                ],
              }))}
            />
          )
        }
      </Loaded>
      {compare ? (
        <section className={page.card} aria-labelledby="compare-title" aria-live="polite">
          <h2 id="compare-title" className={page.heading}>
            Version {compare.version} compared with the current version
          </h2>
          {compare.state === "loading" ? <Loading label="Comparing…" /> : null}
          {compare.state === "error" ? <ErrorView title="Could not compare" message={compare.message ?? ""} /> : null}
          {compare.state === "ready" && compare.changes ? (
            compare.changes.length ? (
              <ChangeList label={`Differences of version ${compare.version}`} changes={compare.changes} catalogue={props.catalogue} />
            ) : (
              <Empty>They are the same.</Empty>
            )
          ) : null}
          <p className={page.muted}>Each line reads: setting: current value → value in version {compare.version}.</p>
        </section>
      ) : null}
      <Dialog open={target !== null} modalType="alert" onOpenChange={(_e, d) => (!d.open ? setTarget(null) : undefined)}>
        <DialogSurface>
          {target ? (
            <DialogBody>
              <DialogTitle>Roll back to version {target.version}?</DialogTitle>
              <DialogContent>
                <p>
                  Version {target.version} (published {formatTime(target.publishedAt)} by {target.author}) will be published again as a new version, and staff get it the next
                  time Outlook loads the policy. If your draft has unpublished changes, the draft is kept as it is.
                </p>
                <Field label="Note for the history" hint="Optional. Why roll back?">
                  <Textarea value={note} maxLength={1000} onChange={(_e, d) => setNote(d.value)} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" disabled={busy} onClick={() => void rollback()}>
                  {busy ? "Rolling back…" : `Roll back to version ${target.version}`}
                </Button>
                <Button disabled={busy} onClick={() => setTarget(null)}>
                  Cancel
                </Button>
              </DialogActions>
            </DialogBody>
          ) : null}
        </DialogSurface>
      </Dialog>
    </div>
  );
}
