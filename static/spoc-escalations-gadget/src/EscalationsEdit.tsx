import { GadgetForm, rowsAndRefresh, type SettingField } from '../../shared/gadget-form';
import { checkEscalationsConfig, formApi } from './api';
import { formTexts } from './messages';

/** The settings this gadget adds to the shared ones (projects, SPOCs). */
const FIELDS: readonly SettingField[] = [
  {
    kind: 'number',
    name: 'atRiskPercent',
    label: formTexts.atRiskLabel,
    hint: formTexts.atRiskHint,
    invalid: formTexts.invalidAtRisk,
    optional: true,
  },
  {
    kind: 'choice',
    name: 'minLevel',
    label: formTexts.minLevelLabel,
    invalid: formTexts.invalidMinLevel,
    options: [
      { value: 0, label: formTexts.minLevelAll },
      ...formTexts.levels.map((level) => ({ value: level, label: formTexts.minLevelFrom(level) })),
    ],
  },
  {
    kind: 'number',
    name: 'breachedAlert',
    label: formTexts.breachedAlertLabel,
    hint: formTexts.breachedAlertHint,
    invalid: formTexts.invalidBreachedAlert,
    optional: true,
  },
  ...rowsAndRefresh(formTexts),
];

/** The gadget's edit view (loaded lazily): checks every field in words, saves with `view.submit`. */
export default function EscalationsEdit({ saved }: { readonly saved: unknown }) {
  return (
    <GadgetForm
      saved={saved}
      check={checkEscalationsConfig}
      fields={FIELDS}
      texts={formTexts}
      api={formApi}
    />
  );
}
