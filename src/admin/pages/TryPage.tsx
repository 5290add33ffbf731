/**
 * Try a message: type or paste one (or upload an .eml), run the saved DRAFT policy on it on
 * the server, and see what the sender would see — the Send dialog's words, exactly as the
 * add-in builds them, and every finding with the clause it quotes. Monitor findings are
 * listed apart: the sender would not see them.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { Finding, Report } from "../../core/model/finding";
import { FIX_IT_LABEL, sendDialog } from "../../core/engine/send-decision";
import type { RuleInfo, TryDraft, TryResult } from "../api/types";
import { ErrorView, Loading } from "../components/StatusViews";
import { useDraft } from "../draft/DraftContext";
import { SEVERITY_LABELS } from "../model/labels";
import { useAdmin } from "../services";
import { usePageStyles } from "../styles";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 18rem), 1fr))", gap: tokens.spacingHorizontalM, alignItems: "start" },
  dialog: {
    margin: 0,
    maxWidth: "32rem",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow16,
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dialogTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  dialogText: { margin: 0, whiteSpace: "pre-wrap" },
  fakeButtons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, justifyContent: "flex-end" },
  fakeButton: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  findings: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  finding: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  findingHead: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  text: { margin: 0, overflowWrap: "anywhere" },
  evidence: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  file: { maxWidth: "100%" },
  fieldset: { border: "none", padding: 0, margin: 0, minWidth: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

function addresses(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const VERDICT_TEXT = {
  send: "The e-mail would be sent straight away. The sender would see nothing.",
  warn: "The sender would be warned, and could still choose Send Anyway.",
  block: "The e-mail would be held back until the sender puts it right.",
} as const;

/**
 * The Send dialog as the sender would see it, with the words the add-in's on-send handler
 * uses (clients with Mailbox 1.14: Send Anyway for warnings, a Fix it button).
 */
function SendDialogPreview(props: { report: Report }) {
  const styles = useStyles();
  const dialog = sendDialog(props.report, { takeAction: true, markdown: false });
  if (!dialog) return null;
  const warn = dialog.verdict === "warn";
  return (
    <figure className={styles.dialog} aria-labelledby="send-dialog-caption">
      <figcaption id="send-dialog-caption" className={styles.dialogTitle}>
        Etiquette Guard (the Send dialog)
      </figcaption>
      <p className={styles.dialogText}>{dialog.text}</p>
      <div className={styles.fakeButtons} aria-label="Buttons the sender would see" role="group">
        <span className={styles.fakeButton}>{FIX_IT_LABEL}</span>
        {warn ? <span className={styles.fakeButton}>Send Anyway</span> : null}
      </div>
    </figure>
  );
}

