/**
 * "This warning is wrong": a small disclosure on a finding card where the sender tells SMT a
 * rule fired wrongly. Only the rule's id is sent, plus the flagged words when — and only when —
 * the sender ticks the box (unticked by default).
 */
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { showWords } from "../../flagged-words";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXS },
  panel: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    alignSelf: "stretch",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  checkbox: { overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  error: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorPaletteRedForeground1 },
  thanks: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
});

export type FalsePositiveReportProps = {
  /** The rule's title, for the panel's description. */
  ruleTitle: string;
  /** What "Include the flagged words" would send (from `flaggedWords`); none hides the box. */
  words: readonly string[];
  /**
   * Sends the report.
   * @param words - the flagged words, only when the sender ticked the box
   */
  onReport(words?: readonly string[]): Promise<void>;
};

type Phase = "closed" | "open" | "sending" | "sent";

function errorText(error: unknown): string {
  const text = error instanceof Error && error.message.trim() ? error.message.trim() : "The report could not be saved";
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Renders the "This warning is wrong" control and its panel.
 * @param props - see FalsePositiveReportProps
 * @returns the control
 */
export function FalsePositiveReport(props: FalsePositiveReportProps) {
  const styles = useStyles();
  const panelId = useId();
  const textId = useId();
  const [phase, setPhase] = useState<Phase>("closed");
  const [include, setInclude] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    // The button and panel are gone: keep the keyboard user's place on the confirmation.
    if (phase === "sent") thanksRef.current?.focus();
  }, [phase]);

  if (phase === "sent") {
    return (
      <p className={styles.thanks} ref={thanksRef} role="status" tabIndex={-1}>
        Thanks — SMT will review this rule.
      </p>
    );
  }

  const open = phase !== "closed";
  const offerWords = props.words.length > 0;
  const send = async () => {
    setPhase("sending");
    setError(null);
    try {
      await props.onReport(include && offerWords ? [...props.words] : undefined);
      if (mounted.current) setPhase("sent");
    } catch (e) {
      if (!mounted.current) return;
      setError(errorText(e));
      setPhase("open");
    }
  };

  return (
    <div className={styles.root}>
      <Button aria-controls={open ? panelId : undefined} aria-expanded={open} appearance="subtle" onClick={() => setPhase(open ? "closed" : "open")} size="small">
        This warning is wrong
      </Button>
      {open ? (
        <div aria-describedby={textId} aria-label="Report this warning to SMT" className={styles.panel} id={panelId} role="group">
          <p className={styles.text} id={textId}>
            Tell SMT that “{props.ruleTitle}” got this message wrong. Only the name of the check is sent{offerWords ? ", and the flagged words if you tick the box" : ""} —
            never your message or its recipients.
          </p>
          {offerWords ? (
            <Checkbox
              checked={include}
              className={styles.checkbox}
              label={`Include the flagged words (${showWords(props.words)}) in the report`}
              onChange={(_, data) => setInclude(data.checked === true)}
            />
          ) : null}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={phase === "sending"} onClick={() => void send()} size="small">
              {phase === "sending" ? "Sending…" : "Send to SMT"}
            </Button>
            <Button appearance="secondary" disabled={phase === "sending"} onClick={() => setPhase("closed")} size="small">
              Cancel
            </Button>
          </div>
          {error ? (
            <p className={styles.error} role="alert">
              Your report wasn't sent: {error} Please try again.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
