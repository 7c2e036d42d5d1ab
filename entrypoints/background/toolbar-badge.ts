// The toolbar badge: how many critical alerts the current organization has, in red.
import { browser } from 'wxt/browser';
import type { Report } from '../../lib/report-schema';

export async function showCriticalCount(report: Report | null): Promise<void> {
  const critical = report ? report.alerts.filter((a) => a.severity === 'critical').length : 0;
  await browser.action.setBadgeText({ text: critical ? String(Math.min(critical, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#c62828' });
  await browser.action.setTitle({ title: critical ? `Credit Lens: ${critical} critical alert${critical > 1 ? 's' : ''}` : 'Credit Lens' });
}
