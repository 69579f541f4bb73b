/**
 * Flags: the small notices Jira stacks in the bottom-left corner. Apps raise them with `showFlag`; the shell
 * uses them for its own errors.
 */
export interface FlagOptions {
  readonly id?: unknown;
  readonly title?: unknown;
  readonly description?: unknown;
  readonly type?: unknown;
  readonly appearance?: unknown;
  readonly isAutoDismiss?: unknown;
  readonly actions?: ReadonlyArray<{ readonly text?: unknown; readonly onClick?: unknown }>;
}

const TYPES = ['info', 'success', 'warning', 'error'];

function container(): HTMLElement {
  let flags = document.getElementById('flags');
  if (!flags) {
    flags = document.createElement('div');
    flags.id = 'flags';
    document.body.append(flags);
  }
  return flags;
}

export function showFlag(options: FlagOptions): void {
  if (options.id === undefined || options.id === null || options.id === '')
    throw new Error('"id" must be defined in flag options');
  const id = String(options.id);
  closeFlag(id);
  const kind = String(options.appearance ?? options.type ?? 'info');
  const flag = document.createElement('div');
  flag.className = `flag flag-${TYPES.includes(kind) ? kind : 'info'}`;
  flag.setAttribute('role', kind === 'error' || kind === 'warning' ? 'alert' : 'status');
  flag.dataset.flagId = id;
  const title = document.createElement('strong');
  title.textContent = String(options.title ?? '');
  flag.append(title);
  if (options.description !== undefined) {
    const description = document.createElement('p');
    description.textContent = String(options.description);
    flag.append(description);
  }
  const actions = document.createElement('div');
  actions.className = 'flag-actions';
  for (const action of options.actions ?? []) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.textContent = String(action.text ?? '');
    button.addEventListener('click', () => {
      if (typeof action.onClick === 'function') (action.onClick as () => void)();
    });
    actions.append(button);
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'link-button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => flag.remove());
  actions.append(dismiss);
  flag.append(actions);
  container().append(flag);
  if (options.isAutoDismiss === true) setTimeout(() => flag.remove(), 8000);
}

export function closeFlag(id: unknown): void {
  for (const flag of container().querySelectorAll<HTMLElement>('.flag'))
    if (flag.dataset.flagId === String(id)) flag.remove();
}

let shellFlags = 0;

/** The shell's own error or success notice. */
export function notify(type: 'error' | 'success' | 'info', title: string, description?: string): void {
  showFlag({ id: `shell-${++shellFlags}`, type, title, description, isAutoDismiss: type !== 'error' });
}
