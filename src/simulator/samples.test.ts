/** @jest-environment node */
/**
 * The simulator offers every sample in samples/, and each one loads as a draft.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { SAMPLES, sampleDraft } from "./samples";

const SAMPLE_DIR = join(__dirname, "..", "..", "samples");

describe("simulator samples", () => {
  it("lists every file in samples/ once", () => {
    const files = readdirSync(SAMPLE_DIR).filter((name) => !name.startsWith(".")).sort();
    const listed = Object.values(SAMPLES).map((s) => s.file).sort();
    expect(listed).toEqual(files);
  });

  it("names each sample after its file", () => {
    for (const [name, source] of Object.entries(SAMPLES)) expect(source.file.replace(/\.(json|eml)$/, "")).toBe(name);
  });

  it("includes the .eml samples and the virus-hoax warning, and reads an .eml sample into a draft", async () => {
    expect(Object.keys(SAMPLES)).toEqual(expect.arrayContaining(["heated-reply", "chain-letter", "hoax-virus-warning"]));
    const draft = await sampleDraft(SAMPLES["heated-reply"]!);
    expect(typeof draft.subject).toBe("string");
    expect((draft.to ?? []).length).toBeGreaterThan(0);
  });
});
