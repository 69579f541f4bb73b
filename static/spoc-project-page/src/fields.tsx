import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';
import type { Reply } from './api';
import { labelStyle } from './forms';

/**
 * Problems shown at the field they belong to, in the looks of Atlaskit's form messages (helper text under
 * the control, an error in danger colour with its icon), tied to the control for screen readers. The
 * server answers each problem with the field's path in the payload (`profile.workingHours[2].start`); a
 * form keeps them by path and each field shows its own. `@atlaskit/form` itself would add its final-form
 * machinery to the bundle for what is, here, a label, a control and two lines of text.
 */
export type FieldProblems = Readonly<Record<string, readonly string[]>>;

export const NO_PROBLEMS: FieldProblems = {};

/** A failed reply's problems by field; `strip` drops the payload's prefix (`profile.`). */
export function problemsOf(reply: Reply<unknown>, strip = ''): FieldProblems {
  if (reply.ok || !reply.problems) return NO_PROBLEMS;
  const byField: Record<string, string[]> = {};
  for (const p of reply.problems) {
    const field = strip && p.field.startsWith(strip) ? p.field.slice(strip.length) : p.field;
    (byField[field] ??= []).push(p.message);
  }
  return byField;
}

/** The problems of one field, or of every field under it (`workingHours` takes `workingHours[0].end`). */
export function problemsAt(problems: FieldProblems, field: string, withNested = false): readonly string[] {
  if (!withNested) return problems[field] ?? [];
  return Object.entries(problems)
    .filter(([f]) => f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`))
    .flatMap(([, messages]) => messages);
}

/** The problems without those of a field and every field under it, once the person changed it. */
export function dropUnder(problems: FieldProblems, field: string): FieldProblems {
  const kept = Object.entries(problems).filter(
    ([f]) => !(f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`)),
  );
  return kept.length === Object.keys(problems).length ? problems : Object.fromEntries(kept);
}

const small = token('font.body.small', '12px sans-serif');

function ErrorIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" style={{ flex: 'none' }}>
      <path
        fill="currentColor"
        d="M13.48 4.83l6.88 12.1A1.75 1.75 0 0 1 18.84 19.5H5.16a1.75 1.75 0 0 1-1.52-2.57l6.88-12.1a1.7 1.7 0 0 1 2.96 0zM12 8.5a1 1 0 0 0-1 1v4a1 1 0 0 0 2 0v-4a1 1 0 0 0-1-1zm0 9a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5z"
      />
    </svg>
  );
}

/** An error under a field (Atlaskit's ErrorMessage): announced when it appears. */
export function ErrorMessage({ id, testId, children }: { id: string; testId?: string; children: ReactNode }) {
  return (
    <div
      id={id}
      data-testid={testId}
      aria-live="polite"
      style={{
        display: 'flex',
        gap: token('space.050', '4px'),
        alignItems: 'flex-start',
        marginTop: token('space.050', '4px'),
        color: token('color.text.danger', '#AE2E24'),
        font: small,
      }}
    >
      <ErrorIcon />
      <span>{children}</span>
    </div>
  );
}

/** What a field takes, told before anything is sent (Atlaskit's HelperMessage). */
export function HelperMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div
      id={id}
      style={{
        marginTop: token('space.050', '4px'),
        color: token('color.text.subtlest', '#626F86'),
        font: small,
      }}
    >
      {children}
    </div>
  );
}

/** The aria attributes of a control whose field shows a helper and errors. */
export function describedBy(id: string, helper: boolean, errors: readonly string[]) {
  const ids = [helper ? `${id}-helper` : '', errors.length ? `${id}-error` : ''].filter(Boolean);
  return {
    'aria-invalid': errors.length ? true : undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  } as const;
}

/** The messages under a control: its helper, then each of its errors. */
export function FieldMessages({
  id,
  helper,
  errors,
  testId,
}: {
  id: string;
  helper?: ReactNode;
  errors: readonly string[];
  testId?: string;
}) {
  return (
    <>
      {helper && <HelperMessage id={`${id}-helper`}>{helper}</HelperMessage>}
      {errors.length > 0 && (
        <ErrorMessage id={`${id}-error`} testId={testId}>
          {errors.join(' ')}
        </ErrorMessage>
      )}
    </>
  );
}

/** A label, a control (given the aria attributes to spread), its helper and its errors. */
export function FormField({
  id,
  label,
  helper,
  errors = [],
  errorTestId,
  style,
  children,
}: {
  id: string;
  label: ReactNode;
  helper?: ReactNode;
  errors?: readonly string[];
  errorTestId?: string;
  style?: CSSProperties;
  children: (aria: ReturnType<typeof describedBy>) => ReactNode;
}) {
  return (
    <div style={{ display: 'block', marginBottom: token('space.150', '12px'), ...style }}>
      <label htmlFor={id} style={labelStyle}>
        {label}
      </label>
      {children(describedBy(id, helper !== undefined, errors))}
      <FieldMessages id={id} helper={helper} errors={errors} testId={errorTestId} />
    </div>
  );
}
