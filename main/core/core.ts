import { readFileSync } from 'node:fs';
import { explainCaseLogError, openDatabase, type Db } from '../../db/database.js';
import { InventoryRepo } from '../../db/inventory-repo.js';
import { createRepos, type Repos } from '../../db/repos.js';
import type { CallOutcome, StackscopeHandlers } from '../contract/api.js';
import { StackscopeError, toWireError, type MissingSecret } from '../contract/errors.js';
import { isMethodName } from '../contract/methods.js';
import { methodInputs } from '../contract/schemas.js';
import type { AppInfo, ClusterNode } from '../contract/types.js';
import { EventBus } from './events.js';
import { analyzers, catalogueDir } from '../../playbooks/catalogue/index.js';
import { exitCodeAnalyzer } from '../../playbooks/engine/generic.js';
import { loadCatalogue, type Catalogue } from '../../playbooks/engine/loader.js';
import { loadRunbooks, type RunbookSet } from '../../playbooks/engine/runbook-loader.js';
import { runbooksDir } from '../../playbooks/runbooks/index.js';
import { RunbookService } from './runbook-service.js';
import { ExecService } from './exec-service.js';
import { PlaybookService } from './playbook-service.js';
import { SuggestService } from './suggest-service.js';
import { RunRegistry } from './run-registry.js';
import { StepExecutor } from './step-executor.js';
import { HostKeyService } from './host-key-service.js';
import { InventoryService } from './inventory-service.js';
import { OutputSink } from './output-sink.js';
import { databaseFile, prepareDataDir } from './paths.js';
import { redactText } from './redact.js';
import type { PdfPrinter } from './report/pdf.js';
import { ReportService } from './report/report-service.js';
import { SessionSecretStore, type SecretStore } from './secrets.js';
import { AuthPromptService } from './auth-prompt-service.js';
import { ConnectionManager } from './ssh/connection-manager.js';
import { NodeSecrets } from './node-secrets.js';
import { TerminalService, type TerminalServiceOptions } from './terminal-service.js';
import { CaseService, defaultAuthor } from './case-service.js';
import { OutputPager } from './output-pager.js';
import { currentOwner, ownerGone } from './process-owner.js';

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
  missingSecrets(nodes: ClusterNode[]): MissingSecret[];
  /** Validate and run one call from any transport; never throws. */
  dispatch(method: unknown, input: unknown): Promise<CallOutcome>;
  close(): Promise<void>;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Turn schema issues into one line that names the method and field. */
