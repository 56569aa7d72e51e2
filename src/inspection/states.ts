/**
 * The life of an inspection dossier: open → gepland (control planned) → uitgevoerd (control
 * performed, findings recorded) → afgesloten with an outcome. The outcomes are those the seeds
 * name: warnings and warnings with a term (seeds/000_3bfdbb028fdab786.txt:L4205-4206), Pro
 * Justitia (seeds/001_4a57afe77d69f3a4.txt:L9842), administrative fines (000:L4827-4833) and
 * proposed recoveries (001:L9842). The seeds give no procedure steps or deadlines
 * (spec-inspection §1 NOT SPECIFIED): the table only orders what the seeds name. Pure.
 */
import type { Permission } from '../access/index.ts';

export const INSPECTION_STATES = ['open', 'gepland', 'uitgevoerd', 'afgesloten'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

export const ORIGINS = ['klacht', 'risicolijst', 'eigen-initiatief', 'vraag-andere-dienst'] as const;
export const OUTCOMES = [
  'in-orde',
  'waarschuwing',
  'waarschuwing-met-termijn',
  'pro-justitia',
  'administratieve-geldboete',
  'terugvordering-voorgesteld',
] as const;
export type InspectionOutcome = (typeof OUTCOMES)[number];

export interface InspectionActionDef {
  label: string;
  from: readonly InspectionState[];
  to: InspectionState | 'same';
  permission: Permission;
  /** Needs an outcome (closing). */
  outcome?: boolean;
  noteRequired?: boolean;
}

export const INSPECTION_ACTIONS = {
  plannen: { label: 'Controle plannen', from: ['open'], to: 'gepland', permission: 'inspection:handle' },
  uitvoeren: {
    label: 'Controle uitgevoerd',
    from: ['gepland'],
    to: 'uitgevoerd',
    permission: 'inspection:handle',
  },
  vaststellen: {
    label: 'Vaststelling noteren',
    from: ['gepland', 'uitgevoerd'],
    to: 'same',
    permission: 'inspection:handle',
    noteRequired: true,
  },
  afsluiten: {
    label: 'Afsluiten met uitkomst',
    from: ['uitgevoerd'],
    to: 'afgesloten',
    permission: 'inspection:handle',
    outcome: true,
  },
} as const satisfies Record<string, InspectionActionDef>;

export type InspectionAction = keyof typeof INSPECTION_ACTIONS;
export const INSPECTION_ACTION_NAMES = Object.keys(INSPECTION_ACTIONS) as InspectionAction[];
