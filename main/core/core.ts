import type { Db } from '../../db/database.js';
import type { Repos } from '../../db/repos.js';
import type { CallOutcome, StackscopeHandlers } from '../contract/api.js';
import type { MissingSecret } from '../contract/errors.js';
import type { ClusterNode } from '../contract/types.js';
import type { AuthPromptService } from './auth-prompt-service.js';
import type { CaseService } from './case-service.js';
import type { EventBus } from './events.js';
import type { ExecService } from './exec-service.js';
import type { HostKeyService } from './host-key-service.js';
import type { InventoryService } from './inventory-service.js';
import type { PlaybookService } from './playbook-service.js';
import type { ReportService } from './report/report-service.js';
import type { RunRegistry } from './run-registry.js';
import type { RunbookService } from './runbook-service.js';
import type { SecretStore } from './secrets.js';
import type { ConnectionManager } from './ssh/connection-manager.js';
import type { TerminalService } from './terminal-service.js';

export { createCore, type CoreOptions } from './compose.js';
export type { MissingSecret } from '../contract/errors.js';

/**
 * The core as its hosts see it (desktop app, browser mode, CLI): every transport calls
 * `dispatch` and listens on `events`. Built by `createCore` (compose.ts); the handlers behind
 * `dispatch` live by subject in api/.
 */
export interface Core {
  readonly db: Db;
  readonly events: EventBus;
  readonly inventory: InventoryService;
  /** The case log's repositories (cases, runs, terminal sessions, …), for the CLI and tests. */
  readonly repos: Repos;
  readonly hostKeys: HostKeyService;
  readonly exec: ExecService;
  readonly playbooks: PlaybookService;
  readonly runbooks: RunbookService;
  readonly runs: RunRegistry;
  readonly secrets: SecretStore;
  /** Login prompts waiting for a person (one-time codes); the CLI answers them on its terminal. */
  readonly authPrompts: AuthPromptService;
  readonly ssh: ConnectionManager;
  readonly terminals: TerminalService;
  readonly reports: ReportService;
  readonly cases: CaseService;
  readonly handlers: StackscopeHandlers;
  /** Secrets the given nodes (and their jump hosts) need that this session does not have. */
  missingSecrets(nodes: ClusterNode[], opts?: { sudo?: boolean }): MissingSecret[];
  /** Validate and run one call from any transport; never throws. */
  dispatch(method: unknown, input: unknown): Promise<CallOutcome>;
  close(): Promise<void>;
}
