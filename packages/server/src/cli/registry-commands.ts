/**
 * The server's commands — `tend models`, `versions`, `alias`, `rollback`, `lineage`,
 * `reference`, `monitors`, `alerts`, `channels`, `keys` and `audit` — each a thin call of the
 * HTTP API (`api-client.ts`), printing a table for people or, with `--json`, the API's JSON
 * for scripts.
 */
import type { Command } from 'commander';
import { addAdminCommands } from './admin-commands.js';
import { addAlertCommands } from './alert-commands.js';
import { addAliasCommands } from './alias-commands.js';
import { addModelCommands } from './model-commands.js';
import { addMonitorCommands } from './monitor-commands.js';
import { addReferenceCommands } from './reference-commands.js';
import { addVersionCommands } from './version-commands.js';

/**
 * Add the registry's commands to `program`.
 *
 * @example
 * addRegistryCommands(new Command('tend'));
 */
export function addRegistryCommands(program: Command): void {
  addModelCommands(program);
  addVersionCommands(program);
  addAliasCommands(program);
  addReferenceCommands(program);
  addMonitorCommands(program);
  addAlertCommands(program);
  addAdminCommands(program);
}
