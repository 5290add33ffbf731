/**
 * Review and publish: what the saved draft changes compared with the published policy, and
 * publishing it with a note saying why. Publishing takes the exact revision reviewed; if the
 * draft changed meanwhile the server refuses and the page shows the new changes.
 */
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { DraftConflict } from "../api/client";
import type { DiffResult, PolicyChange, RuleInfo } from "../api/types";
import { DataTable } from "../components/DataTable/DataTable";
import { Empty, Loaded, OutcomeBar, type Outcome } from "../components/StatusViews";
import { useDraft } from "../draft/DraftContext";
import { useLoad } from "../hooks/useLoad";
import { formatTime, formatValue, pathLabel } from "../model/labels";
import { VIEWER_EXPLANATION, useAdmin } from "../services";
import { usePageStyles } from "../styles";

const useStyles = makeStyles({
  path: { display: "block", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  note: { maxWidth: "40rem" },
});

const KIND_WORDS: Readonly<Record<PolicyChange["kind"], string>> = { added: "Added", removed: "Removed", changed: "Changed" };

function DiffTable(props: { diff: DiffResult; catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const page = usePageStyles();
  return (
    <DataTable
      label="Changes"
      minWidth="32rem"
      caption={`Draft revision ${props.diff.draftRevision} compared with published version ${props.diff.against}`}
      columns={[{ header: "Setting" }, { header: "Published" }, { header: "Draft" }]}
      rows={props.diff.changes.map((c) => ({
        key: c.path,
        cells: [
          <>
            {pathLabel(c.path, props.catalogue)} <span className={page.muted}>({KIND_WORDS[c.kind]})</span>
            <span className={styles.path}>{c.path}</span>
          </>,
          c.kind === "added" ? "(not set)" : formatValue(c.before),
          c.kind === "removed" ? "(not set)" : formatValue(c.after),
        ],
      }))}
    />
  );
}

/**
 * @param props - the rule catalogue (titles)
 * @returns the page
 */
export function PublishPage(props: { catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { api, canEdit } = useAdmin();
  const draft = useDraft();
  const [diffState, reload] = useLoad(() => api.diff(), draft.base?.revision ?? 0);
  const [note, setNote] = useState("");
  const [noteProblem, setNoteProblem] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const publish = async (diff: DiffResult): Promise<void> => {
    if (note.trim() === "") {
      setNoteProblem("Write a short note saying why, for the history (for example “Chain mail now blocked after staff briefing”).");
      return;
    }
    setNoteProblem(null);
    setPublishing(true);
    setOutcome(null);
    try {
      const result = await api.publish(diff.draftRevision, note.trim());
      setOutcome({ intent: "success", title: `Published as version ${result.version}`, text: `Staff get it the next time Outlook loads the policy, usually within minutes. Published ${formatTime(result.publishedAt)}.` });
      setNote("");
      draft.published();
      reload();
    } catch (error) {
      if (error instanceof DraftConflict) {
        setOutcome({ intent: "warning", title: "The draft changed", text: `Someone saved the draft (now revision ${error.current.revision}) after this page loaded. Review the changes below again, then publish.` });
        draft.adopt(error.current);
        reload();
      } else setOutcome({ intent: "error", title: "Not published", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setPublishing(false);
    }
  };

  return (
    <div className={page.page}>
      <h1 className={page.title}>Review and publish</h1>
      <p className={page.lead}>Publishing makes the saved draft the policy every member of staff gets. Each publication is kept in the history and can be rolled back.</p>
      {!canEdit ? (
        <MessageBar intent="info">
          <MessageBarBody>{VIEWER_EXPLANATION}</MessageBarBody>
        </MessageBar>
      ) : null}
      {draft.dirty ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>You have unsaved changes</MessageBarTitle>
            Only the saved draft is published. Save or discard your changes first.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <OutcomeBar outcome={outcome} />
      <Loaded state={diffState} loading="Comparing the draft with the published policy…" failed="Could not compare the draft with the published policy" onRetry={reload}>
        {(diff) => (
          <>
            <section className={page.card} aria-labelledby="diff-title">
              <h2 id="diff-title" className={page.heading}>
                What publishing would change
              </h2>
              {diff.changes.length === 0 ? (
                <Empty>The saved draft is the same as the published policy (version {diff.against}). There is nothing to publish.</Empty>
              ) : (
                <DiffTable diff={diff} catalogue={props.catalogue} />
              )}
            </section>
            {canEdit ? (
              <section className={page.card} aria-labelledby="publish-title">
                <h2 id="publish-title" className={page.heading}>
                  Publish
                </h2>
                <Field
                  className={styles.note}
                  label="Note for the history"
                  required
                  hint="Why this change? Up to 1000 characters."
                  validationMessage={noteProblem ?? undefined}
                >
                  <Textarea value={note} maxLength={1000} rows={3} resize="vertical" onChange={(_e, d) => setNote(d.value)} />
                </Field>
                <div>
                  <Button appearance="primary" disabled={publishing || draft.dirty || diff.changes.length === 0} onClick={() => void publish(diff)}>
                    {publishing ? "Publishing…" : `Publish draft revision ${diff.draftRevision}`}
                  </Button>
                </div>
              </section>
            ) : null}
          </>
        )}
      </Loaded>
    </div>
  );
}
