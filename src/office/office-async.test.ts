import { createCallQueue, officeCall, OfficeCallError, supportsMailbox, type AsyncResultLike, type Invoke } from "./office-async";

const ok = <T>(value: T): AsyncResultLike<T> => ({ status: "succeeded", value });
const failed = (code: number): AsyncResultLike<undefined> => ({ status: "failed", value: undefined, error: { code, name: "GenericResponseError", message: "Dear Mrs Smith, about Oliver" } });

function later<T>(ms: number, result: AsyncResultLike<T>): Invoke<T> {
  return (cb) => {
    setTimeout(() => cb(result), ms);
  };
}

describe("officeCall", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("resolves with the value of a Succeeded result", async () => {
    const p = officeCall("to", later(10, ok(["a"])), 100);
    await jest.advanceTimersByTimeAsync(10);
    await expect(p).resolves.toEqual(["a"]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("rejects a Failed result with its code, without the host's message", async () => {
    const p = officeCall("attachments", later(5, failed(9041)), 100);
    const assertion = expect(p).rejects.toMatchObject({ kind: "failed", code: 9041, label: "attachments" });
    await jest.advanceTimersByTimeAsync(5);
    await assertion;
    await p.catch((e: Error) => expect(e.message).not.toContain("Oliver"));
  });

  it("rejects when the call throws synchronously", async () => {
    await expect(
      officeCall("to", () => {
        throw new Error("boom");
      }),
    ).rejects.toMatchObject({ kind: "threw" });
    expect(jest.getTimerCount()).toBe(0);
  });

  it("rejects when the result cannot be read inside the callback", async () => {
    const hostile = new Proxy({}, { get: () => { throw new Error("bad host"); } }) as AsyncResultLike<string>;
    await expect(officeCall("subject", (cb) => cb(hostile))).rejects.toMatchObject({ kind: "threw" });
  });

  it("times out a call that never answers, and ignores a late answer", async () => {
    let answer: ((r: AsyncResultLike<string>) => void) | undefined;
    const p = officeCall<string>("cc", (cb) => {
      answer = cb;
    }, 300);
    const assertion = expect(p).rejects.toMatchObject({ kind: "timeout" });
    await jest.advanceTimersByTimeAsync(300);
    await assertion;
    expect(() => answer?.(ok("late"))).not.toThrow();
  });

  it("settles once when the host answers twice", async () => {
    const p = officeCall<number>("bcc", (cb) => {
      cb(ok(1));
      cb(ok(2));
    });
    await expect(p).resolves.toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("treats a missing result as a failure", async () => {
    await expect(officeCall("x", (cb) => cb(undefined as unknown as AsyncResultLike<string>))).rejects.toBeInstanceOf(OfficeCallError);
  });
});

describe("createCallQueue", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("keeps at most 3 calls in flight and runs them all", async () => {
    const queue = createCallQueue({ timeoutMs: 1000 });
    let inFlight = 0;
    let max = 0;
    const invoke = (v: number): Invoke<number> => (cb) => {
      inFlight++;
      max = Math.max(max, inFlight);
      setTimeout(() => {
        inFlight--;
        cb(ok(v));
      }, 50);
    };
    const all = Promise.all(Array.from({ length: 10 }, (_, i) => queue.run(`c${i}`, invoke(i))));
    await jest.advanceTimersByTimeAsync(200);
    await expect(all).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(max).toBe(3);
    expect(queue.maxInFlightSeen()).toBe(3);
  });

  it("starts a `front` call before the others waiting", async () => {
    const queue = createCallQueue({ maxInFlight: 1 });
    const order: string[] = [];
    const invoke = (label: string): Invoke<string> => (cb) => {
      order.push(label);
      setTimeout(() => cb(ok(label)), 1);
    };
    const p = Promise.all([queue.run("a", invoke("a")), queue.run("b", invoke("b")), queue.run("c", invoke("c"), { front: true })]);
    await jest.advanceTimersByTimeAsync(10);
    await p;
    expect(order).toEqual(["a", "c", "b"]);
  });

  it("frees the slot of a call that timed out", async () => {
    const queue = createCallQueue({ maxInFlight: 1, timeoutMs: 100 });
    const hung = queue.run("hung", () => undefined);
    const next = queue.run("next", later(1, ok("fine")));
    hung.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(101);
    await expect(hung).rejects.toMatchObject({ kind: "timeout" });
    await expect(next).resolves.toBe("fine");
  });

  it("close() abandons queued and running calls and leaves no timers", async () => {
    const queue = createCallQueue({ maxInFlight: 1, timeoutMs: 1000 });
    const running = queue.run("running", () => undefined);
    const waiting = queue.run("waiting", later(1, ok(1)));
    queue.close();
    await expect(running).rejects.toMatchObject({ kind: "cancelled" });
    await expect(waiting).rejects.toMatchObject({ kind: "cancelled" });
    await expect(queue.run("after", later(1, ok(1)))).rejects.toMatchObject({ kind: "cancelled" });
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("supportsMailbox", () => {
  it("answers from isSetSupported and treats errors and absence as unsupported", () => {
    expect(supportsMailbox({ isSetSupported: (_n, v) => v === "1.14" }, "1.14")).toBe(true);
    expect(supportsMailbox({ isSetSupported: () => false }, "1.15")).toBe(false);
    expect(supportsMailbox({ isSetSupported: () => { throw new Error("x"); } }, "1.14")).toBe(false);
    expect(supportsMailbox(undefined, "1.12")).toBe(false);
  });
});
