/**
 * Every command of every module. Adapters call a module's command directly (through `run`); this
 * list exists so that a test can hold every command to the naming rule and to unique names, which
 * are the audit log's action codes.
 */
import type { Command } from '../commands/index.ts';
import { DOSSIER_COMMANDS } from '../dossiers/index.ts';
import { INSPECTION_COMMANDS } from '../inspection/index.ts';
import { PLAN_COMMANDS } from '../plans/index.ts';
import { REGISTRY_COMMANDS } from '../registry/index.ts';
import { RECOVERY_COMMANDS, SETTLEMENT_COMMANDS } from '../settlement/index.ts';
import { SESSION_COMMANDS, USER_COMMANDS } from '../users/index.ts';

export const ALL_COMMANDS: readonly Command[] = [
  ...USER_COMMANDS,
  ...SESSION_COMMANDS,
  ...REGISTRY_COMMANDS,
  ...DOSSIER_COMMANDS,
  ...INSPECTION_COMMANDS,
  ...SETTLEMENT_COMMANDS,
  ...PLAN_COMMANDS,
  ...RECOVERY_COMMANDS,
];
