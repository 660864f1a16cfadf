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

/**
 * A site path or an address, made absolute against the site's address, which ends in "/" and carries any path prefix:
 * "/x.jpg" under "https://a.example/news/" is "https://a.example/news/x.jpg". Machines (feeds, JSON-LD, cards) need it.
 */
export function absoluteUrl(pathOrUrl: string, siteUrl: string): string {
  return new URL(pathOrUrl.startsWith("/") && !pathOrUrl.startsWith("//") ? `.${pathOrUrl}` : pathOrUrl, siteUrl).href;
}
