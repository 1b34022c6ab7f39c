import { readFileSync } from 'node:fs';
import { explainCaseLogError, openDatabase } from '../../db/database.js';
import { InventoryRepo } from '../../db/inventory-repo.js';
import { createRepos } from '../../db/repos.js';
import { analyzers, catalogueDir } from '../../playbooks/catalogue/index.js';
import { exitCodeAnalyzer } from '../../playbooks/engine/generic.js';
import { loadCatalogue, type Catalogue } from '../../playbooks/engine/loader.js';
import { loadRunbooks, type RunbookSet } from '../../playbooks/engine/runbook-loader.js';
import { runbooksDir } from '../../playbooks/runbooks/index.js';
import type { AppInfo } from '../contract/types.js';
import { createHandlers } from './api/index.js';
import { AuthPromptService } from './auth-prompt-service.js';
import { CaseService, defaultAuthor } from './case-service.js';
import type { Core } from './core.js';
import { createDispatch } from './dispatch.js';
import { EventBus } from './events.js';
import { ExecService } from './exec-service.js';
import { HostKeyService } from './host-key-service.js';
import { ClusterImportService } from './import/import-service.js';
import { kubectlNodes } from './import/kubectl-nodes.js';
import { InventoryService } from './inventory-service.js';
import { NodeSecrets } from './node-secrets.js';
import { OutputPager } from './output-pager.js';
import { OutputSink } from './output-sink.js';
import { databaseFile, prepareDataDir } from './paths.js';
import { CheckService } from './check-service.js';
import { PlaybookService } from './playbook-service.js';
import { currentOwner, ownerGone } from './process-owner.js';
import { redactText } from './redact.js';
import type { PdfPrinter } from './report/pdf.js';
import { ReportService } from './report/report-service.js';
import { RunRegistry } from './run-registry.js';
import { RunbookService } from './runbook-service.js';
import { SessionSecretStore, type SecretStore } from './secrets.js';
import { ConnectionManager } from './ssh/connection-manager.js';
import { HostKeyTrust } from './ssh/host-key-trust.js';
import { StepExecutor } from './step-executor.js';
import { SuggestService } from './suggest-service.js';
import { TerminalService, type TerminalServiceOptions } from './terminal-service.js';

