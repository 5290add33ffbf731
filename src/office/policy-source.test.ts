import { defaultPolicy, normalizePolicy, rules, type NormalizedPolicy } from "../core";
import { compiledPolicySource, loadPolicy, type PolicySource } from "./policy-source";

const published = normalizePolicy({ version: 1, onError: "block" }, rules);

function source(load: PolicySource["load"]): PolicySource {
  return { name: "published", load };
}

describe("loadPolicy", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("uses the compiled-in Centre policy by default", async () => {
    await expect(loadPolicy(compiledPolicySource)).resolves.toEqual({ policy: defaultPolicy(), from: "compiled-in", fellBack: false });
  });

  it("uses a source that answers within the budget", async () => {
    const p = loadPolicy(source(() => new Promise((r) => setTimeout(() => r(published), 100))), 500);
    await jest.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toMatchObject({ from: "published", fellBack: false, policy: { onError: "block" } });
    expect(jest.getTimerCount()).toBe(0);
  });

  it("falls back when the source is too slow, and ignores its late answer", async () => {
    let fallbackLoads = 0;
    const fallback: PolicySource = {
      name: "compiled-in",
      load: () => {
        fallbackLoads++;
        return Promise.resolve(defaultPolicy());
      },
    };
    const late = (answer: "resolve" | "reject") =>
      source(() => new Promise<NormalizedPolicy>((resolve, reject) => setTimeout(() => (answer === "resolve" ? resolve(published) : reject(new Error("late"))), 5000)));
    const answered: unknown[] = [];
    const p = loadPolicy(late("resolve"), 500, fallback);
    void p.then((loaded) => answered.push(loaded.from));
    const q = loadPolicy(late("reject"), 500, fallback);
    await jest.advanceTimersByTimeAsync(500);
    await expect(p).resolves.toMatchObject({ from: "compiled-in", fellBack: true, policy: { onError: "warn" } });
    await expect(q).resolves.toMatchObject({ from: "compiled-in", fellBack: true });
    expect(fallbackLoads).toBe(2);
    // The late answers arrive: nothing changes, the fallback is not loaded again.
    await jest.advanceTimersByTimeAsync(5000);
    expect(answered).toEqual(["compiled-in"]);
    expect(fallbackLoads).toBe(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("falls back when the source rejects or throws", async () => {
    await expect(loadPolicy(source(() => Promise.reject(new Error("offline"))), 500)).resolves.toMatchObject({ fellBack: true });
    await expect(
      loadPolicy(
        source(() => {
          throw new Error("bad");
        }),
        500,
      ),
    ).resolves.toMatchObject({ fellBack: true });
    expect(jest.getTimerCount()).toBe(0);
  });
});
