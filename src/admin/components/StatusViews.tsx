/** Loading, error and empty states, the same on every page. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import type { LoadState } from "../hooks/useLoad";

const useStyles = makeStyles({
  loading: { padding: `${tokens.spacingVerticalL} 0`, justifyContent: "flex-start" },
  empty: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalM} 0` },
});

/** A spinner with words. */
export function Loading(props: { label: string }) {
  const styles = useStyles();
  return <Spinner className={styles.loading} labelPosition="after" size="small" label={props.label} />;
}

/** A failed request: what went wrong, in plain words, and a way to try again. */
export function ErrorView(props: { title: string; message: string; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.message}
      </MessageBarBody>
      {props.onRetry ? (
        <MessageBarActions>
          <Button onClick={props.onRetry}>Try again</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/** What an action ended in: published, rolled back, refused. */
export type Outcome = Readonly<{ intent: "success" | "error" | "warning"; title: string; text: string }>;

/**
 * The outcome of an action, announced to screen readers (an error as an alert). It takes focus
 * when it appears: the button that was pressed (Publish, Roll back) has usually gone or been
 * disabled, and keyboard users carry on from the message that says what happened.
 * @param props - the outcome, or null for none
 */
export function OutcomeBar(props: { outcome: Outcome | null }) {
  const { outcome } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  if (!outcome) return null;
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={outcome.intent} layout="multiline" role={outcome.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Nothing to show yet, and why. */
export function Empty(props: { children: ReactNode }) {
  const styles = useStyles();
  return <p className={styles.empty}>{props.children}</p>;
}

/**
 * Renders a `useLoad` state: spinner, error with retry, or the content.
 * @param props - the state, words for loading and failure, retry, and the content renderer
 */
export function Loaded<T>(props: { state: LoadState<T>; loading: string; failed: string; onRetry: () => void; children: (data: T) => ReactNode }) {
  const { state } = props;
  if (state.status === "loading") return <Loading label={props.loading} />;
  if (state.status === "error") return <ErrorView title={props.failed} message={state.message} onRetry={props.onRetry} />;
  return <>{props.children(state.data)}</>;
}
