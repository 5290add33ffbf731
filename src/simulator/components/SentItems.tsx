/** What the simulator "sent", with the delivery delay when the add-in set one. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SentItem } from "../controller";
import { CLIENT_NAMES } from "./Switches";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  body: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200, margin: 0 },
  meta: { display: "block", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const time = (d: Date) => d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

function delayNote(item: SentItem): string {
  if (!item.deliverAt) return "";
  const where =
    item.client === "classic"
      ? "held on the server (not in the Outbox; can't be changed)"
      : "waiting in Drafts until then (can still be changed)";
  return ` Delivery delayed until ${time(item.deliverAt)}: ${where}.`;
}

/**
 * Renders the sent items.
 * @param props - the items, newest first
 * @returns the list
 */
export function SentItems(props: { items: readonly SentItem[] }) {
  const styles = useStyles();
  if (props.items.length === 0) return <p className={styles.empty}>Nothing sent yet.</p>;
  return (
    <ol aria-label="Sent items" className={styles.list} reversed>
      {props.items.map((item) => (
        <li key={item.id}>
          <strong>{item.subject || "(no subject)"}</strong>
          <span className={styles.meta}>
            Sent {time(item.sentAt)} from {CLIENT_NAMES[item.client]}. To: {item.to.length}, Cc: {item.cc.length}, Bcc: {item.bcc.length}
            {item.attachments.length > 0 ? `, ${item.attachments.length} attachment(s)` : ""}.{delayNote(item)}
          </span>
          <details>
            <summary>Message as sent</summary>
            <pre className={styles.body}>{item.bodyText}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
