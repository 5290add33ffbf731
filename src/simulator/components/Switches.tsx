/** The simulator's switches: client, requirement set, theme, latency and a fault on any Office call. */
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { OFFICE_METHODS, type FaultMode, type SimClient, type SimRequirementSet, type SimSettings, type SimTheme } from "../sim-office";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
});

export const CLIENT_NAMES: Readonly<Record<SimClient, string>> = {
  classic: "Classic Outlook on Windows",
  new: "New Outlook on Windows",
  web: "Outlook on the web",
  mac: "Outlook on Mac (up to 1.14)",
};

/**
 * Renders the switches.
 * @param props - the settings and the change callback
 * @returns the switches
 */
export function Switches(props: { settings: SimSettings; onChange(patch: Partial<SimSettings>): void }) {
  const styles = useStyles();
  const { settings, onChange } = props;
  return (
    <div className={styles.root}>
      <Field label="Client">
        <Select onChange={(_, d) => onChange({ client: d.value as SimClient })} value={settings.client}>
          {(Object.keys(CLIENT_NAMES) as SimClient[]).map((c) => (
            <option key={c} value={c}>
              {CLIENT_NAMES[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Requirement set">
        <Select onChange={(_, d) => onChange({ requirementSet: d.value as SimRequirementSet })} value={settings.requirementSet}>
          <option value="1.12">Mailbox 1.12</option>
          <option value="1.14">Mailbox 1.14</option>
          <option value="1.15">Mailbox 1.15</option>
        </Select>
      </Field>
      <Field label="Office theme">
        <Select onChange={(_, d) => onChange({ theme: d.value as SimTheme })} value={settings.theme}>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
          <option value="highContrast">High contrast</option>
        </Select>
      </Field>
      <Field label="Office call">
        <Select onChange={(_, d) => onChange({ fault: { ...settings.fault, method: d.value } })} value={settings.fault.method}>
          {OFFICE_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="That call">
        <Select onChange={(_, d) => onChange({ fault: { ...settings.fault, mode: d.value as FaultMode } })} value={settings.fault.mode}>
          <option value="none">works</option>
          <option value="fail">fails</option>
          <option value="hang">hangs</option>
        </Select>
      </Field>
      <Field label="Latency per call (ms)">
        <Select onChange={(_, d) => onChange({ latencyMs: Number(d.value) })} value={String(settings.latencyMs)}>
          {[1, 15, 100, 400].map((ms) => (
            <option key={ms} value={ms}>
              {ms}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
