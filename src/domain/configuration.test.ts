import { accountIdsIn, configurationWarnings } from './configuration';
import { validateConfiguration } from './configuration-validation';
import { aConfigurationDocument } from './testing/configuration-builders';
import { aSpocProfile } from './testing/spoc-profile-builders';

describe('configurationWarnings and accountIdsIn', () => {
  const checked = validateConfiguration(
    aConfigurationDocument({
      clients: [
        { id: 'acme', name: 'Acme Ltd' },
        { id: 'solo', name: 'Solo Inc' },
      ],
      profiles: [aSpocProfile()],
    }),
  );
  if (!checked.ok) throw new Error('fixture must be valid');

  it('warns about roster people without profiles and clients without roster or rule', () => {
    const warnings = configurationWarnings(checked.value).join('\n');
    expect(warnings).toMatch(/acc-ana is on the roster of Acme Ltd but has no SPOC profile/);
    expect(warnings).toMatch(/Client Solo Inc has no roster/);
    expect(warnings).toMatch(/No enabled rule recognises client Solo Inc/);
  });

  it('lists every person the configuration names', () => {
    expect([...accountIdsIn(checked.value)].sort()).toEqual([
      'acc-ana',
      'acc-kenji',
      'acc-maria',
      'acc-priya',
    ]);
  });
});
