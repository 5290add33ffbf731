import { someAndMore } from "./evidence-list";

describe("someAndMore", () => {
  it("names every item when there are no more than the limit", () => {
    expect(someAndMore(["a.jpg", "b.jpg"], 3)).toBe("a.jpg, b.jpg");
    expect(someAndMore(["a.jpg", "b.jpg", "c.jpg"], 3)).toBe("a.jpg, b.jpg, c.jpg");
    expect(someAndMore([], 3)).toBe("");
  });

  it("names the first ones and counts the rest", () => {
    expect(someAndMore(["a", "b", "c", "d", "e"], 3)).toBe("a, b, c and 2 more");
    expect(someAndMore(["a", "b"], 1)).toBe("a and 1 more");
  });
});