function FindingItem(props: { finding: Finding; catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const page = usePageStyles();
  const f = props.finding;
  const title = props.catalogue.find((r) => r.id === f.ruleId)?.title ?? f.ruleId;
  // A finding Send puts right by itself (the disclaimer added automatically) never holds the message back.
  const colour = f.fixedAtSend ? "informative" : f.severity === "block" ? "danger" : f.severity === "warn" ? "warning" : "informative";
  return (
    <li className={styles.finding}>
      <div className={styles.findingHead}>
        <Badge appearance="filled" color={colour}>
          {f.fixedAtSend ? "Added when sent" : SEVERITY_LABELS[f.severity]}
        </Badge>
        <strong>{title}</strong>
      </div>
      <p className={styles.text}>{f.message}</p>
      {f.evidence ? <p className={styles.evidence}>Found: {f.evidence}</p> : null}
      <blockquote className={page.quote}>
        “{f.clause.quote}” — <a href={`/policy.html#${f.clause.anchor}`}>{f.clause.section}</a>
      </blockquote>
    </li>
  );
}

function ResultView(props: { result: TryResult; catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { report } = props.result;
  const shown = report.findings.filter((f) => f.severity !== "monitor");
  const monitored = report.findings.filter((f) => f.severity === "monitor");
  return (
    <section className={page.card} aria-labelledby="try-result" aria-live="polite">
      <h2 id="try-result" className={page.heading}>
        Result: {report.verdict === "send" ? "sent" : report.verdict === "warn" ? "warning" : "blocked"}
      </h2>
      <p className={styles.text}>
        {VERDICT_TEXT[report.verdict]} (Checked with draft revision {props.result.draftRevision}.)
      </p>
      <SendDialogPreview report={report} />
      {shown.length ? (
        <>
          <h3 className={page.subheading}>What the sender would be told</h3>
          <ul className={styles.findings} aria-label="Findings the sender would see">
            {shown.map((f) => (
              <FindingItem key={f.id} finding={f} catalogue={props.catalogue} />
            ))}
          </ul>
        </>
      ) : null}
      {monitored.length ? (
        <>
          <h3 className={page.subheading}>Counted for the reports only (monitor)</h3>
          <ul className={styles.findings} aria-label="Monitor findings">
            {monitored.map((f) => (
              <FindingItem key={f.id} finding={f} catalogue={props.catalogue} />
            ))}
          </ul>
        </>
      ) : null}
      {report.findings.length === 0 ? <p className={styles.text}>No rule found anything in this message.</p> : null}
    </section>
  );
}

type Run = Readonly<{ status: "idle" }> | Readonly<{ status: "running" }> | Readonly<{ status: "error"; message: string }> | Readonly<{ status: "done"; result: TryResult }>;

/**
 * @param props - the rule catalogue (titles)
 * @returns the page
 */
export function TryPage(props: { catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { api, canEdit } = useAdmin();
  const draft = useDraft();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [cc, setCc] = useState("");
  const [bcc, setBcc] = useState("");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [composeType, setComposeType] = useState<"new" | "reply" | "forward">("new");
  const [eml, setEml] = useState<{ name: string; text: string } | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ status: "idle" });

  const check = async (message: TryDraft | string): Promise<void> => {
    setRun({ status: "running" });
    try {
      setRun({ status: "done", result: await api.tryMessage(message) });
    } catch (error) {
      setRun({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (eml) {
      void check(eml.text);
      return;
    }
    const recipients = { to: addresses(to), cc: addresses(cc), bcc: addresses(bcc) };
    if (recipients.to.length + recipients.cc.length + recipients.bcc.length === 0) {
      setFormProblem("Add at least one recipient in To, Cc or Bcc.");
      return;
    }
    setFormProblem(null);
    void check({ ...(from.trim() ? { from: { email: from.trim() } } : {}), ...recipients, subject, body, composeType });
  };

  return (
    <div className={page.page}>
      <h1 className={page.title}>Try a message</h1>
      <p className={page.lead}>
        Check a message against the saved draft policy before you publish it. Nothing is sent and nothing is stored: the message is checked and forgotten.
      </p>
      {draft.dirty ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>You have unsaved changes</MessageBarTitle>
            The check uses the last saved draft{draft.base ? ` (revision ${draft.base.revision})` : ""}. Save the draft to try your changes.
          </MessageBarBody>
          {canEdit ? (
            <MessageBarActions>
              <Button disabled={draft.saving || draft.issues.length > 0} onClick={() => void draft.save()}>
                Save draft
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      <form className={`${page.card} ${styles.form}`} onSubmit={submit} aria-labelledby="try-form-title" noValidate>
        <h2 id="try-form-title" className={page.heading}>
          The message
        </h2>
        <Field label="Upload an .eml file instead" hint="A message saved from Outlook on the web or new Outlook (Download). Leave empty to use the fields below.">
          {(fieldProps) => (
            <input
              {...fieldProps}
              key={fileKey}
              className={styles.file}
              type="file"
              accept=".eml,message/rfc822"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return setEml(null);
                file.text().then(
                  (text) => setEml({ name: file.name, text }),
                  () => setFormProblem(`Could not read ${file.name}.`),
                );
              }}
            />
          )}
        </Field>
        {eml ? (
          <MessageBar intent="info">
            <MessageBarBody>Checking the file {eml.name}; the fields below are ignored.</MessageBarBody>
            <MessageBarActions>
              <Button
                onClick={() => {
                  setEml(null);
                  setFileKey((k) => k + 1);
                }}
              >
                Use the fields instead
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        <fieldset disabled={eml !== null} className={styles.fieldset}>
          <legend className={page.subheading}>Or type or paste it</legend>
          <div className={styles.grid}>
            <Field label="From" hint="Optional: the sender’s address.">
              <Input type="email" value={from} onChange={(_e, d) => setFrom(d.value)} />
            </Field>
            <Field label="To" hint="Addresses separated by commas or semicolons." validationMessage={formProblem ?? undefined}>
              <Input value={to} onChange={(_e, d) => setTo(d.value)} />
            </Field>
            <Field label="Cc">
              <Input value={cc} onChange={(_e, d) => setCc(d.value)} />
            </Field>
            <Field label="Bcc">
              <Input value={bcc} onChange={(_e, d) => setBcc(d.value)} />
            </Field>
          </div>
          <Field label="Subject">
            <Input value={subject} onChange={(_e, d) => setSubject(d.value)} />
          </Field>
          <Field label="Body">
            <Textarea value={body} rows={10} resize="vertical" onChange={(_e, d) => setBody(d.value)} />
          </Field>
          <Field label="Kind of message">
            <RadioGroup layout="horizontal" value={composeType} onChange={(_e, d) => setComposeType(d.value as "new" | "reply" | "forward")}>
              <Radio value="new" label="New" />
              <Radio value="reply" label="Reply" />
              <Radio value="forward" label="Forward" />
            </RadioGroup>
          </Field>
        </fieldset>
        <div>
          <Button appearance="primary" type="submit" disabled={run.status === "running"}>
            Check with the draft policy
          </Button>
        </div>
      </form>
      {run.status === "running" ? <Loading label="Checking the message…" /> : null}
      {run.status === "error" ? <ErrorView title="The message could not be checked" message={run.message} /> : null}
      {run.status === "done" ? <ResultView result={run.result} catalogue={props.catalogue} /> : null}
    </div>
  );
}
