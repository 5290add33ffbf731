/** The schema-driven option editors: which control each schema gets, limits, and messages naming the problem. */
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { JsonSchema } from "../../../core/engine/json-schema";
import { renderFluent } from "../../test-support/render";
import { OptionsEditor, numberProblem } from "./OptionsEditor";

const schema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    threshold: { type: "integer", minimum: 1, description: "More recipients than this make a finding." },
    maxTotalMB: { type: "number", minimum: 0.1, maximum: 150 },
    countTrusted: { type: "boolean", description: "Count trusted partner addresses." },
    ignoreDomains: { type: "array", items: { type: "string", pattern: "^[a-z0-9.-]+\\.[a-z]{2,}$", patternName: "a lower-case domain name such as example.org" }, uniqueItems: true },
    categories: { type: "array", uniqueItems: true, items: { type: "string", enum: ["obscene", "racist", "threat"] } },
    greeting: { type: "string", minLength: 1, maxLength: 80 },
  },
};

/** A host that keeps the value, as the rules page does through the draft. */
function Host(props: { initial: Record<string, unknown>; onChange?: (option: string, value: unknown) => void; disabled?: boolean; issues?: { path: string; message: string }[] }) {
  const [value, setValue] = useState(props.initial);
  return (
    <OptionsEditor
      schema={schema}
      value={value}
      path="rules.demo[1]"
      disabled={props.disabled}
      issues={props.issues}
      onChange={(option, v) => {
        props.onChange?.(option, v);
        setValue((old) => ({ ...old, [option]: v }));
      }}
    />
  );
}

const initial = { threshold: 25, maxTotalMB: 20, countTrusted: false, ignoreDomains: ["partner.org"], categories: ["obscene"], greeting: "Hello" };

describe("OptionsEditor", () => {
  it("renders a number input with the schema's minimum and maximum, and reports numbers", async () => {
    const onChange = jest.fn();
    renderFluent(<Host initial={initial} onChange={onChange} />);
    const threshold = screen.getByRole("spinbutton", { name: "Threshold" });
    expect(threshold).toHaveProperty("min", "1");
    expect(threshold.getAttribute("step")).toBe("1");
    const total = screen.getByRole("spinbutton", { name: "Largest total of attachments (MB)" });
    expect(total).toHaveProperty("min", "0.1");
    expect(total).toHaveProperty("max", "150");
    expect(screen.getByText(/A whole number, at least 1\./)).toBeTruthy();
    fireEvent.change(threshold, { target: { value: "30" } });
    expect(onChange).toHaveBeenLastCalledWith("threshold", 30);
  });

  it("names what is wrong with a number as it is typed", () => {
    renderFluent(<Host initial={initial} />);
    const threshold = screen.getByRole("spinbutton", { name: "Threshold" });
    fireEvent.change(threshold, { target: { value: "0" } });
    expect(screen.getByText("Must be at least 1; 0 is too small.")).toBeTruthy();
    expect(threshold.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(threshold, { target: { value: "2.5" } });
    expect(screen.getByText("Enter a whole number (2.5 has a fraction).")).toBeTruthy();
    fireEvent.change(threshold, { target: { value: "" } });
    expect(screen.getByText("Enter a whole number.")).toBeTruthy();
    fireEvent.change(screen.getByRole("spinbutton", { name: "Largest total of attachments (MB)" }), { target: { value: "151" } });
    expect(screen.getByText("Must be between 0.1 and 150; 151 is too large.")).toBeTruthy();
  });

  it("keeps a wrong entry in the value so the policy cannot be saved with it", () => {
    const onChange = jest.fn();
    renderFluent(<Host initial={initial} onChange={onChange} />);
    fireEvent.change(screen.getByRole("spinbutton", { name: "Threshold" }), { target: { value: "" } });
    expect(onChange).toHaveBeenLastCalledWith("threshold", "");
  });

  it("edits booleans with a switch", async () => {
    const onChange = jest.fn();
    renderFluent(<Host initial={initial} onChange={onChange} />);
    const toggle = screen.getByRole("switch", { name: "Count trusted partners as outside" });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    await userEvent.click(toggle);
    expect(onChange).toHaveBeenLastCalledWith("countTrusted", true);
    expect((toggle as HTMLInputElement).checked).toBe(true);
  });

  it("edits string lists: adds with Enter (lower-casing domains), refuses bad or duplicate entries by name, removes", async () => {
    const onChange = jest.fn();
    renderFluent(<Host initial={initial} onChange={onChange} />);
    const input = screen.getByRole("textbox", { name: "Genuine look-alike domains" });
    await userEvent.type(input, "Example.ORG{Enter}");
    expect(onChange).toHaveBeenLastCalledWith("ignoreDomains", ["partner.org", "example.org"]);
    await userEvent.type(input, "not a domain, partner.org{Enter}");
    expect(screen.getByText(/“not a domain” is not a lower-case domain name such as example\.org\. “partner\.org” is already in the list\./)).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe("not a domain");
    await userEvent.click(screen.getByRole("button", { name: "Remove partner.org" }));
    expect(onChange).toHaveBeenLastCalledWith("ignoreDomains", ["example.org"]);
    expect(within(screen.getByRole("list")).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["example.org✕"]);
  });

  it("edits a list of fixed choices with check boxes and a string with a text field", async () => {
    const onChange = jest.fn();
    renderFluent(<Host initial={initial} onChange={onChange} />);
    expect(screen.getByRole("group", { name: "Kinds of language to flag" })).toBeTruthy();
    await userEvent.click(screen.getByRole("checkbox", { name: "Threat" }));
    expect(onChange).toHaveBeenLastCalledWith("categories", ["obscene", "threat"]);
    const greeting = screen.getByRole("textbox", { name: "Greeting" });
    await userEvent.clear(greeting);
    expect(onChange).toHaveBeenLastCalledWith("greeting", "");
    expect(screen.getByText("Must not be empty.")).toBeTruthy();
  });

  it("shows the server's or the policy check's problems at the option they name", () => {
    renderFluent(<Host initial={initial} issues={[{ path: "rules.demo[1].ignoreDomains[0]", message: "expected a lower-case domain name such as example.org, got \"Partner.org\"" }]} />);
    expect(screen.getByText(/“partner\.org”: expected a lower-case domain name/)).toBeTruthy();
  });

  it("disables every control for viewers", () => {
    renderFluent(<Host initial={initial} disabled />);
    for (const el of [...screen.getAllByRole("spinbutton"), screen.getByRole("switch"), ...screen.getAllByRole("checkbox"), ...screen.getAllByRole("textbox")]) {
      expect((el as HTMLInputElement).disabled).toBe(true);
    }
    expect((screen.getByRole("button", { name: "Remove partner.org" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("renders nothing for a rule without options", () => {
    const { container } = renderFluent(<OptionsEditor schema={{ type: "object", properties: {} }} value={{}} path="rules.x[1]" onChange={() => undefined} />);
    expect(container.querySelector("input, textarea")).toBeNull();
  });

  it("numberProblem covers the limits in words", () => {
    expect(numberProblem("abc", { type: "number" })).toBe("“abc” is not a number.");
    expect(numberProblem("5", { type: "integer", maximum: 3 })).toBe("Must be at most 3; 5 is too large.");
    expect(numberProblem("3", { type: "integer", minimum: 1, maximum: 3 })).toBeNull();
  });
});
