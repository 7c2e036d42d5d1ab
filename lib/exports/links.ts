// Which scraped URLs may become links: https only, and only to the hosts that serve invoices and
// the billing pages. Anything else is shown as text.
const LINK_HOSTS = new Set(['invoice.stripe.com', 'pay.stripe.com', 'platform.openai.com']);

// An invoice link as the pages write it (one per row, thousands per page): an allowed host and a
// path of plain characters without "." or ".." segments is already what URL would make of it.
const PLAIN_LINK = /^https:\/\/(?:invoice\.stripe\.com|pay\.stripe\.com|platform\.openai\.com)\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?)?$/;

export function safeLink(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2048) return null;
  if (PLAIN_LINK.test(raw)) return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port || !LINK_HOSTS.has(url.hostname)) return null;
  return url.href;
}
