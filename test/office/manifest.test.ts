/**
 * manifest.xml: valid against the Office add-in XML schemas offline (libxml2's xmllint compiled
 * to WebAssembly, the `xmllint-wasm` package, so `npm test` needs nothing outside npm), and consistent in what the schema cannot check: resids resolve, the
 * LaunchEvent's SourceLocation is the Runtime's resid, the button id is the Smart Alerts
 * commandId, icons exist at the sizes named, Mailbox 1.12 is the minimum, least permissions.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { strFromU8, unzipSync } from "fflate";
import { validateXML } from "xmllint-wasm";
import { TASKPANE_COMMAND_ID } from "../../src/office/complete-send";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");

function attr(tag: string, name: string, where = xml): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, "g");
  for (let m = re.exec(where); m; m = re.exec(where)) out.push(m[1] as string);
  return out;
}

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  // The schemas are Microsoft's MS-OWEMXML Appendix A, kept in schemas/office-manifest/ (see
  // its README for their source and terms) so that a clean clone validates offline.
  const SCHEMAS = path.join(ROOT, "schemas", "office-manifest");
  const TOP = "OfficeAppManifest.xsd";

  /** Validates XML text against the vendored schemas in-process; resolves to xmllint's errors. */
  async function schemaErrors(text: string): Promise<string[]> {
    const xsds = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith(".xsd"));
    const file = (name: string): { fileName: string; contents: string } => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMAS, name), "utf8") });
    const result = await validateXML({
      xml: { fileName: "manifest.xml", contents: text },
      schema: file(TOP),
      preload: xsds.filter((f) => f !== TOP).map(file),
    });
    expect(result.valid).toBe(result.errors.length === 0);
    return result.errors.map((e) => e.message);
  }

  it("validates offline against the Office add-in manifest schemas", async () => {
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it("would fail validation with a SendMode the schema does not know", async () => {
    const errors = await schemaErrors(xml.replace('SendMode="SoftBlock"', 'SendMode="HardBlock"'));
    expect(errors.join("\n")).toMatch(/SendMode.*HardBlock/);
  });

  it("would fail validation with the Runtimes element out of order", async () => {
    const runtimes = /<Runtimes>[\s\S]*?<\/Runtimes>\s*/.exec(xml)?.[0] as string;
    expect(runtimes).toBeDefined();
    const moved = xml.replace(runtimes, "").replace("</DesktopFormFactor>", `</DesktopFormFactor>${runtimes}`);
    expect(await schemaErrors(moved)).not.toEqual([]);
  });

  it("is a MailApp with VersionOverridesV1_1 nested in V1_0, Mailbox 1.12 minimum", () => {
    expect(xml).toMatch(/xsi:type="MailApp"/);
    const v10 = xml.indexOf('xsi:type="VersionOverridesV1_0"');
    const v11 = xml.indexOf('xsi:type="VersionOverridesV1_1"');
    expect(v10).toBeGreaterThan(-1);
    expect(v11).toBeGreaterThan(v10);
    expect(attr("bt:Sets", "DefaultMinVersion")).toEqual(["1.12"]);
  });

  it("declares one OnMessageSend LaunchEvent with SoftBlock and onMessageSendHandler", () => {
    expect(attr("LaunchEvent", "Type")).toEqual(["OnMessageSend"]);
    expect(attr("LaunchEvent", "SendMode")).toEqual(["SoftBlock"]);
    expect(attr("LaunchEvent", "FunctionName")).toEqual(["onMessageSendHandler"]);
  });

  it("has an HTML runtime with a JavaScript override, and the LaunchEvent uses the runtime's resid", () => {
    const [runtime] = attr("Runtime", "resid");
    expect(attr("Override", "type")).toEqual(["javascript"]);
    const launch = /<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(xml)?.[1];
    expect(launch).toBe(runtime);
    const urls = Object.fromEntries(attr("bt:Url", "id").map((id, i) => [id, attr("bt:Url", "DefaultValue")[i]]));
    expect(urls[runtime as string]).toBe("https://localhost:3000/launchevent.html");
    expect(urls[attr("Override", "resid")[0] as string]).toBe("https://localhost:3000/launchevent.js");
    expect(Object.values(urls)).toContain("https://localhost:3000/taskpane.html");
  });

  it("has a compose button opening the task pane whose id is the Smart Alerts commandId", () => {
    const button = /<ExtensionPoint xsi:type="MessageComposeCommandSurface">[\s\S]*?<Control xsi:type="Button" id="([^"]+)"[\s\S]*?<Action xsi:type="ShowTaskpane">/.exec(xml);
    expect(button?.[1]).toBe(TASKPANE_COMMAND_ID);
  });

  it("resolves every resid", () => {
    const defined = new Set([...attr("bt:Image", "id"), ...attr("bt:Url", "id"), ...attr("bt:String", "id")]);
    const used = [...xml.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) {
      expect(defined.has(id)).toBe(true);
      expect(id.length).toBeLessThanOrEqual(32);
    }
  });

  it("names only icons that exist in assets/ at their stated size", () => {
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
    expect(new Set(icons.map((m) => m[2])).size).toBe(5);
    for (const m of icons) {
      const size = Number(m[2]);
      expect(pngSize(path.join(ROOT, "assets", m[1] as string))).toEqual([size, size]);
    }
    const images = attr("bt:Image", "size");
    expect(images.sort()).toEqual(["16", "32", "80"]);
  });

  it("asks for the least permissions that work (ReadWriteItem: the disclaimer is written into the body)", () => {
    expect(/<Permissions>([^<]+)<\/Permissions>/.exec(xml)?.[1]).toBe("ReadWriteItem");
    expect(xml).not.toContain("ExtendedPermission");
  });

  it("uses https://localhost:3000/ for every URL (the production build rewrites them)", () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/")).toBe(true);
  });
});

