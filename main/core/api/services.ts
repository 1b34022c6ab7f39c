import type { StackscopeHandlers } from '../../contract/api.js';
import type { AppInfo } from '../../contract/types.js';
import type { AuthPromptService } from '../auth-prompt-service.js';
import type { CaseService } from '../case-service.js';
import type { CheckService } from '../check-service.js';
import type { ExecService } from '../exec-service.js';
import type { HostKeyService } from '../host-key-service.js';
import type { ClusterImportService } from '../import/import-service.js';
import type { InventoryService } from '../inventory-service.js';
import type { NodeSecrets } from '../node-secrets.js';
import type { OutputPager } from '../output-pager.js';
import type { PlaybookService } from '../playbook-service.js';
import type { ReportService } from '../report/report-service.js';
import type { RunRegistry } from '../run-registry.js';
import type { RunbookService } from '../runbook-service.js';
import type { SuggestService } from '../suggest-service.js';
import type { TerminalService } from '../terminal-service.js';

/** What the handlers call: the core's services, wired by compose.ts. Handlers hold no state of their own. */
export interface Services {
  info: AppInfo;
  inventory: InventoryService;
  imports: ClusterImportService;
  hostKeys: HostKeyService;
  secrets: NodeSecrets;
  authPrompts: AuthPromptService;
  cases: CaseService;
  exec: ExecService;
  playbooks: PlaybookService;
  checks: CheckService;
  suggestions: SuggestService;
  runs: RunRegistry;
  outputPager: OutputPager;
  terminals: TerminalService;
  runbooks: RunbookService;
  reports: ReportService;
}

/**
 * Some of the contract's handlers. A slice is written `{…} satisfies HandlerSlice`: inputs and
 * results are typed by the contract, and a name that is not a method is refused.
 */
export type HandlerSlice = Partial<StackscopeHandlers>;
