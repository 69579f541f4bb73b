import { GADGET_LIMITS } from '../../../src/contract/gadgets';
import { formMessages, viewMessages } from '../../shared/gadget-messages';
import type { EscalationRow, EscalationSnapshot } from './api';

/** Every text the escalation status gadget shows, in one place (ready for translation). */
export const messages = {
  ...viewMessages,
  loading: 'Loading escalation status…',
  failed: 'The escalation status gadget could not load',
  title: 'Most urgent escalated issues',
  scope: ({ scope, config }: EscalationSnapshot) =>
    [
      scope.projectKeys.length > 0 ? `Projects ${scope.projectKeys.join(', ')}` : 'All projects',
      scope.spocs.length > 0 ? `SPOCs: ${scope.spocs.map((s) => s.displayName).join(', ')}` : '',
      config.minLevel ? `level ${config.minLevel} and above` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  issuesShown: (shown: number, matched: number) =>
    viewMessages.shownOf(shown, matched, matched === 1 ? 'issue needs attention' : 'issues need attention'),
  empty: 'Nothing is escalated, breached, at risk or unrouted here. All response targets are on track.',
  emptyAtLevel: (level: number) => `No issue here is escalated to level ${level} or higher.`,
  totals: 'Totals',
  level: (level: string) => `Level ${level}`,
  noLevels: 'Escalated',
  breached: 'Breached',
  atRisk: (percent: number) => `At risk (from ${percent} %)`,
  unrouted: 'Unrouted',
  alert: (breached: number, threshold: number) =>
    `${breached} ${breached === 1 ? 'response target is' : 'response targets are'} breached (your alert is set at ${threshold}).`,
  issue: 'Issue',
  levelHeading: 'Level',
  response: 'Response',
  routed: 'Routed',
  due: (when: string) => `due ${when}`,
  wasDue: (when: string) => `was due ${when}`,
  spoc: 'SPOC',
  nobody: 'nobody (unrouted)',
} as const;

const { atRiskPercent, breachedAlert, minLevel } = GADGET_LIMITS;

export const formTexts = {
  ...formMessages,
  heading: 'Configure escalation status',
  atRiskLabel: 'At risk from (% of the response target)',
  atRiskHint: 'Leave empty to use the SPOC policy’s line.',
  invalidAtRisk: `Enter a whole percentage from ${atRiskPercent.min} to ${atRiskPercent.max}, or leave it empty.`,
  minLevelLabel: 'Issues listed',
  minLevelAll: 'Every issue that needs attention',
  minLevelFrom: (level: number) => `Escalated to level ${level} or higher`,
  levels: Array.from({ length: minLevel.max }, (_, i) => i + 1),
  invalidMinLevel: `Choose a level from ${minLevel.min} to ${minLevel.max}.`,
  breachedAlertLabel: 'Alert when this many targets are breached',
  breachedAlertHint: 'Leave empty for no alert.',
  invalidBreachedAlert: `Enter a whole number from ${breachedAlert.min} to ${breachedAlert.max}, or leave it empty.`,
  maxRowsLabel: 'Issues to list',
} as const;

export const responseNames: Record<EscalationRow['response'], string> = {
  breached: 'breached',
  'at-risk': 'at risk',
  'on-track': 'on track',
  'not-running': 'not running',
};
