/**
 * The container files, checked the way hadolint would (Docker is not available on the test
 * machine, so the image is not built here): a multi-stage build with a pinned base image, the
 * build tools only in the build stage, apt lists cleaned, no ADD of URLs, files copied with
 * --chown, a non-root user, a health check, the data on a volume, a port, and the EG_*
 * settings the server reads. compose.yaml puts Caddy in front with a real certificate.
 */
import fs from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
const read = (name: string): string => fs.readFileSync(path.join(ROOT, name), "utf8");

type Instruction = { op: string; args: string; line: number };

/** Dockerfile instructions, with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    const start = i + 1;
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith("\\") && i + 1 < lines.length) line = line.slice(0, -1) + " " + (lines[++i] as string).trim();
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (m) out.push({ op: (m[1] as string).toUpperCase(), args: (m[2] as string).trim(), line: start });
  }
  return out;
}

/** The problems hadolint-style rules find; empty when the file is fine. */
function lintDockerfile(text: string): string[] {
  const ins = instructions(text);
  const problems: string[] = [];
  const args = new Map<string, string>();
  for (const i of ins.filter((x) => x.op === "ARG")) {
    const [k, v] = i.args.split("=");
    if (v !== undefined) args.set(k as string, v);
  }
  const froms = ins.filter((i) => i.op === "FROM");
  if (froms.length < 2) problems.push("not a multi-stage build");
  for (const f of froms) {
    const image = (f.args.split(/\s+/)[0] as string).replace(/^\$\{(\w+)\}$/, (_, k: string) => args.get(k) ?? "");
    if (!/^[\w./-]+:(?!latest$)[\w.-]+(@sha256:[0-9a-f]{64})?$/.test(image)) problems.push(`DL3006/DL3007 line ${f.line}: base image not pinned to a version tag (${image || f.args})`);
  }
  const finalStage = ins.slice(ins.indexOf(froms[froms.length - 1] as Instruction));
  const users = finalStage.filter((i) => i.op === "USER");
  if (users.length === 0 || /^(root|0)(:|$)/.test((users[users.length - 1] as Instruction).args)) problems.push("DL3002: the final stage runs as root");
  for (const i of ins) {
    if (i.op === "ADD" && /https?:\/\//.test(i.args)) problems.push(`DL3020 line ${i.line}: ADD of a URL`);
    if (i.op === "ADD") problems.push(`DL3020 line ${i.line}: use COPY instead of ADD`);
    if (i.op === "RUN" && /apt-get install/.test(i.args)) {
      if (!/--no-install-recommends/.test(i.args)) problems.push(`DL3015 line ${i.line}: apt-get install without --no-install-recommends`);
      if (!/rm -rf \/var\/lib\/apt\/lists/.test(i.args)) problems.push(`DL3009 line ${i.line}: apt lists not cleaned`);
      if (!/apt-get update/.test(i.args)) problems.push(`DL3009 line ${i.line}: apt-get install without update in the same RUN`);
    }
    if (i.op === "RUN" && /\bsudo\b/.test(i.args)) problems.push(`DL3004 line ${i.line}: sudo`);
    if (i.op === "RUN" && /\bcd\s/.test(i.args)) problems.push(`DL3003 line ${i.line}: use WORKDIR instead of cd`);
    if (i.op === "CMD" && !i.args.startsWith("[")) problems.push(`DL3025 line ${i.line}: CMD not in JSON form`);
  }
  for (const i of finalStage.filter((x) => x.op === "COPY")) if (!/--chown=/.test(i.args)) problems.push(`line ${i.line}: COPY into the final stage without --chown`);
  if (/apt-get install[^\n]*(g\+\+|make|python3)/.test(finalStage.map((i) => `${i.op} ${i.args}`).join("\n"))) problems.push("build tools installed in the final stage");
  for (const op of ["HEALTHCHECK", "VOLUME", "EXPOSE", "WORKDIR"]) if (!finalStage.some((i) => i.op === op)) problems.push(`no ${op} in the final stage`);
  return problems;
}

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("passes the hadolint-style checks", () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  it.each([
    ["an unpinned base image", (t: string) => t.replace(/ARG NODE_IMAGE=\S+/, "ARG NODE_IMAGE=node:latest"), /not pinned/],
    ["running as root", (t: string) => t.replace(/^USER node$/m, ""), /DL3002/],
    ["no health check", (t: string) => t.replace(/^HEALTHCHECK[\s\S]*?\n(?=CMD)/m, ""), /no HEALTHCHECK/],
    ["apt lists left behind", (t: string) => t.replace(" \\\n && rm -rf /var/lib/apt/lists/*", ""), /DL3009/],
    ["an ADD of a URL", (t: string) => t.replace("WORKDIR /app\nCOPY package.json", "WORKDIR /app\nADD https://example.org/x.tgz /tmp/\nCOPY package.json"), /DL3020/],
    ["a COPY without --chown", (t: string) => t.replace("COPY --from=build --chown=node:node /app/lib", "COPY --from=build /app/lib"), /without --chown/],
    ["no volume", (t: string) => t.replace(/^VOLUME .*$/m, ""), /no VOLUME/],
    ["no port", (t: string) => t.replace(/^EXPOSE .*$/m, ""), /no EXPOSE/],
  ])("the checks catch %s", (_name, breakIt, problem) => {
    const broken = breakIt(dockerfile);
    expect(broken).not.toBe(dockerfile);
    expect(lintDockerfile(broken).join("\n")).toMatch(problem);
  });

  it("is configured by the EG_* settings the server reads, data on /data", () => {
    const config = read("src/server/config.ts");
    const set = [...dockerfile.matchAll(/\b(EG_[A-Z_]+)=/g)].map((m) => m[1] as string);
    expect(set).toEqual(expect.arrayContaining(["EG_DATA_DIR", "EG_HOST", "EG_PORT", "EG_HTTP", "EG_TRUST_PROXY"]));
    for (const name of set) expect(config).toContain(`"${name}"`);
    expect(dockerfile).toMatch(/EG_DATA_DIR=\/data\b/);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(dockerfile).toMatch(/\/healthz/);
    expect(read("src/server/app.ts")).toContain('app.get("/healthz"');
  });

  it("builds in a stage with the tools better-sqlite3 needs and starts the built server", () => {
    expect(dockerfile).toMatch(/FROM \$\{NODE_IMAGE\} AS build\nRUN apt-get update[^\n]*\n[^\n]*python3 make g\+\+/);
    expect(dockerfile).toMatch(/CMD \["node", "lib\/server\/main\.js", "--production"\]/);
    expect(JSON.parse(read("package.json")).engines.node).toBe(">=20.19.0");
    expect(dockerfile).toMatch(/node:20\.19\.\d+-bookworm-slim/);
  });

  it("leaves the local data, builds, keys and git history out of the build context", () => {
    const ignored = read(".dockerignore").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", "dist", "lib", "data", ".git", "*.pem"]));
  });
});

describe("compose.yaml", () => {
  const compose = read("compose.yaml");
  const caddyfile = read("deploy/Caddyfile");

  it("puts Caddy (automatic certificates) in front of the server, which is not published directly", () => {
    expect(compose).toMatch(/image: caddy:\d+\.\d+\.\d+-alpine/);
    expect(compose).toContain('- "443:443"');
    expect(compose).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
    const server = /etiquette-guard:\n([\s\S]*?)\n\n/.exec(compose)?.[1] ?? "";
    expect(server).not.toMatch(/ports:/);
    expect(server).toContain("eg-data:/data");
    expect(server).toContain("EG_PUBLIC_ORIGIN: https://${EG_DOMAIN}");
    expect(caddyfile).toMatch(/\{\$EG_DOMAIN\} \{[\s\S]*reverse_proxy etiquette-guard:3000/);
  });
});
