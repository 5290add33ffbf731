/**
 * Sending from the pane: "Send now" once nothing blocks (Mailbox 1.15 `sendAsync`), and
 * "Send with a reason" when only warnings are left — the reason (never the message) is kept
 * for SMT's report.
 */
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState, type FormEvent } from "react";
import type { Verdict } from "../../../core";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "stretch" },
  button: { alignSelf: "flex-start" },
});

/** Shortest reason accepted, so that "ok" is not a reason. */
export const MIN_REASON = 10;

export type SendPanelProps = {
  verdict: Verdict;
  /** `item.sendAsync` is available (Mailbox 1.15). */
  canSend: boolean;
  busy?: boolean;
  /** The reason was saved and the sender must now press Send in Outlook. */
  reasonSaved?: boolean;
  onSendNow(): void;
  onSendWithReason(reason: string): void;
};

/**
 * Renders the send area.
 * @param props - see SendPanelProps
 * @returns the panel
 */
export function SendPanel(props: SendPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const trimmed = reason.trim();
  const invalid = tried && trimmed.length < MIN_REASON;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (trimmed.length < MIN_REASON) return;
    props.onSendWithReason(trimmed);
  };

  let body;
  if (props.verdict === "block") {
    body = <p className={styles.text}>Fix everything marked “Must fix” and this message can be sent.</p>;
  } else if (props.verdict === "warn") {
    body = props.reasonSaved ? (
      <p className={styles.text} role="status">
        Reason saved — press Send, then Send Anyway.
      </p>
    ) : (
      <form className={styles.form} onSubmit={submit}>
        <p className={styles.text}>
          If this message should go as it is, tell SMT why. Only your reason and the names of the checks are kept, never your message.
        </p>
        <Field
          label="Why should this message go as it is?"
          validationMessage={invalid ? `Please write at least ${MIN_REASON} characters.` : undefined}
          validationState={invalid ? "error" : "none"}
        >
          <Textarea onChange={(_, data) => setReason(data.value)} resize="vertical" value={reason} />
        </Field>
        <Button appearance="secondary" className={styles.button} disabled={props.busy} type="submit">
          {props.canSend ? "Save my reason and send" : "Save my reason"}
        </Button>
        {props.canSend ? null : <p className={styles.text}>This only saves your reason: then press Send in Outlook and choose Send Anyway.</p>}
      </form>
    );
  } else {
    body = props.canSend ? (
      <Button appearance="primary" className={styles.button} disabled={props.busy} onClick={props.onSendNow}>
        Send now
      </Button>
    ) : (
      <p className={styles.text}>Press Send in Outlook when you're ready.</p>
    );
  }

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <h2 className={styles.heading} id={headingId}>
        Sending
      </h2>
      {body}
    </section>
  );
}
