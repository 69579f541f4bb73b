import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/**
 * A lozenge in Atlassian's colours, drawn with design tokens. `@atlaskit/lozenge` would bring its primitives
 * and feature-flag client into the first paint (about 60 KB gzipped), more than the panel's whole budget.
 */
export type BadgeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

const COLOURS: Record<BadgeAppearance, { subtle: [string, string]; bold: [string, string] }> = {
  default: {
    subtle: [token('color.background.neutral', '#091E420F'), token('color.text.subtle', '#44546F')],
    bold: [token('color.background.neutral.bold', '#44546F'), token('color.text.inverse', '#FFFFFF')],
  },
  inprogress: {
    subtle: [token('color.background.information', '#E9F2FF'), token('color.text.information', '#0055CC')],
    bold: [token('color.background.information.bold', '#0C66E4'), token('color.text.inverse', '#FFFFFF')],
  },
  moved: {
    subtle: [token('color.background.warning', '#FFF7D6'), token('color.text.warning', '#A54800')],
    bold: [token('color.background.warning.bold', '#F5CD47'), token('color.text.warning.inverse', '#172B4D')],
  },
  new: {
    subtle: [token('color.background.discovery', '#F3F0FF'), token('color.text.discovery', '#5E4DB2')],
    bold: [token('color.background.discovery.bold', '#6E5DC6'), token('color.text.inverse', '#FFFFFF')],
  },
  removed: {
    subtle: [token('color.background.danger', '#FFECEB'), token('color.text.danger', '#AE2E24')],
    bold: [token('color.background.danger.bold', '#C9372C'), token('color.text.inverse', '#FFFFFF')],
  },
  success: {
    subtle: [token('color.background.success', '#DCFFF1'), token('color.text.success', '#216E4E')],
    bold: [token('color.background.success.bold', '#1F845A'), token('color.text.inverse', '#FFFFFF')],
  },
};

/** Triage states as lozenges, the same on every SPOC screen. */
export const TRIAGE_STATE_APPEARANCE: Readonly<Record<string, BadgeAppearance>> = {
  'awaiting-spoc': 'new',
  'info-requested': 'moved',
  vetted: 'success',
  rejected: 'removed',
  duplicate: 'default',
  returned: 'moved',
};

export function Badge({
  appearance = 'default',
  isBold = false,
  children,
}: {
  appearance?: BadgeAppearance;
  isBold?: boolean;
  children: ReactNode;
}) {
  const [background, color] = COLOURS[appearance][isBold ? 'bold' : 'subtle'];
  return (
    <span
      style={{
        display: 'inline-block',
        padding: `0 ${token('space.050', '4px')}`,
        borderRadius: token('radius.small', '3px'),
        background,
        color,
        font: token('font.body.small', '11px sans-serif'),
        fontWeight: token('font.weight.bold', '700'),
        textTransform: 'uppercase',
        whiteSpace: 'nowrap',
        lineHeight: '16px',
      }}
    >
      {children}
    </span>
  );
}
