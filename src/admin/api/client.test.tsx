/** The API client over a fake fetch: CSRF token, conflicts, plain-words failures, session end. */
import { ApiError, DraftConflict, NETWORK_MESSAGE, TIMEOUT_MESSAGE, createApiClient } from "./client";
import { createFakeServer } from "../test-support/fake-server";

const EDITOR = { email: "head@centre.example", password: "correct horse battery" };

describe("admin API client", () => {
  it("signs in, then sends the session's CSRF token on every state-changing request and not on reads", async () => {
    const server = createFakeServer();
    const api = createApiClient({ fetch: server.fetch });
    const login = await api.login(EDITOR.email, EDITOR.password);
    expect(login.user.role).toBe("editor");
    const draft = await api.draft();
    await api.saveDraft(draft.policy, draft.revision);
    await api.publish(draft.revision + 1, "Because");
    const loginRequest = server.requests.find((r) => r.path === "/api/session/login");
    expect(loginRequest?.headers["x-csrf-token"]).toBeUndefined();
    expect(server.requests.find((r) => r.path === "/api/policy/draft" && r.method === "GET")?.headers["x-csrf-token"]).toBeUndefined();
    for (const r of server.requests.filter((x) => x.method !== "GET" && x.path !== "/api/session/login")) expect(r.headers["x-csrf-token"]).toBe("csrf-token-1");
    expect(server.versions[0]?.note).toBe("Because");
  });

  it("fetches the CSRF token first when the session was already open (page reload)", async () => {
    const server = createFakeServer({ signedInAs: "head@centre.example" });
    const api = createApiClient({ fetch: server.fetch });
    await api.me();
    const draft = await api.draft();
    const saved = await api.saveDraft(draft.policy, draft.revision);
    expect(saved.revision).toBe(2);
    const paths = server.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.indexOf("GET /api/session/csrf")).toBeLessThan(paths.indexOf("PUT /api/policy/draft"));
  });

  it("refreshes a stale CSRF token once and retries", async () => {
    const server = createFakeServer();
    const api = createApiClient({ fetch: server.fetch });
    await api.login(EDITOR.email, EDITOR.password);
    server.csrfToken = "rotated";
    const draft = await api.draft();
    await expect(api.saveDraft(draft.policy, draft.revision)).resolves.toMatchObject({ revision: 2 });
    const puts = server.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.headers["x-csrf-token"])).toEqual(["csrf-token-1", "rotated"]);
  });

  it("turns a 409 on save into a DraftConflict carrying the server's current draft", async () => {
    const server = createFakeServer();
    const api = createApiClient({ fetch: server.fetch });
    await api.login(EDITOR.email, EDITOR.password);
    const draft = await api.draft();
    server.saveAsOther({ version: 1, rules: { "no-chain-mail": "block" } });
    const error = await api.saveDraft(draft.policy, draft.revision).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftConflict);
    expect((error as DraftConflict).current).toMatchObject({ revision: 2, updatedBy: "business.manager@centre.example", policy: { rules: { "no-chain-mail": "block" } } });
  });

  it("names a network failure and a timeout in plain words", async () => {
    const server = createFakeServer({ signedInAs: "head@centre.example" });
    server.fail(/GET \/api\/rules/, "network");
    const api = createApiClient({ fetch: server.fetch });
    const network = await api.rules().catch((e: unknown) => e);
    expect(network).toBeInstanceOf(ApiError);
    expect(network).toMatchObject({ kind: "network", message: NETWORK_MESSAGE });

    const hanging = createApiClient({
      timeoutMs: 10,
      fetch: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted")))),
    });
    await expect(hanging.rules()).rejects.toMatchObject({ kind: "timeout", message: TIMEOUT_MESSAGE });
  });

  it("returns validation issues with their paths, and explains server errors", async () => {
    const server = createFakeServer();
    const api = createApiClient({ fetch: server.fetch });
    await api.login(EDITOR.email, EDITOR.password);
    server.fail(/POST \/api\/policy\/validate/, 422, { error: "The policy is not valid.", issues: [{ path: "rules.audience-size[1].threshold", message: "expected a positive integer, got 0" }] });
    await expect(api.validate({})).resolves.toEqual([{ path: "rules.audience-size[1].threshold", message: "expected a positive integer, got 0" }]);
    server.fail(/GET \/api\/audit/, 500);
    await expect(api.audit(10)).rejects.toThrow("The server had a problem (error 500)");
    await expect(api.login(EDITOR.email, "wrong password!")).rejects.toThrow("Wrong e-mail address or password.");
  });

  it("tells its listener once when the session ends", async () => {
    const server = createFakeServer();
    const api = createApiClient({ fetch: server.fetch });
    const ended = jest.fn();
    api.onSessionEnded(ended);
    await api.login(EDITOR.email, EDITOR.password);
    server.expireSession();
    await expect(api.draft()).rejects.toMatchObject({ status: 401 });
    await expect(api.rules()).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it("posts an .eml as message/rfc822 text and a typed message as JSON", async () => {
    const calls: Array<{ type: string | undefined; body: unknown }> = [];
    const api = createApiClient({
      fetch: async (url, init) => {
        const headers = (init?.headers ?? {}) as Record<string, string>;
        if (url === "/api/session/csrf") return { ok: true, status: 200, text: async () => JSON.stringify({ csrfToken: "t" }) } as unknown as Response;
        calls.push({ type: headers["Content-Type"], body: init?.body });
        return { ok: true, status: 200, text: async () => JSON.stringify({ draftRevision: 1, report: { verdict: "send", findings: [], rulesRun: [] } }) } as unknown as Response;
      },
    });
    await api.tryMessage("Subject: hi\r\n\r\nbody");
    await api.tryMessage({ to: ["a@b.org"], cc: [], bcc: [], subject: "s", body: "b" });
    expect(calls).toEqual([
      { type: "message/rfc822", body: "Subject: hi\r\n\r\nbody" },
      { type: "application/json", body: JSON.stringify({ to: ["a@b.org"], cc: [], bcc: [], subject: "s", body: "b" }) },
    ]);
  });
});
