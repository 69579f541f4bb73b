import { landingFor } from './project-landing';

const nobody = { isSpoc: false, isProjectAdministrator: false, isDelivery: false };

describe('where the project page opens', () => {
  it('sends a SPOC to their triage queue, even one who also administers the project', () => {
    expect(landingFor({ ...nobody, isSpoc: true })).toMatchObject({ role: 'spoc', subpage: '/triage' });
    expect(landingFor({ isSpoc: true, isProjectAdministrator: true, isDelivery: true }).subpage).toBe(
      '/triage',
    );
  });

  it('sends an administrator to escalations and the delivery team to vetted issues', () => {
    expect(landingFor({ ...nobody, isProjectAdministrator: true, isDelivery: true })).toMatchObject({
      role: 'manager',
      subpage: '/escalations',
    });
    expect(landingFor({ ...nobody, isDelivery: true })).toEqual({
      role: 'delivery',
      subpage: '/vetted',
      reason: 'You are in the delivery team: client issues vetted for delivery come first.',
    });
  });

  it('gives someone with no part in the SPOC work no subpage, and says why', () => {
    const landing = landingFor(nobody);
    expect(landing).toMatchObject({ role: null, subpage: null });
    expect(landing.reason).toMatch(/not a SPOC, in the delivery team or an administrator/);
  });
});
