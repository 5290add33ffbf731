/** The pane's loading, error and "all clear" states. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  center: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalXXL },
  text: { margin: 0 },
});

/**
 * Shown while the message is read and checked for the first time.
 * @returns the loading view
 */
export function LoadingView() {
  const styles = useStyles();
  return (
    <div className={styles.center}>
      <Spinner label="Checking your message…" labelPosition="below" />
    </div>
  );
}

/**
 * Shown when the message could not be read or checked.
 * @param props - what went wrong and how to try again
 * @returns the error view
 */
export function ErrorView(props: { message: string; onRetry(): void }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>We couldn't check this message.</MessageBarTitle>
        {props.message} You can still send it; Etiquette Guard will check it again when you press Send.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onRetry}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Shown when nothing in the message goes against the policy.
 * @returns the all-clear view
 */
export function AllClearView() {
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>All clear.</MessageBarTitle>
        This message follows the Centre's communication policy.
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Shown instead of "All clear" when Outlook could not send the message as it is (for example
 * after a fix removed its only recipient): says what is missing.
 * @param props - one sentence per missing part
 * @returns the view
 */
export function CannotSendView(props: { missing: readonly string[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This message can't be sent yet.</MessageBarTitle>
        {props.missing.map((text) => (
          <p className={styles.text} key={text}>
            {text}
          </p>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
