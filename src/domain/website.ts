export type WebsiteResult = { url: string } | { url: null; problem: string | null };

/**
 * Turns a website as written ("www.inac.org.al", "http://cyp.al", "-") into a safe http(s)
 * URL, or says why it cannot. Other schemes (javascript:, data:, mailto:) are refused, so a
 * link built from the result can never run script.
 *
 * @example normaliseWebsite('www.inac.org.al') // { url: 'https://www.inac.org.al/' }
 */
export function normaliseWebsite(raw: string): WebsiteResult {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed === '-' || /^(n\/?a|none)$/i.test(trimmed)) {
    return { url: null, problem: null };
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  if (hasScheme && !/^https?:\/\//i.test(trimmed)) {
    return { url: null, problem: `only http and https links are allowed, not "${trimmed}"` };
  }
  const candidate = hasScheme ? trimmed : `https://${trimmed}`;
  // Check the host as written: URL would turn "ëordpress.com" into punycode and accept it.
  const writtenHost = candidate.replace(/^https?:\/\//i, '').split(/[/?#:]/)[0] ?? '';
  if (/[^\x21-\x7e]/.test(writtenHost)) {
    return {
      url: null,
      problem: `the host "${writtenHost}" has letters outside ASCII; check it for a typing or extraction error`,
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { url: null, problem: `"${trimmed}" is not a web address` };
  }
  if (!/^[a-z0-9.-]+$/i.test(parsed.hostname) || !parsed.hostname.includes('.')) {
    return { url: null, problem: `"${parsed.hostname}" is not a valid host name` };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { url: null, problem: 'web addresses with a user name or password are not allowed' };
  }
  return { url: parsed.href };
}
