/**
 * The published policy's answer, which every add-in asks for at each Send: built once per
 * published version (body, ETag and every header of both answers), then written straight to the
 * response for each request — no database, no session, no JSON serialisation, no header building.
 */
import type { IncomingMessage, ServerResponse } from "http";

export const PUBLISHED_POLICY_PATH = "/api/policy/published";

/** The headers of one answer, in the order they are written: [name, value] pairs. */
export type HeaderPairs = readonly (readonly [string, string])[];

export type PublishedAnswer = Readonly<{
  etag: string;
  body: Buffer;
  /** Every header of the full answer (200). */
  full: HeaderPairs;
  /** Every header of the "not modified" answer (304): what a cache updates its copy with. */
  notModified: HeaderPairs;
}>;

/**
 * Builds the answer for one published version.
 * @param etag - the strong ETag, quoted
 * @param body - the JSON body, serialised
 * @param securityHeaders - the API's security headers (computed once for the server)
 * @returns the body, ETag and both header sets
 */
export function publishedAnswer(etag: string, body: Buffer, securityHeaders: Readonly<Record<string, string>>): PublishedAnswer {
  const caching: [string, string][] = [
    ["ETag", etag],
    // Always ask again (with If-None-Match): a policy SMT has just published applies at the next Send.
    ["Cache-Control", "no-cache"],
    // Whether CORS headers are present depends on the Origin.
    ["Vary", "Origin"],
  ];
  return {
    etag,
    body,
    full: [...Object.entries(securityHeaders), ...caching, ["Content-Type", "application/json; charset=utf-8"], ["Content-Length", String(body.length)]],
    // A 304 carries what a cache updates the copy it keeps with (RFC 9110 §15.4.5: ETag, Vary,
    // Cache-Control; Node adds Date). It has no body to protect, and a cache keeps the stored
    // answer's security headers where the 304 does not repeat them (RFC 9111 §3.2), so they are
    // left out: most add-ins get this answer at every Send, and each header costs time to write.
    notModified: caching,
  };
}

/**
 * Whether an If-None-Match header names the ETag (weak comparison, as RFC 9110 asks for GET).
 * @param header - the request's If-None-Match, if any
 * @param etag - the current ETag
 * @returns true when the client's copy is current
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/**
 * Writes the published policy: 304 when the client already has this version, else the body.
 * CORS headers only for the add-in's origins (Outlook has sent its Origin with a trailing slash,
 * office-js#3907, so it is compared without one and echoed as sent).
 * @param answer - the current answer
 * @param request - the raw request
 * @param response - the raw response, not yet written to
 * @param allowedOrigins - origins that may read it from a browser
 */
export function answerPublished(answer: PublishedAnswer, request: IncomingMessage, response: ServerResponse, allowedOrigins: ReadonlySet<string>): void {
  const fresh = etagMatches(request.headers["if-none-match"], answer.etag);
  const headers = fresh ? answer.notModified : answer.full;
  for (let i = 0; i < headers.length; i++) {
    const pair = headers[i] as readonly [string, string];
    response.setHeader(pair[0], pair[1]);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && allowedOrigins.has(origin.replace(/\/+$/, ""))) {
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Access-Control-Expose-Headers", "ETag");
  }
  response.statusCode = fresh ? 304 : 200;
  if (fresh || request.method === "HEAD") response.end();
  else response.end(answer.body);
}
