import { token } from '@atlaskit/tokens';

/** Shared looks of the page's plain form controls, drawn with design tokens. */
export const fieldStyle = { display: 'block', marginBottom: token('space.100', '8px') } as const;

export const labelStyle = {
  display: 'block',
  marginBottom: token('space.050', '4px'),
  fontWeight: token('font.weight.semibold', '600'),
} as const;

export const inputStyle = {
  padding: token('space.075', '6px'),
  color: token('color.text', '#172B4D'),
  background: token('color.background.input', '#FFFFFF'),
  border: `1px solid ${token('color.border.input', '#8590A2')}`,
  borderRadius: token('radius.small', '3px'),
  font: token('font.body', '14px sans-serif'),
} as const;

export const sectionTitle = { font: token('font.heading.small', 'bold 16px sans-serif') } as const;

export const formBox = {
  border: `1px solid ${token('color.border', '#091E4224')}`,
  borderRadius: token('radius.medium', '6px'),
  padding: token('space.200', '16px'),
  margin: `${token('space.200', '16px')} 0`,
} as const;
