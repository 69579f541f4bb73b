import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { GadgetConfigCheck, GadgetConfigField, GadgetConfigProblem } from '../../src/contract/gadgets';
import type { ProjectChoice } from './gadget-bridge';
import { PeoplePicker, type PeoplePickerTexts, type PickedPerson } from './people-picker';
import { controlStyle, describedBy, Field, Notice } from './ui';

/**
 * The edit view both gadgets share: projects (any number; none means all), SPOCs (Jira's people search;
 * none means everyone), then each gadget's own number and choice fields. It checks what it saves with the
 * same function the resolver uses (src/contract/gadgets.ts), saves the checked configuration with
 * `view.submit`, and when the saved configuration is unusable it says so and marks the fields to fix.
 * Loaded lazily: the Atlaskit select and avatars are not part of the view's first paint.
 */
export interface GadgetFormApi {
  getProjects(): Promise<ProjectChoice[]>;
  searchPeople(query: string): Promise<readonly PickedPerson[]>;
  /** The people Jira answers for, in any order. */
  getPeople(accountIds: readonly string[]): Promise<readonly PickedPerson[]>;
  save(config: object): Promise<void>;
  cancel(): Promise<void>;
}

interface FieldBase {
  readonly name: GadgetConfigField;
  readonly label: string;
  readonly hint?: string;
  /** Shown under the field when its value cannot be saved. */
  readonly invalid: string;
}

export type SettingField =
  | (FieldBase & { readonly kind: 'number'; readonly optional?: boolean })
  | (FieldBase & {
      readonly kind: 'choice';
      readonly options: ReadonlyArray<{ readonly value: number; readonly label: string }>;
    });

/** The settings both gadgets end with: how many rows to show, and how often Jira refreshes the gadget. */
export function rowsAndRefresh(texts: {
  readonly maxRowsLabel: string;
  readonly invalidMaxRows: string;
  readonly refreshLabel: string;
  readonly refreshHint: string;
  readonly invalidRefresh: string;
}): SettingField[] {
  return [
    { kind: 'number', name: 'maxRows', label: texts.maxRowsLabel, invalid: texts.invalidMaxRows },
    {
      kind: 'number',
      name: 'refresh',
      label: texts.refreshLabel,
      hint: texts.refreshHint,
      invalid: texts.invalidRefresh,
      optional: true,
    },
  ];
}

export interface GadgetFormTexts {
  readonly heading: string;
  readonly save: string;
  readonly saving: string;
  readonly cancel: string;
  readonly fixErrors: string;
  readonly savedInvalid: string;
  readonly savedInvalidHint: string;
  readonly projectsLabel: string;
  readonly projectsHint: string;
  readonly projectsPlaceholder: string;
  readonly projectsLoading: string;
  readonly noProjects: string;
  readonly projectsFailed: (error: string) => string;
  readonly invalidProjects: string;
  readonly spocsLabel: string;
  readonly spocsHint: string;
  readonly spocsFailed: (error: string) => string;
  readonly invalidSpocs: string;
  readonly people: PeoplePickerTexts;
}

type Errors = Partial<Record<GadgetConfigField | 'configuration', string>>;

interface ProjectOption {
  readonly value: string;
  readonly label: string;
}

const PROJECTS = 'projectKeys';
const SPOCS = 'spocAccountIds';

