/**
 * Editors for a rule's options, generated from its `optionsSchema` (the core's JSON Schema
 * subset): whole numbers and numbers as number inputs with their minimum and maximum,
 * true/false as switches, lists of words or domains as list editors, a list of fixed choices
 * as check boxes, one fixed choice as radio buttons, text as text fields. Anything else is
 * edited as JSON. Problems are shown at the option, in words that name what is wrong.
 */
import { Checkbox, Field, Input, Radio, RadioGroup, Switch, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { joinPath, type JsonSchema } from "../../../core/engine/json-schema";
import type { Issue } from "../../api/types";
import { humanise, optionLabel } from "../../model/labels";
import { issuesAt } from "../../model/policy-model";
import { ListEditor } from "../ListEditor/ListEditor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  number: { maxWidth: "12rem" },
  choices: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, border: "none", padding: 0, margin: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  full: { width: "100%", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { width: "100%", color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

export type OptionsEditorProps = Readonly<{
  /** The rule's options schema (an object schema). */
  schema: JsonSchema;
  /** The effective options (defaults merged with the policy's). */
  value: Readonly<Record<string, unknown>>;
  /** The options' path in the policy, e.g. `rules.audience-size[1]`, to match issues. */
  path: string;
  issues?: readonly Issue[];
  disabled?: boolean;
  onChange(option: string, value: unknown): void;
}>;

/**
 * Says what is wrong with a number as typed, or null when it is fine.
 * @param text - the input's text
 * @param schema - the option's schema
 * @returns a sentence naming the problem, or null
 */
export function numberProblem(text: string, schema: JsonSchema): string | null {
  const trimmed = text.trim();
  const whole = schema.type === "integer";
  if (trimmed === "") return whole ? "Enter a whole number." : "Enter a number.";
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return `“${trimmed}” is not a number.`;
  if (whole && !Number.isInteger(n)) return `Enter a whole number (${trimmed} has a fraction).`;
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined && (n < min || n > max)) return `Must be between ${min} and ${max}; ${trimmed} is ${n < min ? "too small" : "too large"}.`;
  if (min !== undefined && n < min) return `Must be at least ${min}; ${trimmed} is too small.`;
  if (max !== undefined && n > max) return `Must be at most ${max}; ${trimmed} is too large.`;
  return null;
}

function rangeHint(schema: JsonSchema): string {
  const { minimum: min, maximum: max } = schema;
  const kind = schema.type === "integer" ? "A whole number" : "A number";
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}.`;
  if (min !== undefined) return `${kind}, at least ${min}.`;
  if (max !== undefined) return `${kind}, at most ${max}.`;
  return `${kind}.`;
}

function joinHint(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter(Boolean).join(" ");
  return text || undefined;
}

function messagesOf(issues: readonly Issue[]): string | undefined {
  return issues.length ? issues.map((i) => `${i.message.charAt(0).toUpperCase()}${i.message.slice(1)}.`).join(" ") : undefined;
}

type FieldProps = Readonly<{ name: string; schema: JsonSchema; value: unknown; issues: readonly Issue[]; path: string; disabled?: boolean; onChange(value: unknown): void }>;

function NumberOption(props: FieldProps) {
  const styles = useStyles();
  const shown = typeof props.value === "number" ? String(props.value) : typeof props.value === "string" ? props.value : "";
  const [text, setText] = useState(shown);
  // Follow the value when it changes from outside (a reload, a merge), not while typing.
  useEffect(() => {
    setText((t) => (Number(t) === props.value && t.trim() !== "" ? t : shown));
  }, [props.value]);
  const local = numberProblem(text, props.schema);
  const message = local ?? messagesOf(props.issues);
  return (
    <Field
      label={optionLabel(props.name)}
      hint={joinHint(props.schema.description, rangeHint(props.schema))}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      <Input
        className={styles.number}
        type="number"
        inputMode={props.schema.type === "integer" ? "numeric" : "decimal"}
        min={props.schema.minimum}
        max={props.schema.maximum}
        step={props.schema.type === "integer" ? 1 : "any"}
        value={text}
        disabled={props.disabled}
        onChange={(_e, data) => {
          setText(data.value);
          const n = Number(data.value.trim());
          // Keep what was typed even when it is wrong, so the policy cannot be saved with it
          // and the message stays until it is corrected.
          props.onChange(data.value.trim() !== "" && Number.isFinite(n) ? n : data.value);
        }}
      />
    </Field>
  );
}

function BooleanOption(props: FieldProps) {
  const message = messagesOf(props.issues);
  return (
    <Field hint={props.schema.description} validationState={message ? "error" : "none"} validationMessage={message}>
      <Switch label={optionLabel(props.name)} checked={props.value === true} disabled={props.disabled} onChange={(_e, data) => props.onChange(data.checked)} />
    </Field>
  );
}

function ChoiceListOption(props: FieldProps) {
  const styles = useStyles();
  const choices = (props.schema.items?.enum ?? []).map(String);
  const selected = Array.isArray(props.value) ? props.value.map(String) : [];
  const message = messagesOf(props.issues);
  return (
    <fieldset className={styles.choices}>
      <legend className={styles.legend}>{optionLabel(props.name)}</legend>
      {props.schema.description ? <div className={styles.full}>{props.schema.description}</div> : null}
      {choices.map((choice) => (
        <Checkbox
          key={choice}
          label={humanise(choice)}
          checked={selected.includes(choice)}
          disabled={props.disabled}
          onChange={(_e, data) => props.onChange(data.checked ? choices.filter((c) => c === choice || selected.includes(c)) : selected.filter((c) => c !== choice))}
        />
      ))}
      {message ? (
        <div role="alert" className={styles.error}>
          {message}
        </div>
      ) : null}
    </fieldset>
  );
}

function ChoiceOption(props: FieldProps) {
  const choices = (props.schema.enum ?? []).map(String);
  const message = messagesOf(props.issues);
  return (
    <Field label={optionLabel(props.name)} hint={props.schema.description} validationState={message ? "error" : "none"} validationMessage={message}>
      <RadioGroup layout="horizontal" value={String(props.value ?? "")} disabled={props.disabled} onChange={(_e, data) => props.onChange(data.value)}>
        {choices.map((c) => (
          <Radio key={c} value={c} label={humanise(c)} />
        ))}
      </RadioGroup>
    </Field>
  );
}

function TextOption(props: FieldProps) {
  const value = typeof props.value === "string" ? props.value : "";
  const long = (props.schema.maxLength ?? 0) > 200;
  const local = props.schema.minLength && value.length < props.schema.minLength ? (props.schema.minLength === 1 ? "Must not be empty." : `At least ${props.schema.minLength} characters are needed.`) : null;
  const message = local ?? messagesOf(props.issues);
  return (
    <Field label={optionLabel(props.name)} hint={props.schema.description} validationState={message ? "error" : "none"} validationMessage={message ?? undefined}>
      {long ? (
        <Textarea value={value} disabled={props.disabled} resize="vertical" onChange={(_e, data) => props.onChange(data.value)} />
      ) : (
        <Input value={value} disabled={props.disabled} onChange={(_e, data) => props.onChange(data.value)} />
      )}
    </Field>
  );
}

function JsonOption(props: FieldProps) {
  const [text, setText] = useState(() => JSON.stringify(props.value ?? null, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const message = parseError ?? messagesOf(props.issues);
  return (
    <Field
      label={optionLabel(props.name)}
      hint={joinHint(props.schema.description, "Written as JSON.")}
      validationState={message ? "error" : "none"}
      validationMessage={message ?? undefined}
    >
      <Textarea
        value={text}
        disabled={props.disabled}
        resize="vertical"
        onChange={(_e, data) => {
          setText(data.value);
          try {
            props.onChange(JSON.parse(data.value) as unknown);
            setParseError(null);
          } catch {
            setParseError("This is not valid JSON.");
          }
        }}
      />
    </Field>
  );
}

function OptionField(props: FieldProps) {
  const { schema } = props;
  if (schema.type === "integer" || schema.type === "number") return <NumberOption {...props} />;
  if (schema.type === "boolean") return <BooleanOption {...props} />;
  if (schema.type === "string" && schema.enum) return <ChoiceOption {...props} />;
  if (schema.type === "string") return <TextOption {...props} />;
  if (schema.type === "array" && schema.items?.type === "string" && schema.items.enum) return <ChoiceListOption {...props} />;
  if (schema.type === "array" && schema.items?.type === "string") {
    return (
      <ListEditor
        label={optionLabel(props.name)}
        hint={schema.description}
        items={Array.isArray(props.value) ? props.value.map(String) : []}
        itemSchema={schema.items}
        noun="word or phrase"
        path={props.path}
        issues={props.issues}
        disabled={props.disabled}
        onChange={(items) => props.onChange(items)}
      />
    );
  }
  return <JsonOption {...props} />;
}

/**
 * The options editor for one rule; renders nothing when the rule has no options.
 * @param props - schema, value, issues and change handler
 * @returns the editors
 */
export function OptionsEditor(props: OptionsEditorProps) {
  const styles = useStyles();
  const properties = Object.entries(props.schema.properties ?? {});
  if (properties.length === 0) return null;
  return (
    <div className={styles.root}>
      {properties.map(([name, schema]) => {
        const path = joinPath(props.path, name);
        return (
          <OptionField
            key={name}
            name={name}
            schema={schema}
            value={props.value[name]}
            path={path}
            issues={issuesAt(props.issues ?? [], path)}
            disabled={props.disabled}
            onChange={(value) => props.onChange(name, value)}
          />
        );
      })}
    </div>
  );
}
