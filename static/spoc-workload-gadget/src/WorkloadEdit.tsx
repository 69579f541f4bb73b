import { GadgetForm, rowsAndRefresh, type SettingField } from '../../shared/gadget-form';
import { checkWorkloadConfig, formApi } from './api';
import { formTexts } from './messages';

/** The settings this gadget adds to the shared ones (projects, SPOCs). */
const FIELDS: readonly SettingField[] = [
  {
    kind: 'number',
    name: 'capacityWarnPercent',
    label: formTexts.capacityWarnLabel,
    hint: formTexts.capacityWarnHint,
    invalid: formTexts.invalidCapacityWarn,
  },
  ...rowsAndRefresh(formTexts),
];

/** The gadget's edit view (loaded lazily): checks every field in words, saves with `view.submit`. */
export default function WorkloadEdit({ saved }: { readonly saved: unknown }) {
  return (
    <GadgetForm saved={saved} check={checkWorkloadConfig} fields={FIELDS} texts={formTexts} api={formApi} />
  );
}
