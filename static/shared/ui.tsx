import { token } from '@atlaskit/tokens';
import { Badge as SharedBadge, type BadgeAppearance } from './badge';
import type { CSSProperties, ReactNode } from 'react';

/**
 * Small building blocks both SPOC gadgets draw with design tokens, in the issue panel's look. The Atlaskit
 * lozenge and section message would bring their primitives into each gadget's first paint; these are a few
 * hundred bytes. Every text comes from the gadget's own messages module.
 */
export const pageStyle: CSSProperties = {
  color: token('color.text', '#172B4D'),
  font: token('font.body', '14px sans-serif'),
  padding: token('space.025', '2px'),
};

export const fieldStyle: CSSProperties = {
  display: 'grid',
  gap: token('space.050', '4px'),
  marginBottom: token('space.150', '12px'),
};

export const controlStyle: CSSProperties = {
  font: 'inherit',
  color: token('color.text', '#172B4D'),
  background: token('color.background.input', '#FFFFFF'),
  border: `1px solid ${token('color.border.input', '#8590A2')}`,
  borderRadius: token('radius.small', '3px'),
  padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`,
  minHeight: '32px',
};

export const subtleText: CSSProperties = {
  color: token('color.text.subtle', '#44546F'),
  font: token('font.body.small', '12px sans-serif'),
};

export const tableStyle: CSSProperties = { width: '100%', borderCollapse: 'collapse' };
export const cellStyle: CSSProperties = {
  textAlign: 'start',
  padding: `${token('space.050', '4px')} ${token('space.075', '6px')}`,
  borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
  verticalAlign: 'top',
};
export const headStyle: CSSProperties = {
  ...cellStyle,
  color: token('color.text.subtle', '#44546F'),
  font: token('font.body.small', '12px sans-serif'),
  fontWeight: token('font.weight.bold', '700'),
};

export type Tone = 'neutral' | 'information' | 'success' | 'warning' | 'danger';

/** The gadgets name badge colours by tone; the shared lozenge names them as Atlaskit does. */
const APPEARANCE: Record<Tone, BadgeAppearance> = {
  neutral: 'default',
  information: 'inprogress',
  success: 'success',
  warning: 'moved',
  danger: 'removed',
};

/** A lozenge: short uppercase state text. */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <SharedBadge appearance={APPEARANCE[tone]}>{children}</SharedBadge>;
}

/** Section messages are shared with the panel and the project page. */
export { Notice } from './notice';

const TILE_TEXT: Record<Tone, string> = {
  neutral: token('color.text', '#172B4D'),
  information: token('color.text.information', '#0055CC'),
  success: token('color.text.success', '#216E4E'),
  warning: token('color.text.warning', '#A54800'),
  danger: token('color.text.danger', '#AE2E24'),
};

/** One number with its label, for the row of totals at the top of a gadget. */
export function Stat({
  label,
  value,
  tone = 'neutral',
  testId,
}: {
  label: string;
  value: number;
  tone?: Tone;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      style={{
        minWidth: '88px',
        padding: token('space.100', '8px'),
        borderRadius: token('radius.medium', '6px'),
        background: token('elevation.surface.sunken', '#F7F8F9'),
      }}
    >
      <div style={{ font: token('font.heading.medium', '500 20px sans-serif'), color: TILE_TEXT[tone] }}>
        {value}
      </div>
      <div style={subtleText}>{label}</div>
    </div>
  );
}

export function StatRow({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div
      role="group"
      aria-label={label}
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: token('space.100', '8px'),
        margin: `${token('space.100', '8px')} 0`,
      }}
    >
      {children}
    </div>
  );
}

/**
 * A bar of `value` out of `max`: green, amber when nearly full, red when full. `level` says which (the
 * workload resolver decides it from the gadget's settings); without it, amber starts at `warnPercent`.
 */
export function Meter({
  value,
  max,
  warnPercent = 80,
  level,
  label,
}: {
  value: number;
  max: number;
  warnPercent?: number;
  level?: 'under' | 'nearly-full' | 'full';
  label: string;
}) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  const shown = level ?? (percent >= 100 ? 'full' : percent >= warnPercent ? 'nearly-full' : 'under');
  const fill =
    shown === 'full'
      ? token('color.background.danger.bold', '#C9372C')
      : shown === 'nearly-full'
        ? token('color.background.warning.bold', '#F5CD47')
        : token('color.background.success.bold', '#1F845A');
  return (
    <div
      role="meter"
      data-level={shown}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      style={{
        width: '56px',
        height: '8px',
        borderRadius: '4px',
        background: token('color.background.neutral', '#091E420F'),
        overflow: 'hidden',
        display: 'inline-block',
        verticalAlign: 'middle',
      }}
    >
      <div style={{ width: `${Math.min(100, percent)}%`, height: '100%', background: fill }} />
    </div>
  );
}

export interface ChartSeries {
  readonly name: string;
  readonly colour: string;
}

export const CHART_COLOURS = [
  token('color.chart.blue.bold', '#1D7AFC'),
  token('color.chart.purple.bold', '#8F7EE7'),
  token('color.chart.teal.bold', '#2898BD'),
  token('color.chart.orange.bold', '#E56910'),
  token('color.chart.red.bold', '#E2483D'),
] as const;

/**
 * A horizontal stacked bar chart in SVG: one bar per row, one segment per series. The chart is an image
 * with a written summary for screen readers; the table next to it carries the same numbers. It is drawn
 * `width` pixels wide (the gadget's column), so its 11 px text stays 11 px in a narrow column, and its
 * legend wraps onto as many lines as it needs.
 */
export function StackedBarChart({
  rows,
  series,
  summary,
  testId,
  width = 360,
}: {
  rows: ReadonlyArray<{ readonly label: string; readonly values: readonly number[] }>;
  series: readonly ChartSeries[];
  summary: string;
  testId?: string;
  width?: number;
}) {
  // About 6 px a character at 11 px.
  const charWidth = 6;
  const labelWidth = Math.round(Math.min(140, width * 0.35));
  const labelChars = Math.floor((labelWidth - 6) / charWidth);
  const barHeight = 16;
  const gap = 6;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const scale = (width - labelWidth - 30) / max;
  const legendLine = 16;
  // Legend entries side by side, each as wide as its name, onto a new line when the next would not fit.
  const legend: Array<{ x: number; line: number }> = [];
  let x = 0;
  let line = 0;
  for (const s of series) {
    const entry = s.name.length * charWidth + 28;
    if (x > 0 && x + entry > width) {
      x = 0;
      line++;
    }
    legend.push({ x, line });
    x += entry;
  }
  const barsHeight = rows.length * (barHeight + gap);
  const height = barsHeight + 8 + (line + 1) * legendLine;
  const text = token('color.text', '#172B4D');
  return (
    <figure style={{ margin: `${token('space.100', '8px')} 0` }} data-testid={testId}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width}px` }}
      >
        <title>{summary}</title>
        {rows.map((row, i) => {
          const y = i * (barHeight + gap);
          let barX = labelWidth;
          const total = row.values.reduce((a, b) => a + b, 0);
          return (
            <g key={row.label}>
              <text x={0} y={y + 12} fontSize="11" fill={text}>
                {row.label.length > labelChars ? `${row.label.slice(0, labelChars - 1)}…` : row.label}
              </text>
              {row.values.map((value, s) => {
                const w = value * scale;
                const rect = (
                  <rect
                    key={s}
                    x={barX}
                    y={y}
                    width={w}
                    height={barHeight}
                    fill={series[s]?.colour ?? text}
                  />
                );
                barX += w;
                return rect;
              })}
              <text x={barX + 4} y={y + 12} fontSize="11" fill={text}>
                {total}
              </text>
            </g>
          );
        })}
        {series.map((s, i) => (
          <g
            key={s.name}
            transform={`translate(${legend[i]?.x ?? 0}, ${barsHeight + 8 + (legend[i]?.line ?? 0) * legendLine})`}
          >
            <rect width={10} height={10} fill={s.colour} />
            <text x={14} y={9} fontSize="11" fill={text}>
              {s.name}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** Whole numbers in a range, or undefined (for the edit views' checks). */
export function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** A field's label, control and error in words, tied together for screen readers. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div style={fieldStyle}>
      <label htmlFor={id} style={{ fontWeight: token('font.weight.medium', '500') }}>
        {label}
      </label>
      {children}
      {hint && (
        <span id={`${id}-hint`} style={subtleText}>
          {hint}
        </span>
      )}
      {error && (
        <span
          id={`${id}-error`}
          data-testid={`${id}-error`}
          style={{ color: token('color.text.danger', '#AE2E24') }}
        >
          {error}
        </span>
      )}
    </div>
  );
}

/** aria attributes a control inside `Field` needs. */
export function describedBy(id: string, hint: boolean, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}
