/**
 * webpack/asset-step.js: the skeleton the build's asset plugins share (const-to-let,
 * compact-json, function-order, addin-manifest). Each test runs a small real webpack build into
 * a temporary folder with one or more steps.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build tool is CommonJS
const webpack = require("webpack") as (config: object) => {
  run(callback: (error: Error | null, stats: { hasErrors(): boolean; toJson(): { errors: { message: string }[] } }) => void): void;
  close(callback: () => void): void;
};

type Step = {
  name: string;
  stage: string;
  offset?: number;
  assets?: string[];
  rewrite?: (code: string, name: string) => string;
  emit?: () => Record<string, string | Uint8Array>;
  files?: string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
const { AssetStepPlugin } = require("../../webpack/asset-step.js") as { AssetStepPlugin: new (step: Step) => { assets?: string[] } };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build scripts are CommonJS
const { ConstToLetPlugin } = require("../../webpack/const-to-let.js") as { ConstToLetPlugin: new (o: { assets: string[] }) => object };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build scripts are CommonJS
const { CompactJsonPlugin } = require("../../webpack/compact-json.js") as { CompactJsonPlugin: new (o: { assets: string[] }) => object };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build scripts are CommonJS
const { FunctionOrderPlugin } = require("../../webpack/function-order.js") as { FunctionOrderPlugin: new (o: { assets: string[] }) => object };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build scripts are CommonJS
const { ManifestPlugin } = require("../../webpack/addin-manifest.js") as { ManifestPlugin: new (o: { origin: string }) => object };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "asset-step-"));
  fs.writeFileSync(path.join(dir, "entry.js"), 'console.log("entry");\n');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Builds entry.js into dir/out with the plugins; resolves with the output files and errors. */
function build(plugins: object[]): Promise<{ files: Record<string, string>; errors: string[] }> {
  const compiler = webpack({
    mode: "none",
    context: dir,
    entry: { main: "./entry.js" },
    output: { path: path.join(dir, "out"), filename: "[name].js" },
    optimization: { minimize: false },
    plugins,
    infrastructureLogging: { level: "none" },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      const out = path.join(dir, "out");
      const files: Record<string, string> = {};
      if (fs.existsSync(out)) for (const name of fs.readdirSync(out)) files[name] = fs.readFileSync(path.join(out, name), "utf8");
      resolve({ files, errors: stats.hasErrors() ? stats.toJson().errors.map((e) => e.message) : [] });
    }),
  );
}

describe("AssetStepPlugin", () => {
  it("rewrites the named assets with the step's function and leaves the others", async () => {
    const seen: string[] = [];
    const step = new AssetStepPlugin({
      name: "Upper",
      stage: "OPTIMIZE_SIZE",
      assets: ["main.js", "missing.js"],
      rewrite: (code, name) => {
        seen.push(name);
        return `/*${name}*/${code.toUpperCase()}`;
      },
    });
    const emitter = new AssetStepPlugin({ name: "Emit", stage: "ADDITIONAL", emit: () => ({ "other.js": "keep me" }) });
    const { files, errors } = await build([step, emitter]);
    expect(errors).toEqual([]);
    expect(seen).toEqual(["main.js"]);
    expect(files["main.js"]).toMatch(/^\/\*main\.js\*\//);
    expect(files["main.js"]).toContain('CONSOLE.LOG("ENTRY")');
    expect(files["other.js"]).toBe("keep me");
  });

  it("runs steps by stage and offset, whatever order the plugins are listed in", async () => {
    const mark = (tag: string, offset: number) =>
      new AssetStepPlugin({ name: `Mark${tag}`, stage: "OPTIMIZE_SIZE", offset, assets: ["main.js"], rewrite: (code) => `${code}${tag}` });
    const { files } = await build([mark("C", 2), mark("A", 0), mark("B", 1)]);
    expect(files["main.js"]).toMatch(/ABC$/);
  });

  it("emits text and bytes", async () => {
    const { files } = await build([new AssetStepPlugin({ name: "Emit", stage: "ADDITIONAL", emit: () => ({ "a.txt": "text\n", "b.bin": new Uint8Array([104, 105]) }) })]);
    expect(files["a.txt"]).toBe("text\n");
    expect(files["b.bin"]).toBe("hi");
  });

  it("turns a step's error into a compilation error naming the plugin", async () => {
    const failing = new AssetStepPlugin({
      name: "Failing",
      stage: "OPTIMIZE_SIZE",
      assets: ["main.js"],
      rewrite: () => {
        throw new Error("no good");
      },
    });
    const { errors } = await build([failing]);
    expect(errors.join("\n")).toContain("Failing: no good");
  });

  it("refuses a step without a stage it knows, or with both or neither of rewrite and emit", () => {
    expect(() => new AssetStepPlugin({ name: "X", stage: "OPTIMIZE_SIZE" })).toThrow(/either rewrite or emit/);
    expect(() => new AssetStepPlugin({ name: "X", stage: "OPTIMIZE_SIZE", assets: [], rewrite: (c) => c, emit: () => ({}) })).toThrow(/either rewrite or emit/);
    expect(() => new AssetStepPlugin({ name: "X", stage: "OPTIMIZE_SIZE", rewrite: (c) => c })).toThrow(/list of assets/);
    const unknown = new AssetStepPlugin({ name: "X", stage: "NO_SUCH_STAGE", assets: [], rewrite: (c) => c });
    expect(() => build([unknown])).toThrow(/unknown processAssets stage NO_SUCH_STAGE/);
  });

  it("is what the four build plugins are", () => {
    for (const plugin of [
      new ConstToLetPlugin({ assets: ["launchevent.js"] }),
      new CompactJsonPlugin({ assets: ["launchevent.js"] }),
      new FunctionOrderPlugin({ assets: ["launchevent.js"] }),
      new ManifestPlugin({ origin: "https://localhost:3000" }),
    ]) {
      expect(plugin).toBeInstanceOf(AssetStepPlugin);
    }
  });
});
