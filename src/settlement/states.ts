/**
 * The life of a settlement run: draft → goedgekeurd (by another user than the preparer: four
 * eyes) → betaalbestand aangemaakt → betaald. The single table of which action moves a run from
 * which state to which, with its permission. Pure.
 */
import type { Permission } from '../access/index.ts';

export const RUN_STATES = ['draft', 'goedgekeurd', 'betaalbestand aangemaakt', 'betaald'] as const;
export type RunState = (typeof RUN_STATES)[number];

export const RUN_STATE_LABELS: Record<RunState, string> = {
  draft: 'Ontwerp',
  goedgekeurd: 'Goedgekeurd',
  'betaalbestand aangemaakt': 'Betaalbestand aangemaakt',
  betaald: 'Betaald',
};

export const RUN_ACTIONS = {
  approve: {
    label: 'Goedkeuren',
    from: ['draft'],
    to: 'goedgekeurd',
    permission: 'settlement:approve',
    fourEyes: true,
  },
  'payment-file': {
    label: 'Betaalbestand aanmaken',
    from: ['goedgekeurd', 'betaalbestand aangemaakt'],
    to: 'betaalbestand aangemaakt',
    permission: 'settlement:approve',
    fourEyes: false,
  },
  confirm: {
    label: 'Betaling bevestigen',
    from: ['betaalbestand aangemaakt'],
    to: 'betaald',
    permission: 'settlement:approve',
    fourEyes: false,
  },
} as const satisfies Record<
  string,
  { label: string; from: readonly RunState[]; to: RunState; permission: Permission; fourEyes: boolean }
>;
export type RunAction = keyof typeof RUN_ACTIONS;
