/**
 * Files whose content names the add-in's own address: the manifests (every URL Outlook loads)
 * and launchevent.js (classic Outlook's JavaScript-only runtime has no page address, so the
 * bundle carries the origin it was built for). The build records that origin in
 * dist/build-info.json; the server hands these files out with it replaced by the origin it is
 * actually reached at, so `npm start -- --port 3443` or EG_PUBLIC_ORIGIN needs no rebuild.
 */
import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
import fs from "fs";
import path from "path";

/** The origin a build uses when none is given (webpack's DEV_URL). */
export const DEFAULT_BUILD_ORIGIN = "https://localhost:3000";

/** Served with the build's origin replaced by the public origin. */
export const ORIGIN_FILES = ["manifest.xml", "manifest.json", "launchevent.js"] as const;

export type BuildInfo = Readonly<{ origin: string; version?: string }>;

/**
 * What the build in `distDir` was made for.
 * @param distDir - the built add-in
 * @returns its origin (without trailing slash) and manifest version, if recorded
 */
export function readBuildInfo(distDir: string): BuildInfo {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(distDir, "build-info.json"), "utf8")) as { origin?: unknown; version?: unknown };
    const origin = typeof raw.origin === "string" && /^https?:\/\//.test(raw.origin) ? raw.origin.replace(/\/+$/, "") : DEFAULT_BUILD_ORIGIN;
    return typeof raw.version === "string" ? { origin, version: raw.version } : { origin };
  } catch {
    return { origin: DEFAULT_BUILD_ORIGIN };
  }
}

/**
 * Replaces every `<build origin>/` in a text with `<public origin>/`.
 * @param text - file content
 * @param buildOrigin - e.g. https://localhost:3000
 * @param publicOrigin - e.g. https://localhost:3443
 * @returns the text for the public origin
 */
export function retarget(text: string, buildOrigin: string, publicOrigin: string): string {
  if (buildOrigin === publicOrigin) return text;
  return text.split(`${buildOrigin}/`).join(`${publicOrigin}/`);
}

/**
 * Reads one of {@link ORIGIN_FILES} from the build, for the public origin.
 * @param distDir - the built add-in
 * @param name - the file name
 * @param publicOrigin - the origin staff reach the server at
 * @returns the content, or undefined when the build has no such file
 */
export function readForOrigin(distDir: string, name: (typeof ORIGIN_FILES)[number], publicOrigin: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(distDir, name), "utf8");
  } catch {
    return undefined;
  }
  return retarget(text, readBuildInfo(distDir).origin, publicOrigin);
}

/** The app package for the admin centre (manifest.json and its icons). */
export const APP_PACKAGE = "etiquette-guard-app.zip";

/**
 * The app package with its manifest.json for the public origin.
 * @param distDir - the built add-in
 * @param publicOrigin - the origin staff reach the server at
 * @returns the zip file, or undefined when the build has none
 */
export function appPackageForOrigin(distDir: string, publicOrigin: string): Uint8Array | undefined {
  let zip: Uint8Array;
  try {
    zip = fs.readFileSync(path.join(distDir, APP_PACKAGE));
  } catch {
    return undefined;
  }
  const { origin } = readBuildInfo(distDir);
  if (origin === publicOrigin) return zip;
  const files = unzipSync(zip);
  const manifest = files["manifest.json"];
  if (manifest) {
    // validDomains holds the bare host; the URLs hold origin + "/".
    const text = retarget(strFromU8(manifest), origin, publicOrigin).split(JSON.stringify(new URL(origin).host)).join(JSON.stringify(new URL(publicOrigin).host));
    files["manifest.json"] = strToU8(text);
  }
  return zipSync(files, { level: 9, mtime: new Date("2024-01-01T00:00:00Z") });
}
