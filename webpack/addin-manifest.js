/**
 * The add-in's identity in one place, and the two manifests made from it:
 *
 * - dist/manifest.xml, the add-in only (XML) manifest: manifest.xml is its hand-written
 *   template (the layout the XML schema wants); the build checks that it says what ADDIN says
 *   (id, event, function, send mode, requirement set, runtimes, button, permissions) and stamps
 *   the version and the origin into it.
 * - dist/manifest.json, the Microsoft 365 unified app manifest (schema 1.17, the first with
 *   `autoRunEvents` and `sendMode`), generated from ADDIN, and dist/etiquette-guard-app.zip
 *   (manifest.json and its two icons) for the Microsoft 365 admin centre.
 *
 * Also dist/build-info.json: the origin and version of this build, which the server reads to
 * serve the manifests for the origin it is actually reached at.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { zipSync, strToU8 } = require("fflate");
const { AssetStepPlugin } = require("./asset-step");

const root = path.join(__dirname, "..");
/** The origin in manifest.xml and in development builds. */
const DEV_ORIGIN = "https://localhost:3000";

/** What both manifests say; change the add-in here (and in manifest.xml, which the build checks). */
const ADDIN = Object.freeze({
  id: "3c8a5e0f-6b2d-4f7e-9a41-5d2e8c7b1f93",
  provider: "Norcot Early Years Centre",
  name: "Etiquette Guard",
  description: "Checks every e-mail against the Centre's communication policy when you press Send.",
  /** The unified manifest's short description: at most 80 characters. */
  shortDescription: "Checks each e-mail against the Centre's communication policy at Send.",
  language: "en-GB",
  /** Mailbox requirement set: Smart Alerts (OnMessageSend with SendMode) need 1.12. */
  minMailbox: "1.12",
  permissions: "ReadWriteItem",
  supportPath: "policy.html",
  taskpanePath: "taskpane.html",
  runtimePagePath: "launchevent.html",
  runtimeScriptPath: "launchevent.js",
  launchEvent: Object.freeze({ type: "OnMessageSend", functionName: "onMessageSendHandler", sendMode: "SoftBlock" }),
  /** The compose button; also the Smart Alerts dialog's commandId (src/office/complete-send.ts). */
  commandId: "msgComposeOpenPaneButton",
  groupId: "egComposeGroup",
  buttonLabel: "Check e-mail",
  buttonTooltip: "Check this e-mail against the Centre's communication policy and fix what it finds.",
  buttonIcons: Object.freeze([16, 32, 80]),
  /** The app package's icons: a 192 px colour icon and a 32 px white-on-transparent outline. */
  packageIcons: Object.freeze({ color: "icon-192.png", outline: "icon-outline-32.png" }),
});

/** XML event names to the unified manifest's (Microsoft's "compare manifests" table). */
const JSON_EVENT = { OnMessageSend: "messageSending" };
const JSON_SEND_MODE = { PromptUser: "promptUser", SoftBlock: "softBlock", Block: "block" };
const JSON_PERMISSION = { ReadItem: "MailboxItem.Read.User", ReadWriteItem: "MailboxItem.ReadWrite.User", ReadWriteMailbox: "Mailbox.ReadWrite.User" };

/**
 * The build number: EG_BUILD_NUMBER, else the number of commits (each commit a higher version,
 * so Outlook and the admin centre see an update), else 0.
 * @returns {number}
 */
function buildNumber() {
  const fromEnv = process.env.EG_BUILD_NUMBER;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!/^\d{1,5}$/.test(fromEnv)) throw new Error(`EG_BUILD_NUMBER must be a whole number up to 99999, got ${JSON.stringify(fromEnv)}`);
    return Number(fromEnv);
  }
  try {
    return Number(execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()) % 100000;
  } catch {
    return 0;
  }
}

/**
 * The manifest version: package.json's major.minor, then the build number.
 * @param {number} [build]
 * @returns {{ json: string, xml: string }} e.g. { json: "1.0.412", xml: "1.0.412.0" }
 */
function manifestVersion(build = buildNumber()) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const [major, minor] = String(pkg.version).split(".");
  return { json: `${major}.${minor}.${build}`, xml: `${major}.${minor}.${build}.0` };
}

const attr = (xml, tag, name) => [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, "g"))].map((m) => m[1]);
const text = (xml, tag) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

/**
 * What an XML manifest says, in the terms both manifests share.
 * @param {string} xml
 */