function validationError(method: string, issues: Array<{ path: PropertyKey[]; message: string }>): StackscopeError {
  const parts = issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  return new StackscopeError('INVALID_INPUT', `${method}: ${parts.join('; ')}`, {
    method,
    issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
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

/** Wire the core services over one case log. Used by the desktop app, browser mode and the CLI alike. */
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
  const ssh = new ConnectionManager({
    hostKeys: { knownHostKey: (host, port) => inventoryRepo.getHostKey(host, port) },
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
  const playbooks = new PlaybookService(repos.cases, repos.runs, stepExecutor, runs, events, catalogue, concurrency);
  const hostKeys = new HostKeyService(inventoryRepo, inventory, ssh);
  const suggestions = new SuggestService(inventory, ssh);
  const terminals = new TerminalService(repos.terminals, repos.cases, inventory, ssh, events, () => secrets.values(), options.terminals);
  const cases = new CaseService(repos, inventory, () => playbooks.list(), events, author);
  const outputPager = new OutputPager(repos.runs);
  // The case detail is where the report learns the case exists; the rest reads without asking again.
  const reports = new ReportService({
    caseDetail: (id) => cases.get(id, 0),
    stepOutput: (stepId) => ({ stdout: repos.runs.output.text(stepId, 'stdout'), stderr: repos.runs.output.text(stepId, 'stderr') }),
    timeline: (id) => cases.timeline(id),
    findings: (id) => repos.runs.findings.ofCase(id),
    fields: (id) => repos.cases.reportFields(id),
    followups: (id) => repos.cases.followups(id),
    statusTimes: (id) => repos.cases.statusTimes(id),
    hosts: (clusterId) => (clusterId === null ? [] : (inventory.list().find((c) => c.id === clusterId)?.nodes ?? []).map((n) => ({ name: n.name, host: n.host, user: n.user, roles: n.roles }))),
    literals: () => secrets.values(),
  }, { cases: repos.cases, events }, options.printPdf);
  const info: AppInfo = {
    version: packageVersion(),
    mode: options.mode === 'desktop' ? 'desktop' : 'browser',
    dataDir: options.dataDir,
    secretStorage: secrets.kind,
    ...(options.keychainUnavailable ? { keychainUnavailable: options.keychainUnavailable } : {}),
    author,
  };

  const missingSecrets = (nodes: ClusterNode[]): MissingSecret[] => nodeSecrets.missing(nodes);

  const runbooks = new RunbookService({
    runbooks: (options.runbooks ?? ((c) => loadRunbooks(runbooksDir(), c)))(catalogue),
    progress: repos.runbookProgress,
    cases: repos.cases,
    inventory,
    playbooks,
    requireSecrets: (nodes, purpose) => nodeSecrets.requireSecrets(nodes, purpose),
  });

  const handlers: StackscopeHandlers = {
    'app.info': () => info,
    'clusters.list': () => inventory.list(),
    'clusters.add': (i) => inventory.addCluster(i),
    'clusters.update': (i) => inventory.updateCluster(i),
    'clusters.remove': (i) => (inventory.removeCluster(i.id), null),
    'nodes.add': (i) => inventory.addNode(i),
    'nodes.update': (i) => inventory.updateNode(i),
    'nodes.remove': (i) => (inventory.removeNode(i.id), null),
    'hostKeys.probe': async (i) => {
      const { presented: _presented, ...probe } = await hostKeys.probe(i.nodeId);
      return probe;
    },
    'hostKeys.trust': (i) => hostKeys.trust(i.nodeId, i.fingerprint),
    'secrets.provide': (i) => (nodeSecrets.provide(i.nodeId, i.kind, i.value, i.remember), null),
    'secrets.forget': (i) => (nodeSecrets.forget(i.nodeId), null),
    'auth.pending': () => authPrompts.list(),
    'auth.answer': (i) => (i.cancel ? authPrompts.cancel(i.promptId) : authPrompts.answer(i.promptId, i.answers ?? []), null),
    'cases.list': () => cases.list(),
    'cases.create': (i) => cases.create(i.title, i.severity, i.clusterId),
    'cases.get': (i) => cases.get(i.id, i.outputTail),
    'cases.search': (i) => cases.search(i.query, i.limit, { asYouType: i.asYouType }),
    'exec.start': (i) => {
      const cluster = inventory.cluster(i.clusterId);
      const nodes = inventory.select(cluster, i.nodeIds, i.roles);
      nodeSecrets.requireSecrets(nodes, 'run this command');
      const run = exec.start({ caseId: i.caseId, clusterId: cluster.id, nodes, command: i.command, timeoutSec: i.timeoutSec });
      return { runId: run.id };
    },
    'runs.get': (i) => runs.get(i.runId, i.outputTail),
    'playbooks.list': () => playbooks.list(),
    'playbooks.run': (i) => {
      const cluster = inventory.cluster(i.clusterId);
      nodeSecrets.requireSecrets(playbooks.targets(i.playbookId, cluster, i.nodeNames), 'run this playbook');
      const run = playbooks.start({ caseId: i.caseId, cluster, playbookId: i.playbookId, params: i.params, nodeNames: i.nodeNames, allowMutating: i.allowMutating, ...(i.concurrency ? { concurrency: i.concurrency } : {}) });
      return { runId: run.id };
    },
    'playbooks.suggest': (i) => {
      const cluster = inventory.cluster(i.clusterId);
      nodeSecrets.requireSecrets(cluster.nodes.filter((n) => n.roles.includes('controller')), 'list what the cluster has');
      return suggestions.suggest(cluster, i.kind);
    },
    'runs.cancel': (i) => (runs.cancel(i.runId), null),
    'terminal.open': async (i) => {
      nodeSecrets.requireSecrets([inventory.node(i.nodeId)], 'open a terminal');
      const session = await terminals.open(i);
      return { sessionId: session.id, session };
    },
    'terminal.input': (i) => (terminals.input(i.sessionId, i.data), null),
    'terminal.resize': (i) => (terminals.resize(i.sessionId, i.cols, i.rows), null),
    'terminal.ack': (i) => (terminals.ack(i.sessionId, i.bytes), null),
    'terminal.close': async (i) => (await terminals.close(i.sessionId), null),
    'terminal.list': (i) => terminals.list(i.caseId),
    'terminal.recording': (i) => terminals.recording(i.sessionId),
    'runbooks.list': () => runbooks.list(),
    'runbooks.progress.get': (i) => runbooks.progress(i.caseId, i.runbookId),
    'runbooks.step.run': (i) => runbooks.runStep(i),
    'runbooks.step.mark': (i) => runbooks.mark(i),
    'home.overview': () => cases.home(),
    'cases.setStatus': (i) => cases.setStatus(i.id, i.status),
    'cases.timeline': (i) => cases.timeline(i.caseId),
    'cases.findings': (i) => cases.findings(i.caseId),
    'notes.add': (i) => cases.addNote(i.caseId, i.text),
    'steps.output': (i) => outputPager.page(i.stepId, i.stream, i.offset, i.length),
    'cases.report': (i) => reports.fields(i.id),
    'cases.updateReport': (i) => reports.updateFields(i.id, i.summary, i.impact),
    'followups.add': (i) => reports.addFollowup(i.caseId, i.text),
    'followups.toggle': (i) => reports.toggleFollowup(i.id, i.done),
    'followups.list': (i) => reports.followups(i.caseId),
    'report.export': (i) => reports.export(i.caseId, i.format, i.options),
    'report.preview': (i) => reports.data(i.caseId, { ...i.options, withOutputs: false }),
  };

  async function dispatch(method: unknown, input: unknown): Promise<CallOutcome> {
    try {
      if (!isMethodName(method)) throw new StackscopeError('INVALID_INPUT', `unknown method ${JSON.stringify(method)}`, { method: String(method) });
      const parsed = methodInputs[method].safeParse(input ?? {});
      if (!parsed.success) throw validationError(method, parsed.error.issues);
      const handler = handlers[method] as (i: unknown) => unknown;
      return { ok: true, value: (await handler(parsed.data)) ?? null };
    } catch (err) {
      return { ok: false, error: toWireError(explainCaseLogError(db.name, err)) };
    }
  }

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
    missingSecrets,
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
