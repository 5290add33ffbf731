/**
 * Off / Monitor / Warn / Block for one rule, as a radio group (arrow keys move between
 * choices), with the chosen level explained in plain words and the Centre's default named.
 */
import { Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITIES, type Severity } from "../../model/policy-model";
import { SEVERITY_EXPLANATIONS, SEVERITY_LABELS } from "../../model/labels";

const useStyles = makeStyles({
  group: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

export type SeverityPickerProps = Readonly<{
  /** The rule's title, for the group's accessible name. */
  ruleTitle: string;
  value: Severity;
  /** The Centre's default severity for the rule. */
  defaultSeverity?: Severity;
  disabled?: boolean;
  /** Why the picker is disabled (shown under it). */
  disabledReason?: string;
  onChange(severity: Severity): void;
}>;

/**
 * The severity picker.
 * @param props - value, default, disabled state and change handler
 * @returns the field
 */
export function SeverityPicker(props: SeverityPickerProps) {
  const styles = useStyles();
  const hint = [
    SEVERITY_EXPLANATIONS[props.value],
    props.defaultSeverity && props.defaultSeverity !== props.value ? `The Centre's default is ${SEVERITY_LABELS[props.defaultSeverity]}.` : "",
    props.disabled && props.disabledReason ? props.disabledReason : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Field label={`What happens: ${props.ruleTitle}`} hint={hint}>
      <RadioGroup
        className={styles.group}
        layout="horizontal"
        value={props.value}
        disabled={props.disabled}
        onChange={(_e, data) => {
          if ((SEVERITIES as readonly string[]).includes(data.value)) props.onChange(data.value as Severity);
        }}
      >
        {SEVERITIES.map((s) => (
          <Radio key={s} value={s} label={SEVERITY_LABELS[s]} />
        ))}
      </RadioGroup>
    </Field>
  );
}
