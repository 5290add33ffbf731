import { fromLonger, lowerCase } from "./lower-case";
import { clearTextCaches } from "./text-cache";
import { generator } from "../../../test/random";

describe("lowerCase", () => {
  afterEach(() => clearTextCaches());

  it("lower-cases the start of a longer text it has kept exactly as toLowerCase does, on 2,000 generated cuts", () => {
    const random = generator(5);
    const pieces = ["ΟΔΟΣ", "Σ", "ΣΑΣ", "ς", "Straße", "İstanbul", "ǅ", "A", "b", "É", "'", ".", " ", "\n", "\r\n", "\t", "\u00a0", "𐐀", "ΣΟ"];
    let derived = 0;
    for (let n = 0; n < 2000; n++) {
      let text = "X".repeat(1024);
      for (let k = 0; k < 12; k++) text += pieces[Math.floor(random() * pieces.length)] as string;
      const cut = 1024 + Math.floor(random() * (text.length - 1024));
      const start = text.slice(0, cut);
      clearTextCaches();
      lowerCase(text);
      if (fromLonger(text, text.toLowerCase(), start) !== undefined) derived++;
      expect([text, cut, lowerCase(start)]).toEqual([text, cut, start.toLowerCase()]);
    }
    expect(derived).toBeGreaterThan(100);
  });

  it("cuts a final sigma's lower case only where a space or line break follows", () => {
    const text = `${"A".repeat(1024)} ΟΔΟΣ ΟΔΟΣΟ`;
    const lower = text.toLowerCase();
    expect(fromLonger(text, lower, text.slice(0, -6))).toBe(`${"a".repeat(1024)} οδος`);
    expect(fromLonger(text, lower, text.slice(0, -1))).toBeUndefined();
    expect(fromLonger(`${text}İ `, `${text}İ `.toLowerCase(), text)).toBeUndefined();
    expect(fromLonger(text, lower, `${"B".repeat(1024)} `)).toBeUndefined();
  });
});
