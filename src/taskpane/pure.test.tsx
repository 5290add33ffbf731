/** The task pane's pure helpers: contextData parsing, Office theme mapping, fix wording, the event queue, flagged words, the warm-up. */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createMemoryEventSink } from "./event-sink";
import { canApply, delayExplanation, formatTime, manualFix } from "./fix-text";
import { flaggedWords, showWords } from "./flagged-words";
import { parseInitContext } from "./init-context";
import { classifyTheme, fluentTheme } from "./theme";
import { warmUpEngine } from "./warm-up";
import { ALL_CAPABILITIES } from "../../test/ui/fake-services";

describe("parseInitContext", () => {
  it("reads the on-send handler's contextData", () => {
    expect(parseInitContext(JSON.stringify({ source: "etiquette-guard", verdict: "block", findingIds: ["bcc-for-bulk-mail#1", "disclaimer#1"] }))).toEqual({
      ruleIds: ["bcc-for-bulk-mail", "disclaimer"],
      verdict: "block",
    });
  });
  it("accepts other obvious shapes", () => {
    expect(parseInitContext(JSON.stringify(["no-chain-mail#2"]))?.ruleIds).toEqual(["no-chain-mail"]);
    expect(parseInitContext(JSON.stringify({ rule: "no-heated-tone" }))?.ruleIds).toEqual(["no-heated-tone"]);
    expect(parseInitContext(JSON.stringify(JSON.stringify({ ruleIds: ["disclaimer"] })))?.ruleIds).toEqual(["disclaimer"]);
  });
  it("ignores empty, broken and hostile input", () => {
    expect(parseInitContext("")).toBeNull();
    expect(parseInitContext(null)).toBeNull();
    expect(parseInitContext("{not json")).toBeNull();
    expect(parseInitContext(JSON.stringify({ ruleIds: ["<img src=x>", 42] }))).toEqual({ ruleIds: [] });
  });
});

describe("classifyTheme", () => {
  it("maps Office's colours to light, dark and high contrast", () => {
    expect(classifyTheme({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626" })).toBe("light");
    expect(classifyTheme({ bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF" })).toBe("dark");
    expect(classifyTheme({ bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" })).toBe("highContrast");
    expect(classifyTheme({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" }, true)).toBe("highContrast");
    expect(classifyTheme(undefined)).toBe("light");
    expect(classifyTheme({ bodyBackgroundColor: "not a colour" })).toBe("light");
  });
  it("picks the Fluent theme", () => {
    expect(fluentTheme("light")).toBe(webLightTheme);
    expect(fluentTheme("dark")).toBe(webDarkTheme);
    expect(fluentTheme("highContrast")).toBe(teamsHighContrastTheme);
  });
});

describe("fix wording", () => {
  it("knows which fixes a client supports", () => {
    expect(canApply("delay-send", { ...ALL_CAPABILITIES, delaySend: false })).toBe(false);
    expect(canApply("move-to-bcc", ALL_CAPABILITIES)).toBe(true);
  });
  it("explains delayed delivery per client", () => {
    expect(delayExplanation("classic")).toMatch(/Sent Items/);
    expect(delayExplanation("web")).toMatch(/Drafts/);
    expect(delayExplanation("unknown")).toMatch(/classic Outlook for Windows/);
    expect(manualFix("insert-disclaimer")).toMatch(/Paste/);
    expect(formatTime(new Date(2026, 0, 1, 7, 5))).toBe("07:05");
  });
});

describe("memory event sink", () => {
  it("keeps events until drained and never shares arrays with the caller", () => {
    const sink = createMemoryEventSink();
    const ruleIds = ["no-chain-mail"];
    sink.enqueue({ kind: "sent-with-reason", ruleIds, reason: "Asked by SMT", at: "2026-05-14T09:00:00.000Z" });
    ruleIds.push("changed");
    expect(sink.pending()).toEqual([{ kind: "sent-with-reason", ruleIds: ["no-chain-mail"], reason: "Asked by SMT", at: "2026-05-14T09:00:00.000Z" }]);
    expect(sink.drain()).toHaveLength(1);
    expect(sink.pending()).toHaveLength(0);
    const words = ["virus"];
    sink.enqueue({ kind: "false-positive", ruleId: "no-chain-mail", verdict: "warn", words, at: "2026-05-14T09:00:00.000Z" });
    words.push("changed");
    expect(sink.pending()).toEqual([{ kind: "false-positive", ruleId: "no-chain-mail", verdict: "warn", words: ["virus"], at: "2026-05-14T09:00:00.000Z" }]);
  });
});

describe("flaggedWords", () => {
  it("takes the quoted phrases of the evidence, or the evidence itself", () => {
    expect(flaggedWords("“virus”, “this is not a hoax”")).toEqual(["virus", "this is not a hoax"]);
    expect(flaggedWords("“please find” in the message")).toEqual(["please find"]);
    expect(flaggedWords("s•••")).toEqual(["s•••"]);
    expect(showWords(["virus", "this is not a hoax"])).toBe("“virus”, “this is not a hoax”");
  });

  it("offers nothing that the server would refuse or that names an address", () => {
    expect(flaggedWords("")).toEqual([]);
    expect(flaggedWords("3 outside addresses in To/Cc: p•••@gmail.com, q•••@yahoo.co.uk")).toEqual([]);
    expect(flaggedWords(`“${"a".repeat(65)}”, “ok”, “ok”, “p•••@gmail.com”`)).toEqual(["ok"]);
    expect(flaggedWords(Array.from({ length: 12 }, (_, i) => `“w${i}”`).join(", "))).toHaveLength(10);
  });
});

describe("warmUpEngine", () => {
  it("runs one throw-away check without throwing", () => {
    expect(() => warmUpEngine()).not.toThrow();
    expect(warmUpEngine()).toBe(true);
  });
});
