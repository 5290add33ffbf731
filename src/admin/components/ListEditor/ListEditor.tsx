/**
 * Edits a list of short texts (domains, addresses, words): each entry with its own Remove
 * button, and a box to add more — Enter or the Add button, several at once when they are
 * separated by commas, semicolons or new lines. Each new entry is checked against the
 * list's item schema, and a problem names the entry and what is wrong with it.
 */
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { validateSchema, type JsonSchema } from "../../../core/engine/json-schema";
import type { Issue } from "../../api/types";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  item: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXS,
    maxWidth: "100%",
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase300 },
  add: { display: "flex", columnGap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS, flexWrap: "wrap", rowGap: tokens.spacingVerticalXS },
  input: { flexGrow: 1, minWidth: "12rem" },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: "italic", margin: 0 },
});

export type ListEditorProps = Readonly<{
  label: string;
  hint?: string;
  items: readonly string[];
  /** Schema of one entry (pattern, length, enum). */
  itemSchema?: JsonSchema;
  /** Words for one entry in messages, e.g. "domain". @default "entry" */
  noun?: string;
  disabled?: boolean;
  /** Problems the server or the whole-policy check found under this list's path. */
  issues?: readonly Issue[];
  /** The list's own path, so issues on `path[3]` can name the entry. */
  path?: string;
  onChange(items: string[]): void;
}>;

function describeProblem(value: string, schema: JsonSchema | undefined): string | null {
  if (!schema) return null;
  const problems = validateSchema(value, schema, "");
  const first = problems[0];
  if (!first) return null;
  if (schema.patternName && /^expected /.test(first.message) && first.message.includes(schema.patternName)) return `“${value}” is not ${schema.patternName}.`;
  return `“${value}”: ${first.message}.`;
}

/**
 * Splits pasted text into entries.
 * @param text - what was typed or pasted
 * @returns trimmed, non-empty entries
 */
export function splitEntries(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The list editor.
 * @param props - items, schema, label and change handler
 * @returns the field
 */
export function ListEditor(props: ListEditorProps) {
  const styles = useStyles();
  const id = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const noun = props.noun ?? "entry";

  const add = (): void => {
    const entries = splitEntries(text);
    if (entries.length === 0) {
      setProblem(`Type a ${noun} first.`);
      return;
    }
    const next = [...props.items];
    const problems: string[] = [];
    const rejected: string[] = [];
    for (const entry of entries) {
      // Domains and addresses are compared in lower case; accept "Example.org" as example.org.
      let value = entry;
      if (describeProblem(value, props.itemSchema) && !describeProblem(value.toLowerCase(), props.itemSchema)) value = value.toLowerCase();
      const wrong = describeProblem(value, props.itemSchema);
      if (wrong) {
        problems.push(wrong);
        rejected.push(entry);
      } else if (next.includes(value)) problems.push(`“${value}” is already in the list.`);
      else next.push(value);
    }
    if (next.length !== props.items.length) props.onChange(next);
    setText(rejected.join(", "));
    setProblem(problems.length ? problems.join(" ") : null);
  };

  const existing = (props.issues ?? []).map((issue) => {
    const m = props.path && issue.path.startsWith(`${props.path}[`) ? /^\[(\d+)\]/.exec(issue.path.slice(props.path.length)) : null;
    const item = m ? props.items[Number(m[1])] : undefined;
    return item !== undefined ? `“${item}”: ${issue.message}.` : `${issue.message}.`;
  });
  const messages = [problem, ...existing].filter((m): m is string => Boolean(m));

  return (
    <Field
      label={{ children: props.label, id: `${id}-label` }}
      hint={props.hint}
      validationState={messages.length ? "error" : "none"}
      validationMessage={messages.length ? messages.join(" ") : undefined}
    >
      {/* Field labels its single control; the list is labelled separately below. */}
      <div>
        {props.items.length === 0 ? (
          <p className={styles.empty}>The list is empty.</p>
        ) : (
          <ul className={styles.list} aria-labelledby={`${id}-label`}>
            {props.items.map((item, i) => (
              <li key={`${item}-${i}`} className={styles.item}>
                <span className={styles.text}>{item}</span>
                <Button
                  appearance="subtle"
                  size="small"
                  disabled={props.disabled}
                  aria-label={`Remove ${item}`}
                  onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}
                >
                  ✕
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={styles.add}>
          <Input
            className={styles.input}
            value={text}
            disabled={props.disabled}
            onChange={(_e, data) => {
              setText(data.value);
              setProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
          <Button disabled={props.disabled} onClick={add} aria-label={`Add ${noun} to ${props.label}`}>
            Add
          </Button>
        </div>
      </div>
    </Field>
  );
}
