/**
 * Checks on what SMT type into the admin app, before the policy reaches the core's validation:
 * nesting depth (a list nested 10,000 deep must not overflow the stack) and control or bidi
 * characters (which hide or reorder text in names, notes and phrases). Both walk the value
 * with an explicit stack, so neither can overflow it, and name the first bad path.
 */
import { isRecord } from "../core/util/is-record";

/** Deepest nesting accepted in a JSON body; a policy needs about 5. */
export const MAX_JSON_DEPTH = 32;

/**
 * C0 and C1 controls except tab, line feed and carriage return; the bidi embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), the directional marks (U+200E, U+200F, U+061C),
 * and NUL.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  const name = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${name}` : name;
}

type Visit = (value: unknown, path: string, depth: number) => string | undefined;

function walk(root: unknown, rootPath: string, visit: Visit): string | undefined {
  const stack: [unknown, string, number][] = [[root, rootPath, 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    const problem = visit(value, path, depth);
    if (problem !== undefined) return problem;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], join(path, i), depth + 1]);
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] as [string, unknown];
        stack.push([v, join(path, key), depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * @param value - a parsed JSON value
 * @param rootPath - the path of `value` itself ("" for a policy)
 * @param maxDepth - the deepest nesting allowed
 * @returns the path of the first array or object nested deeper than `maxDepth`, or undefined
 */
export function tooDeepPath(value: unknown, rootPath = "", maxDepth = MAX_JSON_DEPTH): string | undefined {
  return walk(value, rootPath, (v, path, depth) => (depth > maxDepth && typeof v === "object" && v !== null ? path || "(root)" : undefined));
}

/**
 * @param value - a parsed JSON value
 * @param rootPath - the path of `value` itself
 * @returns the path of the first string (value or key) with a control or bidi character, or undefined
 */
export function unsafeTextPath(value: unknown, rootPath = ""): string | undefined {
  return walk(value, rootPath, (v, path) => {
    if (typeof v === "string") return UNSAFE_CHARACTERS.test(v) ? path || "(root)" : undefined;
    if (isRecord(v)) {
      const key = Object.keys(v).find((k) => UNSAFE_CHARACTERS.test(k));
      if (key !== undefined) return join(path, key);
    }
    return undefined;
  });
}

/**
 * The path a request is really for: percent-decoded, with `.`/`..` segments resolved and runs of
 * slashes collapsed, so `/%61dmin/`, `//simulator.html` and `/x/../api/` are judged as what they
 * reach. An undecodable path is returned as it is (it reaches nothing).
 * @param url - the request URL (path and query)
 * @returns the normalised path, starting with "/"
 */
export function normalisedPath(url: string): string {
  const raw = url.split("?")[0] ?? "";
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = raw;
  }
  const out: string[] = [];
  for (const segment of decoded.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  const trailing = decoded.endsWith("/") && out.length > 0 ? "/" : "";
  return `/${out.join("/")}${trailing}`;
}
