import { SEVERITIES } from "../policy/policy";
import { SEVERITY_ORDER, SEVERITY_RANK } from "./severity";

describe("severity", () => {
  it("ranks off < monitor < warn < block, in the order the policy lists them", () => {
    expect(SEVERITY_ORDER).toEqual(["off", "monitor", "warn", "block"]);
    expect(SEVERITY_ORDER.map((s) => SEVERITY_RANK[s])).toEqual([0, 1, 2, 3]);
    expect(SEVERITIES).toBe(SEVERITY_ORDER);
  });
});
