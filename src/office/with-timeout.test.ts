import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { withTimeout } from "./with-timeout";

describe("withTimeout", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("settles as the work does within the limit, and clears its timer", async () => {
    await expect(withTimeout(Promise.resolve("policy"), 100)).resolves.toBe("policy");
    await expect(withTimeout(Promise.reject(new Error("offline")), 100)).rejects.toThrow("offline");
    expect(jest.getTimerCount()).toBe(0);
  });

  it("rejects with the limit in the message and calls onTimeout once when the work is too slow", async () => {
    let aborted = 0;
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve("late"), 1000));
    const p = withTimeout(slow, 100, () => aborted++);
    const seen = expect(p).rejects.toThrow("timed out after 100 ms");
    await jest.advanceTimersByTimeAsync(100);
    await seen;
    expect(aborted).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(aborted).toBe(1);
  });

  it("does not call onTimeout when the work finishes in time", async () => {
    let aborted = 0;
    const quick = new Promise<string>((resolve) => setTimeout(() => resolve("ok"), 50));
    const p = withTimeout(quick, 100, () => aborted++);
    await jest.advanceTimersByTimeAsync(200);
    await expect(p).resolves.toBe("ok");
    expect(aborted).toBe(0);
  });

  it("rejects with the caller's own error at the limit, and ignores a late answer", async () => {
    class CallTimedOut extends Error {}
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve("late"), 1000));
    const p = withTimeout(slow, 100, undefined, () => new CallTimedOut("body.getAsync: timeout"));
    const seen = expect(p).rejects.toEqual(new CallTimedOut("body.getAsync: timeout"));
    await jest.advanceTimersByTimeAsync(100);
    await seen;
    await jest.advanceTimersByTimeAsync(1000);
    await expect(p).rejects.toBeInstanceOf(CallTimedOut);
  });
});

describe("one timeout helper", () => {
  it("is the only timer in the add-in's Office layer and on-send handler, besides the handler's watchdog", () => {
    const timers: string[] = [];
    for (const dir of ["src/office", "src/launchevent"]) {
      for (const file of readdirSync(join(__dirname, "../..", dir))) {
        if (!/\.ts$/.test(file) || /\.test\.ts$/.test(file)) continue;
        const text = readFileSync(join(__dirname, "../..", dir, file), "utf8");
        const count = (text.match(/\bsetTimeout\(/g) ?? []).length;
        if (count > 0) timers.push(`${dir}/${file}: ${count}`);
      }
    }
    expect(timers.sort()).toEqual(["src/launchevent/handler.ts: 1", "src/office/with-timeout.ts: 1"]);
  });
});
