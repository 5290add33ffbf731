/**
 * Security headers. Add-in pages (task pane, on-send page, icons) are framed by Outlook on the
 * web and new Outlook and load Office.js from Microsoft's CDN, so their policy allows exactly
 * that. The admin app and the API get a stricter policy (no framing at all).
 */
import helmet, { type HelmetOptions } from "helmet";
import type { FastifyReply } from "fastify";
import type { ServerConfig } from "./config";

/** Where Office.js and its resources come from (appsforoffice is the documented CDN for office.js). */
export const OFFICE_CDN = ["https://appsforoffice.microsoft.com", "https://res.cdn.office.net", "https://res-1.cdn.office.net"];
/** The hosts that frame add-in pages: Outlook on the web, new Outlook, Microsoft 365. */
export const OUTLOOK_FRAME_ANCESTORS = [
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.outlook.com",
  "https://*.microsoft.com",
  "https://*.cloud.microsoft",
];

/**
 * Helmet's options for every response (the add-in's needs); `apiHeaders` tightens admin/API ones.
 * @param config - server configuration
 * @returns helmet options
 */
export function addinHeaders(config: ServerConfig): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", ...OFFICE_CDN],
        // Fluent UI (Griffel) inserts style elements at run time.
        "style-src": ["'self'", "'unsafe-inline'", ...OFFICE_CDN],
        "font-src": ["'self'", "data:", ...OFFICE_CDN],
        "img-src": ["'self'", "data:", "https:"],
        "connect-src": ["'self'", ...config.addinOrigins],
        "frame-src": ["'self'", ...OFFICE_CDN, "https://*.office.com"],
        "frame-ancestors": ["'self'", ...OUTLOOK_FRAME_ANCESTORS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
      },
    },
    // Framing is governed by frame-ancestors above; X-Frame-Options cannot list several hosts.
    frameguard: false,
    // Outlook loads the add-in's icons from its own origin.
    crossOriginResourcePolicy: { policy: "cross-origin" },
    crossOriginEmbedderPolicy: false,
    // Office dialogs (displayDialogAsync) need the opener relationship.
    crossOriginOpenerPolicy: false,
    hsts: config.http ? false : { maxAge: 180 * 24 * 3600, includeSubDomains: false },
    referrerPolicy: { policy: "no-referrer" },
  };
}

const API_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `font-src 'self' data: ${OFFICE_CDN.join(" ")}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/**
 * Tightens the headers of admin pages and API answers.
 * @param reply - the reply about to be sent
 */
export function apiHeaders(reply: FastifyReply): void {
  reply.header("Content-Security-Policy", API_CSP);
  reply.header("X-Frame-Options", "DENY");
  reply.header("Cross-Origin-Opener-Policy", "same-origin");
  reply.header("Cross-Origin-Resource-Policy", "same-origin");
}

/**
 * Every header helmet gives an add-in page (the `addinHeaders` options), computed once: set on
 * each answer by one hook, instead of building helmet's middleware (and its CSP) per request.
 * @param config - server configuration
 * @returns header name to value
 */
export function precomputedAddinHeaders(config: ServerConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => {
      headers[name] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  (helmet(addinHeaders(config)) as unknown as (req: unknown, res: unknown, next: () => void) => void)({}, res, () => undefined);
  return headers;
}

/**
 * Every header an API answer gets (the add-in's, then `apiHeaders`), computed once: the published
 * policy sends them without running any hook.
 * @param config - server configuration
 * @returns header name to value
 */
export function precomputedApiHeaders(config: ServerConfig): Record<string, string> {
  const api: Record<string, string> = {};
  apiHeaders({ header: (name: string, value: string) => (api[name] = value) } as unknown as FastifyReply);
  return { ...precomputedAddinHeaders(config), ...api };
}
