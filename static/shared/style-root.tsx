import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { StyleSheet } from '@emotion/sheet';
import type { ReactNode } from 'react';

/**
 * Forge's Content-Security-Policy has no `style-src 'unsafe-inline'`, so the `<style>` element Emotion
 * writes its rules into (Atlaskit's calendar and older primitives still style with Emotion) is refused and
 * every rule in it is lost. This root gives Emotion a sheet that writes into a constructable stylesheet the
 * document adopts instead: style-src does not govern the CSSOM, and no `<style>` element is ever made.
 */
class AdoptedStyleSheet extends StyleSheet {
  private readonly rules = new CSSStyleSheet();

  constructor(options: ConstructorParameters<typeof StyleSheet>[0]) {
    super(options);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.rules];
  }

  // Nothing is rendered on a server, so there are no <style> elements to take over.
  override hydrate(): void {}

  override insert(rule: string): void {
    try {
      this.rules.insertRule(rule, this.rules.cssRules.length);
    } catch {
      // A selector this browser does not know (`::-moz-…`): skipped, as Emotion's own sheet skips it.
    }
    this.ctr++;
  }

  override flush(): void {
    this.rules.replaceSync('');
    this.ctr = 0;
  }
}

const cache = createCache({ key: 'spoc' });
cache.sheet = new AdoptedStyleSheet({ key: cache.key, container: document.head, speedy: true });

/** Wraps a bundle's whole tree, so every Emotion style under it, portals included, goes to the adopted sheet. */
export function StyleRoot({ children }: { children: ReactNode }) {
  return <CacheProvider value={cache}>{children}</CacheProvider>;
}
