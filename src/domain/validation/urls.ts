// Which URLs a record may hold and which may be shown as a link: one rule for validation (coerce), the tab,
// the Excel add-in and the bot's cards. The allowed schemes are data (the organisation's policy), not code.
// Active schemes (javascript:, data:, vbscript:, file:, blob: …) are refused whatever a policy says: a link
// with one runs code or reads local files when clicked (OWASP XSS prevention cheat sheet, "URL contexts").

/** The schemes an organisation accepts in URL fields, lower case, without the colon. */
export interface UrlPolicy {
  readonly schemes: readonly string[];
}

/** https for links to systems and documents, mailto for a contact; plain http only when a policy adds it. */
export const DEFAULT_URL_POLICY: UrlPolicy = { schemes: ['https', 'mailto'] };

/** Never links, even if a policy lists them. */
export const ACTIVE_URL_SCHEMES: readonly string[] = [
  'javascript',
  'vbscript',
  'data',
  'file',
  'blob',
  'filesystem',
  'about',
  'jar',
  'view-source',
  'ms-appx',
  'ms-appx-web',
];

// C0/C1 controls, zero-width characters, and the bidi embeddings/overrides/isolates that make a link display
// another address than it points to. A URL holds none of them (they would be percent-encoded).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EMAIL = /^[^\s@/?#]+@[^\s@/?#]+\.[^\s@/?#]+$/;

export type UrlCheck =
  | { readonly ok: true; readonly url: string; readonly scheme: string }
  | { readonly ok: false; readonly reason: 'controlCharacters' | 'notAllowed' | 'invalid' };

/** Checks one URL against the policy (after trimming). Never throws. */
export function checkUrl(value: unknown, policy: UrlPolicy = DEFAULT_URL_POLICY): UrlCheck {
  if (typeof value !== 'string') return { ok: false, reason: 'invalid' };
  const url = value.trim();
  if (CONTROL_OR_BIDI.test(url)) return { ok: false, reason: 'controlCharacters' };
  // Whitespace inside a URL is a typing slip or two URLs run together, never one address.
  if (/\s/.test(url)) return { ok: false, reason: 'invalid' };
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return { ok: false, reason: 'invalid' };
  const allowed = policy.schemes.map((s) => s.toLowerCase());
  if (ACTIVE_URL_SCHEMES.includes(scheme) || !allowed.includes(scheme))
    return { ok: false, reason: 'notAllowed' };
  if (scheme === 'mailto') {
    const address = decodeURIComponentSafe(url.slice('mailto:'.length).split('?')[0] ?? '');
    return address !== undefined && EMAIL.test(address)
      ? { ok: true, url, scheme }
      : { ok: false, reason: 'invalid' };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  // Hierarchical schemes need '//' and a host: 'https:evil' or 'https:///x' are not addresses anyone meant.
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(url) || parsed.hostname === '')
    return { ok: false, reason: 'invalid' };
  // Credentials in a link ("https://bank.example@evil.example") disguise where it goes.
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, reason: 'invalid' };
  return { ok: true, url, scheme };
}

/**
 * The href to render for a stored URL, or undefined when it must be shown as plain text. The tab, the
 * add-in and the bot's cards make links only through this function.
 */
export function linkHref(value: unknown, policy: UrlPolicy = DEFAULT_URL_POLICY): string | undefined {
  const check = checkUrl(value, policy);
  return check.ok ? check.url : undefined;
}

function decodeURIComponentSafe(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
