/**
 * Light or dark: the shell's switch. The choice is kept in a cookie so the server renders the page in it,
 * and every frame that called `view.theme.enable()` follows it.
 */
export type ColorMode = 'light' | 'dark';

const listeners = new Set<() => void>();

export function colorMode(): ColorMode {
  return document.documentElement.getAttribute('data-color-mode') === 'dark' ? 'dark' : 'light';
}

export function setColorMode(mode: ColorMode): void {
  document.documentElement.setAttribute('data-color-mode', mode);
  document.documentElement.style.colorScheme = mode;
  document.cookie = `jira.theme=${mode}; path=/; max-age=31536000; samesite=lax`;
  for (const listener of listeners) listener();
}

export function onColorModeChange(listener: () => void): void {
  listeners.add(listener);
}
