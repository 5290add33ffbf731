/**
 * The simulated compose window: From, To/Cc/Bcc with internal/external types, Subject, a
 * rich-text body (contenteditable) and attachments. Edits go to the shared item store as the
 * sender's changes; the add-in's changes come back through the same store.
 */
import { Badge, Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState, type FormEvent } from "react";
import { guessType, SIGNED_IN, type ItemState, type ItemStore, type SimRecipient, type SimRecipientType } from "../item-store";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyleType: "none", margin: 0, padding: 0 },
  chip: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
  },
  fieldset: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  body: {
    minHeight: "12rem",
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  grow: { flexGrow: 1, minWidth: "12rem" },
  label: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

const TYPE_LABEL: Readonly<Record<SimRecipientType, string>> = { user: "Internal", externalUser: "External", distributionList: "Group", other: "Other" };

function RecipientField(props: { field: "to" | "cc" | "bcc"; label: string; list: readonly SimRecipient[]; store: ItemStore }) {
  const styles = useStyles();
  const [email, setEmail] = useState("");
  const [type, setType] = useState<"auto" | SimRecipientType>("auto");
  const listId = useId();
  const add = (event: FormEvent) => {
    event.preventDefault();
    const added = email
      .split(/[;,\s]+/)
      .map((e) => e.trim())
      .filter((e) => /^[^\s@]+@[^\s@]+$/.test(e))
      .map((e): SimRecipient => ({ emailAddress: e, displayName: e, recipientType: type === "auto" ? guessType(e) : type }));
    if (added.length === 0) return;
    props.store.update({ [props.field]: [...props.store.get()[props.field], ...added] }, "user");
    setEmail("");
  };
  const remove = (index: number) => props.store.update({ [props.field]: props.list.filter((_, i) => i !== index) }, "user");
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{props.label}</legend>
      <ul aria-label={`${props.label} recipients`} className={styles.chips} id={listId}>
        {props.list.map((r, i) => (
          <li className={styles.chip} key={`${r.emailAddress}-${i}`}>
            <span>{r.displayName !== r.emailAddress ? `${r.displayName} <${r.emailAddress}>` : r.emailAddress}</span>
            <Badge appearance="tint" color={r.recipientType === "user" ? "brand" : "warning"} size="small">
              {TYPE_LABEL[r.recipientType]}
            </Badge>
            <Button appearance="subtle" aria-label={`Remove ${r.emailAddress} from ${props.label}`} onClick={() => remove(i)} size="small">
              ×
            </Button>
          </li>
        ))}
      </ul>
      <form className={styles.row} onSubmit={add}>
        <Field className={styles.grow} label={`Add to ${props.label}`}>
          <Input onChange={(_, d) => setEmail(d.value)} placeholder="name@example.org" type="text" value={email} />
        </Field>
        <Field label={`${props.label} type`}>
          <Select onChange={(_, d) => setType(d.value as "auto" | SimRecipientType)} value={type}>
            <option value="auto">By domain</option>
            <option value="user">Internal (user)</option>
            <option value="externalUser">External (externalUser)</option>
            <option value="distributionList">Distribution list</option>
            <option value="other">Other</option>
          </Select>
        </Field>
        <Button type="submit">Add</Button>
      </form>
    </fieldset>
  );
}

function BodyEditor(props: { html: string; version: number; store: ItemStore }) {
  const styles = useStyles();
  const labelId = useId();
  // The editor owns its DOM while the sender types. When someone else replaces the body (the
  // add-in, a sample, Send), `version` changes and the editor starts again from the store.
  // Only a new version resets the editor, so the HTML is deliberately not a dependency.
  const initial = useMemo(() => ({ __html: props.html }), [props.version]);
  return (
    <div>
      <div className={styles.label} id={labelId}>
        Message
      </div>
      <div
        aria-labelledby={labelId}
        aria-multiline="true"
        className={styles.body}
        contentEditable
        dangerouslySetInnerHTML={initial}
        key={props.version}
        onInput={(e) => props.store.update({ bodyHtml: (e.currentTarget as HTMLDivElement).innerHTML }, "user")}
        role="textbox"
        suppressContentEditableWarning
        tabIndex={0}
      />
    </div>
  );
}

function Attachments(props: { item: ItemState; store: ItemStore }) {
  const styles = useStyles();
  const [name, setName] = useState("");
  const [size, setSize] = useState("120");
  const [type, setType] = useState("");
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    const kb = Math.max(0, Number(size) || 0);
    props.store.update(
      {
        attachments: [
          ...props.item.attachments,
          { id: props.store.nextAttachmentId(), name: name.trim(), size: Math.round(kb * 1024), contentType: type.trim() || "application/octet-stream", isInline: false },
        ],
      },
      "user",
    );
    setName("");
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Attachments</legend>
      <ul aria-label="Attachments" className={styles.chips}>
        {props.item.attachments.map((a) => (
          <li className={styles.chip} key={a.id}>
            <span>
              {a.name} ({Math.round(a.size / 1024)} KB, {a.contentType})
            </span>
            <Button
              appearance="subtle"
              aria-label={`Remove attachment ${a.name}`}
              onClick={() => props.store.update({ attachments: props.store.get().attachments.filter((x) => x.id !== a.id) }, "user")}
              size="small"
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      <form className={styles.row} onSubmit={add}>
        <Field className={styles.grow} label="File name">
          <Input onChange={(_, d) => setName(d.value)} value={name} />
        </Field>
        <Field label="Size (KB)">
          <Input onChange={(_, d) => setSize(d.value)} type="number" value={size} />
        </Field>
        <Field label="Content type">
          <Input onChange={(_, d) => setType(d.value)} placeholder="image/jpeg" value={type} />
        </Field>
        <Button type="submit">Attach</Button>
      </form>
    </fieldset>
  );
}

const FROM_CHOICES = [
  SIGNED_IN,
  { emailAddress: "office@norcotearlyyearscentre.co.uk", displayName: "Centre Office (shared mailbox)" },
  { emailAddress: "h.smith@norcotearlyyearscentre.co.uk", displayName: "Helen Smith (a colleague)" },
];

/**
 * The compose form.
 * @param props - the message and its store
 * @returns the form
 */
export function ComposeForm(props: { item: ItemState; bodyVersion: number; store: ItemStore }) {
  const styles = useStyles();
  const { item, store } = props;
  const fromChoices = FROM_CHOICES.some((f) => f.emailAddress === item.from.emailAddress) ? FROM_CHOICES : [...FROM_CHOICES, item.from];
  return (
    <div className={styles.root}>
      <Field label="From">
        <Select
          onChange={(_, d) => {
            const from = fromChoices.find((f) => f.emailAddress === d.value);
            if (from) store.update({ from: { emailAddress: from.emailAddress, displayName: from.displayName } }, "user");
          }}
          value={item.from.emailAddress}
        >
          {fromChoices.map((f) => (
            <option key={f.emailAddress} value={f.emailAddress}>
              {f.displayName} &lt;{f.emailAddress}&gt;
            </option>
          ))}
        </Select>
      </Field>
      <RecipientField field="to" label="To" list={item.to} store={store} />
      <RecipientField field="cc" label="Cc" list={item.cc} store={store} />
      <RecipientField field="bcc" label="Bcc" list={item.bcc} store={store} />
      <Field label="Subject">
        <Input onChange={(_, d) => store.update({ subject: d.value }, "user")} value={item.subject} />
      </Field>
      <BodyEditor html={item.bodyHtml} store={store} version={props.bodyVersion} />
      <Attachments item={item} store={store} />
    </div>
  );
}
