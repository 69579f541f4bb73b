import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/**
 * A section message drawn with design tokens (the Atlaskit one would double the first paint). Errors are
 * announced (role alert); the rest is read in place.
 */
const TONES = {
  information: [
    token('color.background.information', '#E9F2FF'),
    token('color.border.information', '#1D7AFC'),
  ],
  warning: [token('color.background.warning', '#FFF7D6'), token('color.border.warning', '#E56910')],
  error: [token('color.background.danger', '#FFECEB'), token('color.border.danger', '#E2483D')],
} as const;

export function Notice({
  tone,
  title,
  children,
  testId,
}: {
  tone: keyof typeof TONES;
  title?: string;
  children?: ReactNode;
  testId?: string;
}) {
  const [background, border] = TONES[tone];
  return (
    <section
      role={tone === 'error' ? 'alert' : undefined}
      data-testid={testId}
      style={{
        background,
        borderInlineStart: `${token('border.width.selected', '2px')} solid ${border}`,
        borderRadius: token('radius.small', '3px'),
        padding: token('space.150', '12px'),
        margin: `${token('space.100', '8px')} 0`,
        color: token('color.text', '#172B4D'),
      }}
    >
      {title && (
        <strong style={{ display: 'block', marginBottom: token('space.050', '4px') }}>{title}</strong>
      )}
      {children}
    </section>
  );
}
