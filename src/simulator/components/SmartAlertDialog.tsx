/**
 * The Smart Alerts dialog as Outlook draws it: the add-in's name, its message (plain text, or
 * Markdown where Mailbox 1.15 is supported) and the buttons the client shows.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { parseSmartAlertsMarkdown, type DialogButton, type DialogModel, type MarkdownSpan } from "../smart-alerts";

function renderSpans(spans: readonly MarkdownSpan[]): ReactNode[] {
  return spans.map((s, i) => {
    let node: ReactNode = s.text;
    if (s.href) node = <Link href={s.href} inline rel="noopener noreferrer" target="_blank">{s.text}</Link>;
    if (s.bold) node = <strong>{node}</strong>;
    if (s.italic) node = <em>{node}</em>;
    return <span key={i}>{node}</span>;
  });
}

const useStyles = makeStyles({
  plain: { whiteSpace: "pre-line", margin: 0 },
  paragraph: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

function Message(props: { message: DialogModel["message"] }) {
  const styles = useStyles();
  if (props.message.format === "plain") return <p className={styles.plain}>{props.message.text}</p>;
  return (
    <>
      {parseSmartAlertsMarkdown(props.message.text).map((block, i) =>
        block.kind === "paragraph" ? (
          <p className={styles.paragraph} key={i}>
            {renderSpans(block.spans)}
          </p>
        ) : block.ordered ? (
          <ol key={i}>{block.items.map((item, j) => <li key={j}>{renderSpans(item)}</li>)}</ol>
        ) : (
          <ul key={i}>{block.items.map((item, j) => <li key={j}>{renderSpans(item)}</li>)}</ul>
        ),
      )}
    </>
  );
}

/**
 * Renders the dialog.
 * @param props - the model and the answer callback
 * @returns the dialog
 */
export function SmartAlertDialog(props: { dialog: DialogModel; open: boolean; onAnswer(action: DialogButton["action"]): void }) {
  const { dialog } = props;
  // Kept mounted and closed through `open`, so Fluent restores the page it hid from
  // assistive technology while the modal was up.
  return (
    <Dialog modalType="alert" open={props.open}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{dialog.title}</DialogTitle>
          <DialogContent>
            <Message message={dialog.message} />
          </DialogContent>
          <DialogActions>
            {dialog.buttons.map((b, i) => (
              <Button appearance={i === 0 ? "primary" : "secondary"} key={b.action} onClick={() => props.onAnswer(b.action)}>
                {b.label}
              </Button>
            ))}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
