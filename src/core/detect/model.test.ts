import { clearModelMemo, detect, detectOne, LABELS } from "./model";
import * as features from "./features";
import { featuresOf, MAX_MODEL_CHARS } from "./features";

describe("detection model", () => {
  it("gives a probability between 0 and 1 for each head", () => {
    const d = detect("Please find the rota for next week attached.");
    for (const label of LABELS) {
      expect(d[label].probability).toBeGreaterThanOrEqual(0);
      expect(d[label].probability).toBeLessThanOrEqual(1);
    }
  });

  it("quotes evidence exactly as written, never lower-cased", () => {
    const text = "This is STUPID and you are an IDIOT, I am sick and tired of it!!!";
    const d = detect(text);
    for (const label of LABELS) for (const e of d[label].evidence) expect(text).toContain(e);
    expect(d.heated.evidence.length).toBeGreaterThan(0);
  });

  it("rates a hostile note above an ordinary one on the heated head", () => {
    const calm = detect("Thanks for sending the menu, I will print it for the kitchen.").heated.probability;
    const hot = detect("This is ridiculous. Stop wasting my time with this crap, fix it now!!!").heated.probability;
    expect(hot).toBeGreaterThan(calm);
  });

  it("reads at most MAX_MODEL_CHARS of a long text", () => {
    const long = "word ".repeat(MAX_MODEL_CHARS);
    const last = Math.max(...featuresOf(long).map((f) => f.end));
    expect(last).toBeLessThanOrEqual(MAX_MODEL_CHARS);
  });

  it("judges one head alone exactly as detect does", () => {
    const text = "FW: Please pray for little Amy and pass it on. Why does nobody ever listen?!";
    const all = detect(text);
    for (const label of LABELS) expect(detectOne(text, label)).toEqual(all[label]);
  });

  it("works out a text's features once for every head asked in the same check", () => {
    const spy = jest.spyOn(features, "featuresOf");
    try {
      clearModelMemo();
      const text = "Honestly, is it too much to ask that someone empties the dishwasher for once??";
      const heated = detectOne(text, "heated");
      detectOne(text, "chain");
      expect(spy).toHaveBeenCalledTimes(1);
      detectOne(`${text} Thanks.`, "heated");
      expect(spy).toHaveBeenCalledTimes(2);
      clearModelMemo();
      expect(detectOne(text, "heated")).toEqual(heated);
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
      clearModelMemo();
    }
  });
});
