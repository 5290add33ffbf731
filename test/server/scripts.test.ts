/**
 * The real-Outlook commands (issue 12 item 1), as far as Linux allows: the npm scripts resolve
 * to files that exist, Linux gets a plain "not available, use the simulator", and on Windows
 * and Mac the pinned office-addin-debugging is handed the manifest built for the chosen origin.
 */
import fs from "fs";
import os from "os";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const debug = require("../../scripts/office-debug.js") as {
  DEBUGGING_PACKAGE: string;
  plan(argv: string[], context?: { platform?: string; distDir?: string; dataDir?: string }): { kind: string; message?: string; command?: string; args?: string[]; manifest?: string };
};
const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;

describe("npm scripts", () => {
  it("has the real-Outlook and certificate commands", () => {
    for (const name of ["start:desktop", "stop:desktop", "start:web", "certs:install", "certs:uninstall"]) expect(scripts[name]).toMatch(/node scripts\/office-debug\.js /);
  });

  it("points every `node <file>` at a file that exists", () => {
    const files = Object.values(scripts).flatMap((s) => [...s.matchAll(/\bnode ([\w./-]+\.js)/g)].map((m) => m[1] as string));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
  });

  it("does not install office-addin-debugging (keytar does not build on Linux); it runs it pinned with npx", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect({ ...pkg.dependencies, ...pkg.devDependencies }["office-addin-debugging"]).toBeUndefined();
    expect(debug.DEBUGGING_PACKAGE).toMatch(/^office-addin-debugging@\d+\.\d+\.\d+$/);
  });
});

describe("scripts/office-debug.js", () => {
  let dir: string;
  let dist: string;
  const MANIFEST = '<OfficeApp><Version>1.0.9.0</Version><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></OfficeApp>';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-debug-"));
    dist = path.join(dir, "dist");
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, "manifest.xml"), MANIFEST);
    fs.writeFileSync(path.join(dist, "build-info.json"), JSON.stringify({ origin: "https://localhost:3000", version: "1.0.9.0" }));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const ctx = (platform: string): { platform: string; distDir: string; dataDir: string } => ({ platform, distDir: dist, dataDir: path.join(dir, "data") });

  it.each(["start desktop", "stop desktop", "start web --document https://outlook.office.com/mail/"])("on Linux, `%s` says Outlook desktop is not available and points to the simulator", (args) => {
    const step = debug.plan(args.split(" "), ctx("linux"));
    expect(step.kind).toBe("unavailable");
    expect(step.message).toMatch(/^Outlook desktop is not available on Linux/);
    expect(step.message).toContain("https://localhost:3000/simulator.html");
  });

  it("on Windows, hands the built manifest to the pinned office-addin-debugging with the server as dev server", () => {
    const step = debug.plan(["start", "desktop"], ctx("win32"));
    expect(step).toMatchObject({ kind: "run", command: "npx.cmd", manifest: path.join(dist, "manifest.xml") });
    expect(step.args).toEqual(["--yes", debug.DEBUGGING_PACKAGE, "start", path.join(dist, "manifest.xml"), "desktop", "--app", "outlook", "--dev-server", "node scripts/start.js --port 3000 --no-build", "--dev-server-port", "3000"]);
  });

  it("on a Mac with --port 3443, hands over a manifest for https://localhost:3443", () => {
    const step = debug.plan(["start", "desktop", "--port", "3443"], ctx("darwin"));
    expect(step.manifest).toBe(path.join(dir, "data", "manifest.xml"));
    const handed = fs.readFileSync(step.manifest as string, "utf8");
    expect(handed).toBe(MANIFEST.replace("https://localhost:3000/", "https://localhost:3443/"));
    expect(step.args).toContain("--dev-server-port");
    expect(step.args?.[step.args.indexOf("--dev-server-port") + 1]).toBe("3443");
  });

  it("start:web passes the mailbox URL and needs one", () => {
    const step = debug.plan(["start", "web", "--document", "https://outlook.office.com/mail/"], ctx("win32"));
    expect(step.args?.slice(4, 5)).toEqual(["web"]);
    expect(step.args?.slice(-2)).toEqual(["--document", "https://outlook.office.com/mail/"]);
    expect(debug.plan(["start", "web"], ctx("win32"))).toMatchObject({ kind: "usage", message: expect.stringContaining("--document") });
  });

  it("stop:desktop stops with the same manifest", () => {
    expect(debug.plan(["stop", "desktop"], ctx("win32")).args).toEqual(["--yes", debug.DEBUGGING_PACKAGE, "stop", path.join(dist, "manifest.xml")]);
  });

  it("says what to do when nothing is built yet", () => {
    fs.rmSync(path.join(dist, "manifest.xml"));
    expect(() => debug.plan(["start", "desktop"], ctx("win32"))).toThrow(/manifest\.xml is missing: run `npm run build`/);
  });

  it("certs:install and certs:uninstall run the installed office-addin-dev-certs", () => {
    for (const action of ["install", "uninstall"]) {
      const step = debug.plan(["certs", action]);
      expect(step.command).toBe(process.execPath);
      expect(fs.existsSync(step.args?.[0] as string)).toBe(true);
      expect(step.args?.[0]).toMatch(/office-addin-dev-certs[\\/]cli\.js$/);
      expect(step.args?.[1]).toBe(action);
    }
  });
});

describe("documentation a clone has (issue 11 item 19)", () => {
  const docs = ["README.md", "docs/cli.md", "docs/message-draft.md", "docs/policy-json.md", "docs/deploy.md", "docs/server.md"];

  it.each(docs)("%s links only files in the repository", (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    expect(text).not.toMatch(/\.\.\/shared\//);
    const links = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1] as string).filter((l) => !/^[a-z]+:/.test(l));
    for (const link of links) expect([link, fs.existsSync(path.join(ROOT, path.dirname(file), link))]).toEqual([link, true]);
  });

  it("describes the MessageDraft, policy and CLI contracts field by field", () => {
    const draft = fs.readFileSync(path.join(ROOT, "docs/message-draft.md"), "utf8");
    for (const field of ["from", "sender", "to", "cc", "bcc", "subject", "body", "bodyHtml", "attachments", "composeType"]) expect(draft).toContain(`\`${field}\``);
    const policy = fs.readFileSync(path.join(ROOT, "docs/policy-json.md"), "utf8");
    for (const word of ["onError", "monitor", "internalDomains", "disclaimer"]) expect(policy).toContain(word);
    const cli = fs.readFileSync(path.join(ROOT, "docs/cli.md"), "utf8");
    for (const word of ['"verdict": "error"', "admin backup", "admin restore", "--help", "Exit status"]) expect(cli).toContain(word);
  });

  it("README documents --port and --data and keeps the two commands first", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toMatch(/^# Etiquette Guard\n\n```sh\nnpm ci && npm start[^\n]*\nnpm test[^\n]*\n```/);
    expect(readme).toContain("npm start -- --port 3443");
    expect(readme).toContain("npm start -- --data");
    expect(readme).toContain("docs/deploy.md");
  });
});
