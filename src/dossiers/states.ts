/**
 * The life of a dossier: received → admissible / not admissible → decided (granted / refused) →
 * paid (advances, settlement, instalments) → closed; plus withdrawal (ex officio / voluntary),
 * appeal and recovery. Sources: received, handled and paid dossiers and advances
 * (seeds/001_4a57afe77d69f3a4.txt:L8567-8570), admissibility (L8602-8606), ex officio and voluntary
 * withdrawals (L9062-9068), recoveries (L9076-9078); notes/seed-001.md §7.3. The seeds give no
 * appeal procedure (terms, who decides): `beroep` only records that an appeal was lodged and its
 * outcome. The table below is the single place that says which action moves a dossier from which
 * state to which, and which permission it needs. Pure: no database.
 */
import type { Permission } from '../access/index.ts';

export const STATES = [
  'ontvangen',
  'ontvankelijk',
  'onontvankelijk',
  'beslist',
  'betaald',
  'afgesloten',
  'ingetrokken',
  'beroep',
  'terugvordering',
] as const;
export type DossierState = (typeof STATES)[number];

export const STATE_LABELS: Record<DossierState, string> = {
  ontvangen: 'Ontvangen',
  ontvankelijk: 'Ontvankelijk',
  onontvankelijk: 'Onontvankelijk',
  beslist: 'Beslist',
  betaald: 'Betaald',
  afgesloten: 'Afgesloten',
  ingetrokken: 'Ingetrokken',
  beroep: 'In beroep',
  terugvordering: 'Terugvordering',
};

export type Outcome = 'toegekend' | 'geweigerd';
export const PAYMENT_KINDS = ['voorschot', 'saldo', 'schijf', 'betaling'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export interface ActionDef {
  label: string;
  /** States the action is allowed from (and, where it matters, the decision's outcome). */
  from: readonly DossierState[];
  requiresOutcome?: Outcome;
  to: DossierState | 'same';
  permission: Permission;
  /** Sets the decision outcome. */
  outcome?: Outcome;
  withdrawal?: 'ambtshalve' | 'vrijwillig';
  /** Needs an amount (payment, recovery). */
  amount?: boolean;
  /** Ask for confirmation in the web app. */
  destructive?: boolean;
  /** A reason is mandatory (refusals, withdrawals, appeals, recoveries). */
  reasonRequired?: boolean;
}

export const ACTIONS = {
  'ontvankelijk-verklaren': {
    label: 'Ontvankelijk verklaren',
    from: ['ontvangen'],
    to: 'ontvankelijk',
    permission: 'dossiers:handle',
  },
  'onontvankelijk-verklaren': {
    label: 'Onontvankelijk verklaren',
    from: ['ontvangen'],
    to: 'onontvankelijk',
    permission: 'dossiers:handle',
    destructive: true,
    reasonRequired: true,
  },
  toekennen: {
    label: 'Toekennen',
    from: ['ontvankelijk'],
    to: 'beslist',
    outcome: 'toegekend',
    permission: 'dossiers:handle',
  },
  weigeren: {
    label: 'Weigeren',
    from: ['ontvankelijk'],
    to: 'beslist',
    outcome: 'geweigerd',
    permission: 'dossiers:handle',
    destructive: true,
    reasonRequired: true,
  },
  betalen: {
    label: 'Betaling registreren',
    from: ['beslist', 'betaald'],
    requiresOutcome: 'toegekend',
    to: 'betaald',
    permission: 'dossiers:handle',
    amount: true,
  },
  'beroep-registreren': {
    label: 'Beroep registreren',
    from: ['onontvankelijk', 'beslist'],
    to: 'beroep',
    permission: 'dossiers:handle',
    reasonRequired: true,
  },
  'beroep-gegrond': {
    label: 'Beroep gegrond: toekennen',
    from: ['beroep'],
    to: 'beslist',
    outcome: 'toegekend',
    permission: 'dossiers:handle',
    reasonRequired: true,
  },
  'beroep-ongegrond': {
    label: 'Beroep ongegrond: weigeren',
    from: ['beroep'],
    to: 'beslist',
    outcome: 'geweigerd',
    permission: 'dossiers:handle',
    destructive: true,
    reasonRequired: true,
  },
  terugvorderen: {
    label: 'Terugvordering starten',
    from: ['betaald', 'afgesloten'],
    to: 'terugvordering',
    permission: 'dossiers:handle',
    amount: true,
    destructive: true,
    reasonRequired: true,
  },
  'intrekken-vrijwillig': {
    label: 'Aanvraag intrekken',
    from: ['ontvangen', 'ontvankelijk'],
    to: 'ingetrokken',
    withdrawal: 'vrijwillig',
    permission: 'dossiers:apply',
    destructive: true,
  },
  'intrekken-ambtshalve': {
    label: 'Ambtshalve intrekken',
    from: ['ontvangen', 'ontvankelijk', 'beslist', 'betaald'],
    to: 'ingetrokken',
    withdrawal: 'ambtshalve',
    permission: 'dossiers:handle',
    destructive: true,
    reasonRequired: true,
  },
  afsluiten: {
    label: 'Afsluiten',
    from: ['onontvankelijk', 'beslist', 'betaald', 'ingetrokken', 'terugvordering'],
    to: 'afgesloten',
    permission: 'dossiers:handle',
  },
  toewijzen: {
    label: 'Toewijzen aan behandelaar',
    from: ['ontvangen', 'ontvankelijk', 'onontvankelijk', 'beslist', 'betaald', 'beroep', 'terugvordering'],
    to: 'same',
    permission: 'dossiers:handle',
  },
} as const satisfies Record<string, ActionDef>;

export type DossierAction = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as DossierAction[];

export function actionDef(action: DossierAction): ActionDef {
  return ACTIONS[action];
}

/** The actions the table allows from a state (regardless of who asks). */
export function actionsFrom(state: DossierState, outcome: Outcome | null): DossierAction[] {
  return ACTION_NAMES.filter((a) => {
    const d: ActionDef = ACTIONS[a];
    return d.from.includes(state) && (!d.requiresOutcome || d.requiresOutcome === outcome);
  });
}