/* The unified manifest (issue 12 item 2): made by webpack/addin-manifest.js from the same
 * definition as dist/manifest.xml, validated offline against Microsoft's JSON schema 1.17
 * (schemas/m365-app-manifest/, MIT licence). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addin = require("../../webpack/addin-manifest.js") as {
  ADDIN: { id: string; minMailbox: string };
  renderXml(template: string, o: { origin: string; version: { xml: string; json: string } }): string;
  renderJson(o: { origin: string; version: { xml: string; json: string } }): Record<string, unknown> & { icons: { color: string; outline: string } };
  xmlFacts(xml: string): unknown;
  jsonFacts(json: unknown): unknown;
  expectedFacts(origin: string, version: string): unknown;
  manifestVersion(build?: number): { xml: string; json: string };
  appPackage(json: unknown, assetsDir: string): Uint8Array;
};

describe("manifest.json and the app package", () => {
  const origin = "https://addin.example.org";
  const version = addin.manifestVersion(412);
  const json = addin.renderJson({ origin, version });
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "m365-app-manifest", "v1.17", "MicrosoftTeams.schema.json"), "utf8"));
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it("validates offline against Microsoft's unified manifest schema 1.17", () => {
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(json.manifestVersion).toBe(schema.properties.manifestVersion.const);
  });

  it("would fail validation with a send mode the schema does not know", () => {
    const broken = JSON.parse(JSON.stringify(json).replace('"sendMode":"softBlock"', '"sendMode":"hardBlock"'));
    expect(validate(broken)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain("sendMode");
  });

  it("says the same as the XML manifest: id, version, URLs, requirement set, event, runtimes, button", () => {
    const xmlOut = addin.renderXml(xml, { origin, version });
    const fromXml = addin.xmlFacts(xmlOut);
    expect(addin.jsonFacts(json)).toEqual(fromXml);
    expect(fromXml).toEqual(addin.expectedFacts(origin, "1.0.412.0"));
    expect(fromXml).toMatchObject({ id: addin.ADDIN.id, minMailbox: "1.12", events: [{ type: "OnMessageSend", functionName: "onMessageSendHandler", sendMode: "SoftBlock" }], commandId: TASKPANE_COMMAND_ID });
    expect(xmlOut).not.toContain("localhost:3000");
  });

  it("stops the build when manifest.xml says something else than the definition", () => {
    expect(() => addin.renderXml(xml.replace('SendMode="SoftBlock"', 'SendMode="Block"'), { origin, version })).toThrow(/does not match/);
    expect(() => addin.renderXml(xml.replace('DefaultMinVersion="1.12"', 'DefaultMinVersion="1.13"'), { origin, version })).toThrow(/does not match/);
  });

  it("bumps the manifest version with each build number (package.json's major.minor first)", () => {
    const [major, minor] = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string).split(".");
    expect(addin.manifestVersion(7)).toEqual({ json: `${major}.${minor}.7`, xml: `${major}.${minor}.7.0` });
    expect(addin.renderXml(xml, { origin, version: addin.manifestVersion(8) })).toContain(`<Version>${major}.${minor}.8.0</Version>`);
    expect(addin.renderJson({ origin, version: addin.manifestVersion(8) }).version).toBe(`${major}.${minor}.8`);
  });

  it("packs manifest.json and its two icons for the admin centre", () => {
    const files = unzipSync(addin.appPackage(json, path.join(ROOT, "assets")));
    expect(Object.keys(files).sort()).toEqual(["icon-192.png", "icon-outline-32.png", "manifest.json"]);
    expect(JSON.parse(strFromU8(files["manifest.json"] as Uint8Array))).toEqual(json);
    expect(Buffer.from(files["icon-192.png"] as Uint8Array).equals(fs.readFileSync(path.join(ROOT, "assets", "icon-192.png")))).toBe(true);
    // Microsoft's sizes: colour 192 × 192, outline 32 × 32.
    expect(pngSize(path.join(ROOT, "assets", json.icons.color))).toEqual([192, 192]);
    expect(pngSize(path.join(ROOT, "assets", json.icons.outline))).toEqual([32, 32]);
  });
});
