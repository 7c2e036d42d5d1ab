// The toolbar popup: what Credit Lens has read so far, and links to the billing pages.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PAGE_KINDS, pageUrl } from '../lib/dashboard/routes';
import { PAGE_TITLES } from './page-titles';

interface Visit {
  seenAt: string;
  rows: number;
  understood: boolean;
  warnings: number;
  organization: string | null;
}

export function Popup() {
  const [visits, setVisits] = useState<Record<string, Visit> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    browser.runtime.sendMessage({ type: 'status' }).then(
      (r: unknown) => {
        const response = r as { ok?: boolean; visits?: Record<string, Visit>; error?: string };
        if (response?.ok) setVisits(response.visits ?? {});
        else setError(response?.error ?? 'No answer from the extension.');
      },
      (e: unknown) => setError(String(e)),
    );
  }, []);
  return (
    <main class="popup">
      <h1>Credit Lens</h1>
      {error && <p role="alert">{error}</p>}
      {!visits && !error && <p>Loading…</p>}
      {visits && (
        <table class="pages">
          <caption>Billing pages read</caption>
          <tbody>
            {PAGE_KINDS.map((kind) => {
              const v = visits[kind];
              return (
                <tr key={kind} data-page={kind}>
                  <th scope="row">
                    <a href={pageUrl(kind)} target="_blank" rel="noreferrer">
                      {PAGE_TITLES[kind]}
                    </a>
                  </th>
                  <td>{v ? (v.understood ? `${v.rows} rows, ${v.seenAt.replace('T', ' ')}` : 'not readable') : 'not visited yet'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
