import { token } from '@atlaskit/tokens';
import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';

/**
 * Moving between the page's subpages from inside the frame: through the host's history
 * (`view.createHistory`), so the frame is not reloaded and Jira's URL and side navigation follow.
 */
export const NavigateContext = createContext<(path: string) => void>(() => undefined);

export function SubpageLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  const navigate = useContext(NavigateContext);
  const follow = (event: MouseEvent) => {
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={follow} data-testid={testId} style={{ color: token('color.link', '#0C66E4') }}>
      {children}
    </a>
  );
}
