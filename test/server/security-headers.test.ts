/**
 * Security headers are worked out once when the server starts, not per request (issue 11 item
 * 15: no per-request header building): helmet's middleware — which serialises the CSP — is
 * built at start-up only, and every page still gets the headers it needs.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { makeApp, type TestApp } from "./helpers";

jest.mock("helmet", () => {
  const actual = jest.requireActual("helmet");
  const real = (actual.default ?? actual) as (...args: unknown[]) => unknown;
  const counted = jest.fn((...args: unknown[]) => real(...args));
  return Object.assign(counted, actual, { __esModule: true, default: counted });
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocked module, to count its calls
const helmetMock = require("helmet").default as jest.Mock;

let t: TestApp;
let dist: string;
beforeEach(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "eg-headers-"));
  fs.writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html><title>Task pane</title>");
  t = await makeApp({ overrides: { distDir: dist } });
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

it("builds helmet's headers at start-up only, not for each request", async () => {
  const atStart = helmetMock.mock.calls.length;
  expect(atStart).toBeGreaterThan(0);
  const answers = [];
  for (let i = 0; i < 3; i++) {
    answers.push(await t.app.inject({ method: "GET", url: "/taskpane.html" }));
    answers.push(await t.app.inject({ method: "GET", url: "/api/health" }));
    answers.push(await t.app.inject({ method: "GET", url: "/api/policy/published" }));
    answers.push(await t.app.inject({ method: "GET", url: "/no-such-page" }));
  }
  expect(helmetMock.mock.calls.length).toBe(atStart);
  const page = answers[0];
  expect(page?.statusCode).toBe(200);
  expect(String(page?.headers["content-security-policy"])).toContain("frame-ancestors 'self' https://outlook.office.com");
  expect(page?.headers["x-content-type-options"]).toBe("nosniff");
  const missing = answers[3];
  expect(missing?.statusCode).toBe(404);
  expect(missing?.headers["x-content-type-options"]).toBe("nosniff");
  expect(String(answers[1]?.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
});