function xmlFacts(xml) {
  const urls = Object.fromEntries(attr(xml, "bt:Url", "id").map((id, i) => [id, attr(xml, "bt:Url", "DefaultValue")[i]]));
  const images = Object.fromEntries(attr(xml, "bt:Image", "id").map((id, i) => [id, attr(xml, "bt:Image", "DefaultValue")[i]]));
  const runtime = attr(xml, "Runtime", "resid")[0];
  const button = /<Control xsi:type="Button" id="([^"]+)"[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(xml);
  const launch = /<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(xml);
  return {
    id: text(xml, "Id"),
    version: text(xml, "Version"),
    name: attr(xml, "DisplayName", "DefaultValue")[0],
    description: attr(xml, "Description", "DefaultValue")[0],
    provider: text(xml, "ProviderName"),
    minMailbox: attr(xml, "bt:Sets", "DefaultMinVersion")[0],
    permissions: text(xml, "Permissions"),
    events: attr(xml, "LaunchEvent", "Type").map((type, i) => ({ type, functionName: attr(xml, "LaunchEvent", "FunctionName")[i], sendMode: attr(xml, "LaunchEvent", "SendMode")[i] })),
    eventRuntime: { page: urls[runtime], script: urls[attr(xml, "Override", "resid")[0]], sameAsLaunchEvent: launch?.[1] === runtime },
    taskpane: button ? urls[button[2]] : undefined,
    commandId: button?.[1],
    buttonIcons: attr(xml, "bt:Image", "size").map((size, i) => ({ size: Number(size), url: images[attr(xml, "bt:Image", "resid")[i]] })),
    support: attr(xml, "SupportUrl", "DefaultValue")[0],
  };
}

/**
 * What a unified manifest says, in the same terms as {@link xmlFacts}.
 * @param {any} json
 */
function jsonFacts(json) {
  const ext = json.extensions[0];
  const events = ext.autoRunEvents.flatMap((a) => a.events);
  const byAction = (id) => ext.runtimes.find((r) => r.actions.some((a) => a.id === id));
  const control = ext.ribbons[0].tabs[0].groups[0].controls[0];
  const toXmlEvent = Object.fromEntries(Object.entries(JSON_EVENT).map(([k, v]) => [v, k]));
  const toXmlMode = Object.fromEntries(Object.entries(JSON_SEND_MODE).map(([k, v]) => [v, k]));
  const toXmlPermission = Object.fromEntries(Object.entries(JSON_PERMISSION).map(([k, v]) => [v, k]));
  const eventRuntime = byAction(events[0].actionId);
  return {
    id: json.id,
    version: `${json.version}.0`,
    name: json.name.short,
    description: json.description.full,
    provider: json.developer.name,
    minMailbox: ext.requirements.capabilities.find((c) => c.name === "Mailbox").minVersion,
    permissions: toXmlPermission[json.authorization.permissions.resourceSpecific[0].name],
    events: events.map((e) => ({ type: toXmlEvent[e.type], functionName: e.actionId, sendMode: toXmlMode[e.options.sendMode] })),
    eventRuntime: { page: eventRuntime.code.page, script: eventRuntime.code.script, sameAsLaunchEvent: true },
    taskpane: byAction(control.actionId).code.page,
    commandId: control.id,
    buttonIcons: control.icons.map((i) => ({ size: i.size, url: i.url })),
    support: json.developer.websiteUrl,
  };
}

/**
 * The facts ADDIN implies for an origin and version.
 * @param {string} origin - without trailing slash
 * @param {string} xmlVersion
 */
function expectedFacts(origin, xmlVersion) {
  return {
    id: ADDIN.id,
    version: xmlVersion,
    name: ADDIN.name,
    description: ADDIN.description,
    provider: ADDIN.provider,
    minMailbox: ADDIN.minMailbox,
    permissions: ADDIN.permissions,
    events: [{ ...ADDIN.launchEvent }],
    eventRuntime: { page: `${origin}/${ADDIN.runtimePagePath}`, script: `${origin}/${ADDIN.runtimeScriptPath}`, sameAsLaunchEvent: true },
    taskpane: `${origin}/${ADDIN.taskpanePath}`,
    commandId: ADDIN.commandId,
    buttonIcons: ADDIN.buttonIcons.map((size) => ({ size, url: `${origin}/assets/icon-${size}.png` })),
    support: `${origin}/${ADDIN.supportPath}`,
  };
}

/**
 * dist/manifest.xml from the template: checked against ADDIN, then version and origin stamped.
 * @param {string} template - manifest.xml
 * @param {{ origin: string, version: { xml: string } }} options
 * @returns {string}
 */
function renderXml(template, { origin, version }) {
  const stamped = template.replace(/<Version>[^<]*<\/Version>/, `<Version>${version.xml}</Version>`).split(`${DEV_ORIGIN}/`).join(`${origin}/`);
  const actual = JSON.stringify(xmlFacts(stamped));
  const expected = JSON.stringify(expectedFacts(origin, version.xml));
  if (actual !== expected) throw new Error(`manifest.xml does not match the add-in's definition in webpack/addin-manifest.js:\n  manifest.xml: ${actual}\n  expected:     ${expected}`);
  return stamped;
}

/**
 * dist/manifest.json, the unified manifest, from ADDIN.
 * @param {{ origin: string, version: { json: string } }} options
 * @returns {object}
 */
