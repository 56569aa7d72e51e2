/** Every command of every module, in one registry: names are unique across Trede. */

import { CommandRegistry } from '../commands/index.ts';
import { DOSSIER_COMMANDS } from '../dossiers/index.ts';
import { INSPECTION_COMMANDS } from '../inspection/index.ts';
import { REGISTRY_COMMANDS } from '../registry/index.ts';
import { RECOVERY_COMMANDS, SETTLEMENT_COMMANDS } from '../settlement/index.ts';
import { SESSION_COMMANDS, USER_COMMANDS } from '../users/index.ts';

export const commandRegistry = new CommandRegistry([
  ...USER_COMMANDS,
  ...SESSION_COMMANDS,
  ...REGISTRY_COMMANDS,
  ...DOSSIER_COMMANDS,
  ...INSPECTION_COMMANDS,
  ...SETTLEMENT_COMMANDS,
  ...RECOVERY_COMMANDS,
]);
