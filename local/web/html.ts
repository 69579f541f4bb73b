import type { ShellFacts } from './client/host-api';

/**
 * Server-side HTML for the shell pages: a tagged template that escapes every interpolated value unless it
 * is already `Html`, and the page layout (top bar with navigation, theme switch and user switcher).
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(value: Part): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map((v) => render(v as Part)).join('');
  return escapeHtml(value);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

export function raw(text: string): Html {
  return new Html(text);
}

/** JSON inside `<script type="application/json">` or an attribute, safe from `</script>` and quotes. */
export function jsonScript(value: unknown): Html {
  return raw(
    JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'),
  );
}

export interface PersonOption {
  readonly email: string;
  readonly displayName: string;
  /** What the person does, as the seed says (or their groups). */
  readonly title: string;
}

export interface Viewer {
  readonly accountId: string;
  readonly displayName: string;
  readonly email: string | null;
}

export interface LayoutOptions {
  readonly title: string;
  readonly viewer: Viewer | undefined;
  readonly people: readonly PersonOption[];
  /** Path and query of this page, where switching user returns to. */
  readonly here: string;
  readonly colorMode: 'light' | 'dark';
  readonly site: ShellFacts;
  readonly body: Html;
  readonly sidebar?: Html;
  /** `data-page` of `<main>`, for the browser code. */
  readonly page?: string;
}

export function layout(options: LayoutOptions): string {
  const { viewer } = options;
  const page = html`<!doctype html>
    <html
      lang="en"
      data-theme="dark:dark light:light spacing:spacing typography:typography shape:shape"
      data-color-mode="${options.colorMode}"
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} - Jira (local)</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/local/web/theme.css" />
        <link rel="stylesheet" href="/local/web/shell.css" />
        <script type="application/json" id="forge-site">
          ${jsonScript(options.site)}
        </script>
        <script src="/local/web/shell.js"></script>
      </head>
      <body>
        <header class="topbar">
          <a class="brand" href="/">Jira <small>local</small></a>
          <nav class="topnav" aria-label="Jira">
            <a href="/">Projects</a>
            <a href="/jira/dashboards">Dashboards</a>
            <a href="/secure/CreateIssue.jspa">Create</a>
            <a href="/local/requests">Request log</a>
          </nav>
          <span class="spacer"></span>
          <button type="button" data-action="theme-toggle" aria-label="Switch between light and dark theme">
            ◐ Theme
          </button>
          <form
            class="switcher"
            id="user-switcher"
            data-action="switch-user"
            method="get"
            action="/local/login"
          >
            <span class="who" data-testid="signed-in-as"
              >${viewer ? viewer.displayName : 'Not signed in'}</span
            >
            <input type="hidden" name="next" value="${options.here}" />
            <select id="switch-as" name="as" aria-label="Sign in as">
              ${viewer ? null : html`<option value="" selected disabled>Sign in as…</option>`}
              ${options.people.map(
                (p) =>
                  html`<option value="${p.email}" ${viewer?.email === p.email ? raw('selected') : null}>
                    ${p.displayName} — ${p.title}
                  </option>`,
              )}
            </select>
            <noscript><button type="submit">Switch</button></noscript>
            ${viewer ? html`<a href="/local/logout?next=${encodeURIComponent(options.here)}">Sign out</a>` : null}
          </form>
        </header>
        <div class="layout">
          ${options.sidebar ?? null}
          <main id="main" ${options.page ? raw(`data-page="${escapeHtml(options.page)}"`) : null}>
            ${options.body}
          </main>
        </div>
        <div id="flags" aria-live="polite"></div>
      </body>
    </html> `;
  return page.text;
}
