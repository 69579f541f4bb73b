/**
 * `/local/requests`: every request the site's Jira REST API answered (people, the app as itself and the app
 * as a person), with the rate-limit points charged, from `GET /local/api/requests`.
 */
import type { RequestLogEntry } from '../../gateway/types';
import { restJson } from './rest';

type Entry = RequestLogEntry;

interface Log {
  readonly entries: readonly Entry[];
  readonly totals?: { readonly requests: number; readonly points: number; readonly rateLimited: number };
}

function cell(row: HTMLTableRowElement, text: string, className?: string): void {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

export async function renderRequestLog(): Promise<void> {
  const table = document.querySelector<HTMLTableElement>('#request-log');
  const summary = document.querySelector<HTMLElement>('#request-totals');
  if (!table || !summary) return;
  const caller = document.querySelector<HTMLSelectElement>('#request-caller')?.value ?? '';
  const log = await restJson<Log>(
    'GET',
    `/local/api/requests${caller ? `?caller=${encodeURIComponent(caller)}` : ''}`,
  );
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren();
  for (const entry of [...log.entries].reverse()) {
    const row = body.insertRow();
    cell(row, String(entry.id));
    cell(row, entry.at);
    cell(row, entry.caller);
    cell(row, entry.method);
    cell(row, entry.path, 'path');
    cell(row, String(entry.status));
    cell(row, String(entry.points));
    cell(
      row,
      [entry.rateLimitReason, entry.injectedFault ? 'injected fault' : '', entry.invocationId]
        .filter(Boolean)
        .join(' · '),
    );
  }
  const totals = log.totals;
  summary.textContent = totals
    ? `${totals.requests} requests, ${totals.points} points, ${totals.rateLimited} rate-limited`
    : `${log.entries.length} requests`;
}
