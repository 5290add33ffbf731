/**
 * The policy server's security review (issue 11 items 12–16): sign-in slow-down instead of
 * account lock-out, events only from this Centre's add-in and bounded, input limits, headers
 * decided on the decoded path, file permissions, no-store, publish compare-and-set, and the
 * report's counting of warnings.
 */
import { makeApp, signIn, VIEWER, type TestApp } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.close();
});

/** The install token and salt the add-in gets with the published policy. */
async function install(app: TestApp["app"]): Promise<{ token: string; salt: string }> {
  const res = await app.inject({ method: "GET", url: "/api/policy/published" });
  const body = res.json() as Json;
  return { token: body.install?.token, salt: body.install?.salt };
}

describe("weekly report counting (item 16)", () => {
  it("counts a warning shown at Send as warned, not as a block", async () => {
    const now = new Date();
    const at = now.toISOString();
    const { token } = await install(t.app);
    const events = [
      { ruleIds: ["no-heated-tone"], verdict: "warn", action: "warned", client: "outlook-web", at, sender: "a1b2c3d4e5f6a7b8" },
      { ruleIds: ["no-heated-tone"], verdict: "warn", action: "warned", client: "outlook-web", at, sender: "a1b2c3d4e5f6a7b8" },
      { ruleIds: ["no-heated-tone"], verdict: "block", action: "blocked", client: "outlook-web", at, sender: "a1b2c3d4e5f6a7b8" },
    ];
    const res = await t.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": token ?? "" }, payload: { events } });
    expect(res.statusCode).toBe(202);
    const viewer = await signIn(t.app, VIEWER);
    const rows = ((await viewer.get("/api/reports/weekly")).json() as Json).rows as Json[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ruleId: "no-heated-tone", hits: 3, warned: 2, blocks: 1, overridden: 0 });
  });
});
