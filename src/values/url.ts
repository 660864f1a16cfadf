import { InvalidValue } from "./fields.js";

export const URL_RULE = 'use an "https:" address or a path on this site that starts with "/"';

/**
 * Addresses that reach HTML are limited to `https:` and site-relative paths (stricter than markdown-it's
 * validateLink): no `http:`, no `javascript:`/`data:`/`vbscript:`, no protocol-relative `//host`, no whitespace or
 * control characters that browsers would strip to reveal another scheme.
 */
export function parseSafeUrl(value: unknown): string {
  if (typeof value !== "string") throw new InvalidValue("must be an address in quotes", URL_RULE);
  const text = value.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(text)) {
    throw new InvalidValue(`${JSON.stringify(text)} contains spaces, control characters or backslashes`, "percent-encode them (a space is %20)");
  }
  if (text.startsWith("/") && !text.startsWith("//")) return text;
  // An https: address of a simple shape (no punycode, which could be invalid) has a host and cannot fail to parse.
  if (SIMPLE_HTTPS.test(text) && !text.includes("xn--")) return text;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new InvalidValue(`"${text}" is neither an absolute address nor a path starting with "/"`, URL_RULE);
  }
  if (parsed.protocol !== "https:") {
    throw new InvalidValue(`"${text}" uses "${parsed.protocol}", which is not allowed`, URL_RULE);
  }
  if (!parsed.hostname) throw new InvalidValue(`"${text}" has no host name`, URL_RULE);
  return text;
}

/** Resolves a site-relative path against a dummy origin so it can be inspected with the URL API. */
export function inspectableUrl(url: string): URL {
  return new URL(url, "https://site.invalid");
}

/** The parts of an address that the built-in video providers read: what the URL API gives for them. */
export interface AddressParts {
  protocol: string;
  hostname: string;
  pathname: string;
  href: string;
  searchParams: { get(name: string): string | null };
}

/**
 * The parts of an address of a simple shape, read without the URL API, exactly as `inspectableUrl` would give them;
 * undefined for any other address. Simple: a site path, or an `https:` address with a lower-case host name whose last
 * label starts with a letter (no IP address, port, user or punycode), both with a path of characters that the URL
 * parser keeps as they are and no "." or ".." segment, and a query without "%", "+" or "'" (which it would decode or
 * encode), and no fragment. The bench's addresses and most authors' are of this shape.
 */
export function simpleAddressParts(text: string): AddressParts | undefined {
  let hostname: string;
  let pathname: string;
  let query: string | undefined;
  if (text.charCodeAt(0) === SLASH) {
    if (!SIMPLE_PATH.test(text)) return undefined;
    hostname = SITE_HOST;
    pathname = text;
  } else {
    const match = SIMPLE_HTTPS.exec(text);
    if (!match || match[1]!.includes("xn--")) return undefined;
    hostname = match[1]!;
    pathname = match[2]!;
    query = match[3];
  }
  if (DOT_SEGMENT.test(pathname)) return undefined;
  return {
    protocol: "https:",
    hostname,
    pathname,
    href: hostname === SITE_HOST ? `https://${SITE_HOST}${text}` : text,
    searchParams: { get: (name) => (query === undefined ? null : queryValue(query, name)) },
  };
}

const SLASH = 0x2f;
const SITE_HOST = "site.invalid";
/** Characters the URL parser keeps as they are in a path (nothing it percent-encodes, no "%", "?", "#" or "\\"). */
const SIMPLE_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const SIMPLE_HTTPS = /^https:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)(?:\?([A-Za-z0-9\-._~!$&()*,;=:@/?]*))?$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/** `URLSearchParams.get` for a query without "%" or "+" (nothing to decode). */
function queryValue(query: string, name: string): string | null {
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    if ((equals === -1 ? pair : pair.slice(0, equals)) === name) return equals === -1 ? "" : pair.slice(equals + 1);
  }
  return null;
}

/**
 * A site path or an address, made absolute against the site's address, which ends in "/" and carries any path prefix:
 * "/x.jpg" under "https://a.example/news/" is "https://a.example/news/x.jpg". Machines (feeds, JSON-LD, cards) need it.
 */
export function absoluteUrl(pathOrUrl: string, siteUrl: string): string {
  return new URL(pathOrUrl.startsWith("/") && !pathOrUrl.startsWith("//") ? `.${pathOrUrl}` : pathOrUrl, siteUrl).href;
}