function recordOf(saved: unknown): Readonly<Record<string, unknown>> {
  return saved && typeof saved === 'object' && !Array.isArray(saved)
    ? (saved as Record<string, unknown>)
    : {};
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** What the form starts from: the saved values as they are (wrong ones too, to be fixed), else the defaults. */
function startingValues(
  saved: unknown,
  defaults: Readonly<Record<string, unknown>>,
  fields: readonly SettingField[],
) {
  const raw = recordOf(saved);
  const text = (field: SettingField): string => {
    const value = raw[field.name] ?? defaults[field.name];
    if (typeof value === 'number' || typeof value === 'string') return String(value);
    return field.kind === 'choice' ? String(field.options[0]?.value ?? '') : '';
  };
  return {
    projectKeys:
      raw.projectKeys === undefined && typeof raw.projectKey === 'string' && raw.projectKey
        ? [raw.projectKey]
        : strings(raw.projectKeys),
    spocAccountIds: strings(raw.spocAccountIds),
    values: Object.fromEntries(fields.map((f) => [f.name, text(f)])) as Record<string, string>,
  };
}

/** A field's text as the value to check: whole numbers as numbers, anything else as typed (to be refused). */
function valueOf(text: string, field: SettingField): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return field.kind === 'number' && field.optional ? undefined : trimmed;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function GadgetForm<Config extends object>({
  saved,
  check,
  fields,
  texts,
  api,
}: {
  saved: unknown;
  check: (raw: unknown) => GadgetConfigCheck<Config>;
  fields: readonly SettingField[];
  texts: GadgetFormTexts;
  api: GadgetFormApi;
}) {
  const start = useMemo(() => {
    const defaults = check({});
    return startingValues(saved, defaults.ok ? (defaults.config as Record<string, unknown>) : {}, fields);
  }, [saved, check, fields]);
  const errorsFrom = (problems: readonly GadgetConfigProblem[]): Errors =>
    Object.fromEntries(
      problems.map((p) => [
        p.field,
        p.field === PROJECTS
          ? texts.invalidProjects
          : p.field === SPOCS
            ? texts.invalidSpocs
            : (fields.find((f) => f.name === p.field)?.invalid ?? p.message),
      ]),
    );
  const savedProblems = useMemo(() => {
    const checked = check(saved);
    return checked.ok ? [] : checked.problems;
  }, [saved, check]);

  const [projects, setProjects] = useState<readonly ProjectChoice[] | undefined>();
  const [projectsError, setProjectsError] = useState<string | undefined>();
  const [projectKeys, setProjectKeys] = useState<readonly string[]>(start.projectKeys);
  const [spocs, setSpocs] = useState<readonly PickedPerson[]>(
    start.spocAccountIds.map((accountId) => ({ accountId, displayName: accountId })),
  );
  const [spocsError, setSpocsError] = useState<string | undefined>();
  const [values, setValues] = useState<Record<string, string>>(start.values);
  const [errors, setErrors] = useState<Errors>(() => errorsFrom(savedProblems));
  const [saveError, setSaveError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    api.getProjects().then(setProjects, (e: unknown) => {
      setProjects([]);
      setProjectsError((e as Error).message);
    });
    const ids = start.spocAccountIds;
    if (ids.length === 0) return;
    // Names and avatars of the saved SPOCs, unless the person has changed the choice meanwhile.
    api.getPeople(ids).then(
      (found) => {
        // In the saved order; anyone Jira does not answer for keeps their account id.
        const people = ids.map(
          (id) => found.find((p) => p.accountId === id) ?? { accountId: id, displayName: id },
        );
        setSpocs((current) => (current.map((p) => p.accountId).join() === ids.join() ? people : current));
      },
      (e: unknown) => setSpocsError((e as Error).message),
    );
  }, [api, start]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const candidate: Record<string, unknown> = {
      ...(projectKeys.length > 0 ? { [PROJECTS]: projectKeys } : {}),
      ...(spocs.length > 0 ? { [SPOCS]: spocs.map((s) => s.accountId) } : {}),
    };
    for (const field of fields) {
      const value = valueOf(values[field.name] ?? '', field);
      if (value !== undefined) candidate[field.name] = value;
    }
    const checked = check(candidate);
    if (!checked.ok) {
      setErrors(errorsFrom(checked.problems));
      return;
    }
    setErrors({});
    setSaving(true);
    api.save(checked.config).catch((e: unknown) => {
      setSaving(false);
      setSaveError((e as Error).message);
    });
  };

  const options: ProjectOption[] = [
    ...(projects ?? []).map((p) => ({ value: p.key, label: `${p.name} (${p.key})` })),
    // Saved projects the person cannot see (or that are gone) stay choosable, by key.
    ...projectKeys.filter((k) => !projects?.some((p) => p.key === k)).map((k) => ({ value: k, label: k })),
  ];
  const invalid = tried && Object.keys(errors).length > 0;
  const projectsNote = errors.projectKeys ?? (projectsError && texts.projectsFailed(projectsError));
  const spocsNote = errors.spocAccountIds ?? (spocsError && texts.spocsFailed(spocsError));

  return (
    <form onSubmit={submit} noValidate data-testid="gadget-edit">
      <h1 style={{ font: token('font.heading.small', '600 16px sans-serif') }}>{texts.heading}</h1>
      {savedProblems.length > 0 && (
        <Notice tone="warning" title={texts.savedInvalid} testId="saved-problems">
          <ul style={{ margin: 0, paddingInlineStart: token('space.250', '20px') }}>
            {savedProblems.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </ul>
          <p style={{ margin: `${token('space.050', '4px')} 0 0` }}>{texts.savedInvalidHint}</p>
        </Notice>
      )}
      {invalid && (
        <Notice tone="error" testId="edit-errors">
          {texts.fixErrors}
        </Notice>
      )}
      {saveError && (
        <Notice tone="error" testId="save-error">
          {saveError}
        </Notice>
      )}
      <Field id={PROJECTS} label={texts.projectsLabel} hint={texts.projectsHint} error={projectsNote}>
        <Select<ProjectOption, true>
          inputId={PROJECTS}
          testId={PROJECTS}
          isMulti
          options={options}
          value={options.filter((o) => projectKeys.includes(o.value))}
          onChange={(chosen) => setProjectKeys(chosen.map((o) => o.value))}
          isLoading={projects === undefined}
          placeholder={texts.projectsPlaceholder}
          loadingMessage={() => texts.projectsLoading}
          noOptionsMessage={() => texts.noProjects}
          isInvalid={errors.projectKeys !== undefined}
          aria-describedby={[`${PROJECTS}-hint`, projectsNote ? `${PROJECTS}-error` : '']
            .filter(Boolean)
            .join(' ')}
          menuPosition="fixed"
        />
      </Field>
      <Field id={SPOCS} label={texts.spocsLabel} hint={texts.spocsHint} error={spocsNote}>
        <PeoplePicker
          inputId={SPOCS}
          testId={SPOCS}
          isMulti
          search={api.searchPeople}
          value={spocs}
          onChange={(people) => {
            setSpocs(people);
            setSpocsError(undefined);
          }}
          onSearchError={(message) => setSpocsError(message)}
          isInvalid={errors.spocAccountIds !== undefined}
          texts={texts.people}
        />
      </Field>
      {fields.map((field) => {
        const error = errors[field.name];
        const control = {
          ...describedBy(field.name, field.hint !== undefined, error),
          name: field.name,
          style: controlStyle,
          value: values[field.name] ?? '',
          onChange: (e: { target: { value: string } }) =>
            setValues((current) => ({ ...current, [field.name]: e.target.value })),
        };
        return (
          <Field key={field.name} id={field.name} label={field.label} hint={field.hint} error={error}>
            {field.kind === 'choice' ? (
              <select {...control}>
                {field.options.map((o) => (
                  <option key={o.value} value={String(o.value)}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...control} inputMode="numeric" />
            )}
          </Field>
        );
      })}
      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button type="submit" appearance="primary" isDisabled={saving} testId="edit-save">
          {saving ? texts.saving : texts.save}
        </Button>
        <Button onClick={() => void api.cancel()} testId="edit-cancel">
          {texts.cancel}
        </Button>
      </div>
    </form>
  );
}
