import { html } from '../html';

/** Small pieces several pages share. */
export function statusLozenge(status: { name: string; statusCategory?: { key: string } } | undefined) {
  if (!status) return html``;
  return html`<span class="lozenge ${status.statusCategory?.key ?? 'new'}">${status.name}</span>`;
}

export function formatTime(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