function renderJson({ origin, version }) {
  const mailbox = [{ name: "Mailbox", minVersion: ADDIN.minMailbox }];
  const url = (p) => `${origin}/${p}`;
  return {
    $schema: "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json",
    manifestVersion: "1.17",
    version: version.json,
    id: ADDIN.id,
    localizationInfo: { defaultLanguageTag: ADDIN.language.toLowerCase() },
    developer: { name: ADDIN.provider, websiteUrl: url(ADDIN.supportPath), privacyUrl: url(ADDIN.supportPath), termsOfUseUrl: url(ADDIN.supportPath) },
    name: { short: ADDIN.name, full: ADDIN.name },
    description: { short: ADDIN.shortDescription, full: ADDIN.description },
    icons: { outline: ADDIN.packageIcons.outline, color: ADDIN.packageIcons.color },
    accentColor: "#FFFFFF",
    validDomains: [new URL(origin).host],
    authorization: { permissions: { resourceSpecific: [{ name: JSON_PERMISSION[ADDIN.permissions], type: "Delegated" }] } },
    extensions: [
      {
        requirements: { scopes: ["mail"], capabilities: mailbox },
        runtimes: [
          {
            requirements: { capabilities: mailbox },
            id: "EventRuntime",
            type: "general",
            code: { page: url(ADDIN.runtimePagePath), script: url(ADDIN.runtimeScriptPath) },
            lifetime: "short",
            actions: [{ id: ADDIN.launchEvent.functionName, type: "executeFunction", displayName: ADDIN.launchEvent.functionName }],
          },
          {
            requirements: { capabilities: mailbox },
            id: "TaskpaneRuntime",
            type: "general",
            code: { page: url(ADDIN.taskpanePath) },
            lifetime: "short",
            actions: [{ id: "openTaskpane", type: "openPage", displayName: ADDIN.buttonLabel, pinnable: true }],
          },
        ],
        ribbons: [
          {
            requirements: { capabilities: mailbox },
            contexts: ["mailCompose"],
            tabs: [
              {
                builtInTabId: "TabDefault",
                groups: [
                  {
                    id: ADDIN.groupId,
                    label: ADDIN.name,
                    icons: ADDIN.buttonIcons.map((size) => ({ size, url: url(`assets/icon-${size}.png`) })),
                    controls: [
                      {
                        id: ADDIN.commandId,
                        type: "button",
                        label: ADDIN.buttonLabel,
                        icons: ADDIN.buttonIcons.map((size) => ({ size, url: url(`assets/icon-${size}.png`) })),
                        supertip: { title: ADDIN.buttonLabel, description: ADDIN.buttonTooltip },
                        actionId: "openTaskpane",
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        autoRunEvents: [
          {
            requirements: { capabilities: mailbox },
            events: [{ type: JSON_EVENT[ADDIN.launchEvent.type], actionId: ADDIN.launchEvent.functionName, options: { sendMode: JSON_SEND_MODE[ADDIN.launchEvent.sendMode] } }],
          },
        ],
      },
    ],
  };
}

/**
 * The app package for the admin centre: manifest.json and its two icons at the top level.
 * @param {object} manifest - the unified manifest
 * @param {string} assetsDir - where the icons are
 * @returns {Uint8Array} the zip file
 */
function appPackage(manifest, assetsDir) {
  const files = { "manifest.json": strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const icon of new Set([manifest.icons.color, manifest.icons.outline])) files[icon] = new Uint8Array(fs.readFileSync(path.join(assetsDir, icon)));
  // A fixed date keeps the package byte-for-byte the same for the same build.
  return zipSync(files, { level: 9, mtime: new Date("2024-01-01T00:00:00Z") });
}

/** Emits the manifests, the app package and build-info.json into the webpack output. */
class ManifestPlugin extends AssetStepPlugin {
  /** @param {{ origin: string }} options - the origin without trailing slash */
  constructor(options) {
    const template = path.join(root, "manifest.xml");
    const origin = options.origin;
    super({
      name: "ManifestPlugin",
      stage: "ADDITIONAL",
      files: [template],
      emit: () => {
        const version = manifestVersion();
        const json = renderJson({ origin, version });
        return {
          "manifest.xml": renderXml(fs.readFileSync(template, "utf8"), { origin, version }),
          "manifest.json": `${JSON.stringify(json, null, 2)}\n`,
          "etiquette-guard-app.zip": appPackage(json, path.join(root, "assets")),
          "build-info.json": `${JSON.stringify({ origin, version: version.xml }, null, 2)}\n`,
        };
      },
    });
    this.origin = origin;
  }
}

module.exports = { ADDIN, DEV_ORIGIN, ManifestPlugin, appPackage, buildNumber, expectedFacts, jsonFacts, manifestVersion, renderJson, renderXml, xmlFacts };
