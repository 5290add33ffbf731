import type { MessageDraft } from "../core";
import { draftFingerprint } from "../core/model/fingerprint";
import { createCallQueue, type AsyncResultLike } from "./office-async";
import { SAVED_REASON_KEY, saveReason, takeSavedReason, withSavedReason, type SessionDataLike } from "./saved-reason";
import type { UnsignedEvent } from "./event-queue";

const draft: MessageDraft = {
  to: [{ email: "ben@norcotearlyyearscentre.co.uk", name: "Ben", type: "user" }],
  cc: [],
  bcc: [],
  subject: "Trip",
  body: "The coach leaves at nine.",
  attachments: [{ name: "trip.pdf", size: 1200, isInline: false }],
  composeType: "newMail",
} as unknown as MessageDraft;

function session(): SessionDataLike & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  const ok = <T,>(cb: (r: AsyncResultLike<T>) => void, value?: T) => setTimeout(() => cb({ status: "succeeded", value: value as T }), 0);
  return {
    data,
    setAsync(name, value, cb) {
      data[name] = value;
      ok(cb);
    },
    getAsync(name, cb) {
      if (name in data) ok(cb, data[name]);
      else setTimeout(() => cb({ status: "failed", value: "", error: { code: 9057, name: "NotFound", message: "not found" } }), 0);
    },
    removeAsync(name, cb) {
      delete data[name];
      ok(cb);
    },
  };
}

const warned: UnsignedEvent = { ruleIds: ["tone"], verdict: "warn", action: "warned", client: "outlook-web", at: "2026-12-05T10:00:00.000Z" };

describe("draftFingerprint", () => {
  it("is the same for the same message and differs when recipients, subject, body or attachments change", () => {
    const base = draftFingerprint(draft);
    expect(draftFingerprint({ ...draft })).toBe(base);
    expect(draftFingerprint({ ...draft, subject: "Trip!" })).not.toBe(base);
    expect(draftFingerprint({ ...draft, body: "The coach leaves at ten." })).not.toBe(base);
    expect(draftFingerprint({ ...draft, cc: [{ email: "amy@norcotearlyyearscentre.co.uk" }] } as unknown as MessageDraft)).not.toBe(base);
    expect(draftFingerprint({ ...draft, attachments: [] })).not.toBe(base);
  });

  it("holds no message text", () => {
    expect(draftFingerprint(draft)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("saved reason", () => {
  it("is saved in the item's session data and taken (removed) once at Send", async () => {
    const s = session();
    const queue = createCallQueue();
    await saveReason(s, { reason: "Parent asked for this wording", ruleIds: ["tone"], fingerprint: draftFingerprint(draft) }, queue);
    expect(Object.keys(s.data)).toEqual([SAVED_REASON_KEY]);
    const first = await takeSavedReason(s, queue);
    expect(first).toEqual({ reason: "Parent asked for this wording", ruleIds: ["tone"], fingerprint: draftFingerprint(draft) });
    expect(s.data).toEqual({});
    expect(await takeSavedReason(s, queue)).toBeUndefined();
  });

  it("turns the Send's warning into one 'sent-anyway' event carrying only the reason, when the message is unchanged", () => {
    const saved = { reason: "Parent asked for this wording", ruleIds: ["tone"], fingerprint: draftFingerprint(draft) };
    expect(withSavedReason(warned, saved, draftFingerprint(draft))).toEqual({ ...warned, action: "sent-anyway", reason: "Parent asked for this wording" });
  });

  it("is dropped when the message changed after the reason was saved", () => {
    const saved = { reason: "Parent asked for this wording", ruleIds: ["tone"], fingerprint: draftFingerprint(draft) };
    expect(withSavedReason(warned, saved, draftFingerprint({ ...draft, subject: "Trip (updated)" }))).toEqual(warned);
  });

  it("is not attached to a Send that was not a warning", () => {
    const saved = { reason: "Parent asked for this wording", ruleIds: ["tone"], fingerprint: draftFingerprint(draft) };
    const blocked: UnsignedEvent = { ...warned, verdict: "block", action: "blocked" };
    expect(withSavedReason(blocked, saved, draftFingerprint(draft))).toEqual(blocked);
  });

  it("ignores session data that is not a saved reason", async () => {
    const s = session();
    s.data[SAVED_REASON_KEY] = "{not json";
    expect(await takeSavedReason(s, createCallQueue())).toBeUndefined();
    s.data[SAVED_REASON_KEY] = JSON.stringify({ reason: 3 });
    expect(await takeSavedReason(s, createCallQueue())).toBeUndefined();
  });
});
