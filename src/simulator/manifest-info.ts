/**
 * Reads what the simulator needs from the add-in's manifest (`dist/manifest.xml`): the
 * on-send FunctionName and SendMode, the task pane buttons' control ids (Smart Alerts'
 * commandId) and the add-in's name. Missing or unreadable manifest: the documented defaults.
 */
import type { SendMode } from "./smart-alerts";

export type ManifestInfo = Readonly<{
  addinName: string;
  functionName: string;
  sendMode: SendMode;
  commandIds: readonly string[];
  /** Where the values came from, for the simulator's status line. */
  source: "manifest.xml" | "defaults";
}>;

export const DEFAULT_MANIFEST: ManifestInfo = {
  addinName: "Etiquette Guard",
  functionName: "onMessageSendHandler",
  sendMode: "softBlock",
  commandIds: ["msgComposeOpenPaneButton"],
  source: "defaults",
};

const SEND_MODES: Readonly<Record<string, SendMode>> = { promptuser: "promptUser", softblock: "softBlock", block: "block" };

/**
 * Parses manifest XML.
 * @param xml - the manifest
 * @returns what the simulator needs
 */
export function parseManifest(xml: string): ManifestInfo {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length > 0) return DEFAULT_MANIFEST;
  const all = (name: string) => Array.from(doc.getElementsByTagNameNS("*", name));
  const launch = all("LaunchEvent").find((e) => e.getAttribute("Type") === "OnMessageSend");
  const name = all("DisplayName")[0]?.getAttribute("DefaultValue");
  const commandIds = all("Control")
    .filter((c) => Array.from(c.getElementsByTagNameNS("*", "Action")).some((a) => /ShowTaskpane/i.test(a.getAttribute("xsi:type") ?? a.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type") ?? "")))
    .map((c) => c.getAttribute("id"))
    .filter((id): id is string => Boolean(id));
  return {
    addinName: name || DEFAULT_MANIFEST.addinName,
    functionName: launch?.getAttribute("FunctionName") || DEFAULT_MANIFEST.functionName,
    sendMode: SEND_MODES[(launch?.getAttribute("SendMode") ?? "").toLowerCase()] ?? "softBlock",
    commandIds: commandIds.length > 0 ? commandIds : DEFAULT_MANIFEST.commandIds,
    source: "manifest.xml",
  };
}

/**
 * Fetches and parses `manifest.xml` next to the simulator page.
 * @param url - the manifest's address
 * @returns the info, or the defaults
 */
export async function loadManifest(url = "manifest.xml"): Promise<ManifestInfo> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) return DEFAULT_MANIFEST;
    return parseManifest(await response.text());
  } catch {
    return DEFAULT_MANIFEST;
  }
}
