/** The severity picker: four choices, the chosen one explained, keyboard use, disabled for viewers. */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { Severity } from "../../model/policy-model";
import { renderFluent } from "../../test-support/render";
import { SeverityPicker } from "./SeverityPicker";

function Host(props: { onChange: (s: Severity) => void; initial?: Severity; disabled?: boolean }) {
  const [value, setValue] = useState<Severity>(props.initial ?? "warn");
  return (
    <SeverityPicker
      ruleTitle="Chain mail"
      value={value}
      defaultSeverity="warn"
      disabled={props.disabled}
      disabledReason="Viewers cannot change it."
      onChange={(s) => {
        props.onChange(s);
        setValue(s);
      }}
    />
  );
}

describe("SeverityPicker", () => {
  it("offers Off, Monitor, Warn and Block as one labelled group with the current choice checked", () => {
    renderFluent(<Host onChange={() => undefined} />);
    const group = screen.getByRole("radiogroup", { name: "What happens: Chain mail" });
    expect(group).toBeTruthy();
    expect(screen.getAllByRole("radio").map((r) => r.getAttribute("value"))).toEqual(["off", "monitor", "warn", "block"]);
    expect((screen.getByRole("radio", { name: "Warn" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/The sender is told and can still choose Send Anyway\./)).toBeTruthy();
  });

  it("reports a new choice, explains it and names the Centre's default", async () => {
    const onChange = jest.fn();
    renderFluent(<Host onChange={onChange} />);
    await userEvent.click(screen.getByRole("radio", { name: "Block" }));
    expect(onChange).toHaveBeenCalledWith("block");
    expect(screen.getByText(/cannot be sent until the sender puts it right\. The Centre's default is Warn\./)).toBeTruthy();
  });

  it("moves with the arrow keys", async () => {
    const onChange = jest.fn();
    renderFluent(<Host onChange={onChange} initial="monitor" />);
    const monitor = screen.getByRole("radio", { name: "Monitor" });
    monitor.focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(onChange).toHaveBeenLastCalledWith("warn");
  });

  it("is disabled for viewers, with the reason", async () => {
    const onChange = jest.fn();
    renderFluent(<Host onChange={onChange} disabled />);
    for (const radio of screen.getAllByRole("radio")) expect((radio as HTMLInputElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole("radio", { name: "Block" }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/Viewers cannot change it\./)).toBeTruthy();
  });
});
