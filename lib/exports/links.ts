// Which scraped URLs may become links: https only, and only to the hosts that serve invoices and
// the billing pages. Anything else is shown as text.
const LINK_HOSTS = new Set(['invoice.stripe.com', 'pay.stripe.com', 'platform.openai.com']);

export function safeLink(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port || !LINK_HOSTS.has(url.hostname)) return null;
  return url.href;
}