export interface CoreOptions {
  dataDir: string;
  mode: AppInfo['mode'] | 'cli';
  secrets?: SecretStore;
  connectTimeoutMs?: number;
  concurrency?: number;
  maxOutputBytes?: number;
  /** Playbooks to offer; the shipped catalogue by default. */
  catalogue?: Catalogue;
  /** Flow-control watermarks and the recording cap of interactive terminals. */
  terminals?: TerminalServiceOptions;
  /** Guided runbooks to offer; the shipped ones (checked against the catalogue) by default. */
  runbooks?: (catalogue: Catalogue) => RunbookSet;
  /** Who notes, status changes and runs are recorded as; STACKSCOPE_AUTHOR or the OS user by default. */
  author?: string;
  /** How reports become PDF: Electron's printToPDF in the desktop app, headless Chromium otherwise. */
  printPdf?: PdfPrinter;
  /** How long a person has to answer a login prompt (one-time code) before the login fails. */
  promptTimeoutMs?: number;
  /** Told once what start-up changed for the user (permissions tightened); stderr by default. */
  notice?: (line: string) => void;
  /** Why the desktop app could not use the OS keychain (shown where secrets are asked for). */
  keychainUnavailable?: AppInfo['keychainUnavailable'];
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The shipped catalogue, plus site playbooks from the folders in STACKSCOPE_PLAYBOOKS
 * (colon-separated): YAML-only folders, judged by exit code unless they match a shipped analyzer.
 */
function shippedAndSitePlaybooks(): Catalogue {
  const catalogue = loadCatalogue(catalogueDir(), analyzers);
  for (const dir of (process.env.STACKSCOPE_PLAYBOOKS ?? '').split(':').filter(Boolean)) loadCatalogue(dir, {}, exitCodeAnalyzer, catalogue);
  return catalogue;
}

/**
 * Build the core's services over one case log and wire them to each other and to the contract's
 * handlers (main/core/api/). Used by the desktop app, browser mode and the CLI alike. What a
 * method does lives in its service; this file only says who gets what.
 */
export function createCore(options: CoreOptions): Core {
  const notice = options.notice ?? ((line: string) => process.stderr.write(`stackscope: ${line}\n`));
  prepareDataDir(options.dataDir, notice);
  const db = openDatabase(databaseFile(options.dataDir), { notice });
  const events = new EventBus();
  const inventoryRepo = new InventoryRepo(db);
  const secrets = options.secrets ?? new SessionSecretStore();
  const author = options.author ?? defaultAuthor();
  const redactStored = (text: string): string => redactText(text, secrets.values());
  // Start-up's first reads of the case log: damage found here is named like damage found at open.
  const atStart = <T>(read: () => T): T => {
    try {
      return read();
    } catch (err) {
      db.close();
      throw explainCaseLogError(db.name, err);
    }
  };
  const repos = atStart(() => createRepos(db, { redact: redactStored, author, owner: currentOwner() }));
  // Runs and terminal sessions a dead process left open; a live one's (the app while the CLI starts) stay.
  atStart(() => repos.runs.recoverInterrupted(ownerGone));
  atStart(() => repos.terminals.recoverInterrupted(ownerGone));
  // A secret belongs to the node as it was when given: removed or re-addressed nodes lose theirs.
  const inventory = new InventoryService(inventoryRepo, { identityGone: (nodeIds) => nodeIds.forEach((id) => secrets.forget(id)) });
  const nodeSecrets = new NodeSecrets(inventory, secrets);
  const authPrompts = new AuthPromptService(events, (answer) => secrets.redactAlso(answer));
  // Our own trusted keys, then the user's OpenSSH known_hosts (ssh/host-key-trust.ts).
  const hostKeyTrust = new HostKeyTrust(inventoryRepo);
  const ssh = new ConnectionManager({
    hostKeys: hostKeyTrust,
    secrets,
    prompter: authPrompts,
    promptTimeoutMs: options.promptTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
  });
  const sink = new OutputSink(repos.runs.output, events, () => secrets.values());
  const concurrency = options.concurrency ?? 16;
  const stepExecutor = new StepExecutor(repos.runs, inventory, ssh, sink, events, options.maxOutputBytes ?? 64 * 1024 * 1024);
  const runs = new RunRegistry(repos.runs, events);
  const exec = new ExecService(repos.cases, repos.runs, stepExecutor, runs, concurrency);
  const catalogue = options.catalogue ?? shippedAndSitePlaybooks();
  const playbooks = new PlaybookService(repos.cases, repos.runs, stepExecutor, runs, events, catalogue, concurrency, {
    password: (node) => nodeSecrets.sudoPassword(node),
    refused: (nodeId) => nodeSecrets.forgetSudoPassword(nodeId),
  });
  const checks = new CheckService(playbooks, concurrency);
  const hostKeys = new HostKeyService(inventoryRepo, inventory, ssh, hostKeyTrust);
  const suggestions = new SuggestService(inventory, ssh);
  const imports = new ClusterImportService({ inventory, transaction: (fn) => db.transaction(fn)(), kubeNodes: (via) => kubectlNodes(ssh, inventory, via) });
  const terminals = new TerminalService(repos.terminals, repos.cases, inventory, ssh, events, () => secrets.values(), options.terminals);
  const cases = new CaseService(repos, inventory, () => playbooks.list(), events, author);
  const outputPager = new OutputPager(repos.runs);
  // The case detail is where the report learns the case exists; the rest reads without asking again.
  const reports = new ReportService(
    {
      caseDetail: (id) => cases.get(id, 0),
      stepOutput: (stepId) => ({ stdout: repos.runs.output.text(stepId, 'stdout'), stderr: repos.runs.output.text(stepId, 'stderr') }),
      timeline: (id) => cases.timeline(id),
      findings: (id) => repos.runs.findings.ofCase(id),
      fields: (id) => repos.cases.reportFields(id),
      followups: (id) => repos.cases.followups(id),
      statusTimes: (id) => repos.cases.statusTimes(id),
      hosts: (clusterId) => (clusterId === null ? [] : (inventory.list().find((c) => c.id === clusterId)?.nodes ?? []).map((n) => ({ name: n.name, host: n.host, user: n.user, roles: n.roles }))),
      literals: () => secrets.values(),
    },
    { cases: repos.cases, events },
    options.printPdf,
  );
  const runbooks = new RunbookService({
    runbooks: (options.runbooks ?? ((c) => loadRunbooks(runbooksDir(), c)))(catalogue),
    progress: repos.runbookProgress,
    cases: repos.cases,
    inventory,
    playbooks,
    requireSecrets: (nodes, purpose, opts) => nodeSecrets.requireSecrets(nodes, purpose, opts),
  });
  const info: AppInfo = {
    version: packageVersion(),
    mode: options.mode === 'desktop' ? 'desktop' : 'browser',
    dataDir: options.dataDir,
    secretStorage: secrets.kind,
    ...(options.keychainUnavailable ? { keychainUnavailable: options.keychainUnavailable } : {}),
    author,
  };

  const handlers = createHandlers({ info, inventory, imports, hostKeys, secrets: nodeSecrets, authPrompts, cases, exec, playbooks, checks, suggestions, runs, outputPager, terminals, runbooks, reports });
  const dispatch = createDispatch(handlers, (err) => explainCaseLogError(db.name, err));

  let closed = false;
  return {
    db,
    events,
    inventory,
    repos,
    hostKeys,
    exec,
    playbooks,
    runbooks,
    runs,
    secrets,
    authPrompts,
    ssh,
    terminals,
    reports,
    cases,
    handlers,
    missingSecrets: (nodes, opts) => nodeSecrets.missing(nodes, opts),
    dispatch,
    async close() {
      if (closed) return;
      closed = true;
      // A login waiting for a one-time code would hold a run (and this close) for its whole bound.
      authPrompts.cancelAll('Stackscope is shutting down');
      await runs.stopAll();
      await terminals.closeAll();
      sink.flush();
      ssh.closeAll();
      db.close();
    },
  };
}
