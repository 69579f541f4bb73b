import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { SiteResponse } from '../http/types';

/**
 * The shell's own static assets: its browser code (bundled from client/ with esbuild on first use), its
 * stylesheet, and the Atlassian design-token themes that Custom UI frames get from `view.theme.enable()`.
 */
const CLIENT_ENTRIES = {
  'shell.js': path.join(__dirname, 'client', 'shell.ts'),
  'frame-bridge.js': path.join(__dirname, 'client', 'frame-bridge.ts'),
} as const;

export type ClientAsset = keyof typeof CLIENT_ENTRIES;

const THEMES = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
];

export class ShellAssets {
  private readonly bundles = new Map<ClientAsset, Promise<string>>();
  private themeCss: string | undefined;
  private shellCss: string | undefined;

  isClientAsset(name: string): name is ClientAsset {
    return Object.hasOwn(CLIENT_ENTRIES, name);
  }

  /** Bundled once per process; the source only changes when the site itself is edited. */
  client(name: ClientAsset): Promise<string> {
    let bundle = this.bundles.get(name);
    if (!bundle) {
      bundle = esbuild
        .build({
          entryPoints: [CLIENT_ENTRIES[name]],
          bundle: true,
          format: 'iife',
          target: ['chrome110', 'firefox110', 'safari16'],
          minify: true,
          write: false,
          logLevel: 'silent',
        })
        .then((result) => result.outputFiles[0]?.text ?? '');
      bundle.catch(() => this.bundles.delete(name));
      this.bundles.set(name, bundle);
    }
    return bundle;
  }

  theme(): string {
    this.themeCss ??= THEMES.map((theme) => {
      // The token package ships each theme as a CSS string module; Jira loads the same CSS.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const css = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string };
      return css.default;
    }).join('\n');
    return this.themeCss;
  }

  shell(): string {
    this.shellCss ??= fs.readFileSync(path.join(__dirname, 'shell.css'), 'utf8');
    return this.shellCss;
  }

  async serve(name: string): Promise<SiteResponse | undefined> {
    if (this.isClientAsset(name)) return asset(await this.client(name), 'text/javascript; charset=utf-8');
    if (name === 'theme.css') return asset(this.theme(), 'text/css; charset=utf-8');
    if (name === 'shell.css') return asset(this.shell(), 'text/css; charset=utf-8');
    return undefined;
  }
}

function asset(body: string, contentType: string): SiteResponse {
  return { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-cache' }, body };
}
