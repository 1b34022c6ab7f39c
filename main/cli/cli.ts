import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { fromWireError, StackscopeError } from '../contract/errors.js';
import { containerEngines, deployments, nodeRoles, type CaseSearchHit, type NodeAuth, type NodeRole, type StepResult } from '../contract/types.js';
import { methodInputs, type ParsedInput } from '../contract/schemas.js';
import type { MethodName } from '../contract/methods.js';
import { createCore, type Core } from '../core/core.js';
import { explainDataDirError, resolveDataDir } from '../core/paths.js';
import { positiveInt } from './args.js';
import { askSecret, confirm } from './prompt.js';
import { answerAuthPromptsOnTerminal } from './auth-prompt.js';
import { bold, clusterKind, dim, formatCase, formatCases, formatClusters, formatHitPlace, oneLine, red, stepLine, table, terminalSafe, toJson, yellow } from './format.js';
import { labCommand } from './lab-command.js';
import { playbookCommands } from './playbook-command.js';
import { caseReportCommands, reportCommand } from './report-command.js';
import { serveCommand } from './serve.js';

interface GlobalOptions {
  dataDir?: string;
  connectTimeout?: string;
}

/**
 * Exit codes: 0 ok; 1 a remote command failed; 2 bad input or an error before anything ran (a case
 * log that cannot be opened or is damaged included).
 */
export const EXIT_FAILED = 1;
export const EXIT_ERROR = 2;

function parse<M extends MethodName>(method: M, input: unknown): ParsedInput<M> {
  const r = methodInputs[method].safeParse(input);
  if (!r.success) {
    const flag: Record<string, string> = { roles: '--role', host: '--host', port: '--port', user: '--user', name: 'NAME', title: 'TITLE', deployment: '--deployment', containerEngine: '--container-engine', namespace: '--namespace' };
    const msg = r.error.issues
      .map((i) => (i.path.length ? `${flag[String(i.path[0])] ?? i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new StackscopeError('INVALID_INPUT', msg);
  }
  return r.data as ParsedInput<M>;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** `--role` values, checked here so the error names the flag rather than a schema path. */
function rolesOf(values: string[] | undefined): NodeRole[] {
  for (const v of values ?? []) {
    if (!(nodeRoles as readonly string[]).includes(v)) {
      throw new StackscopeError('INVALID_INPUT', `--role "${v}" is not a role; use one of ${nodeRoles.join(', ')}`);
    }
  }
  return (values ?? []) as NodeRole[];
}

export function buildProgram(io: { exit: (code: number) => void } = { exit: (c) => (process.exitCode = c) }): Command {
  const program = new Command('stackscope')
    .description('Troubleshoot OpenStack clusters over SSH; keeps every output in a local case log.')
    .option('--data-dir <dir>', 'where the case log and known host keys live (default: $STACKSCOPE_HOME or the per-user app-data folder)')
    .option('--connect-timeout <seconds>', 'SSH connect timeout', '10')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  let core: Core | undefined;
  const open = (): Core => {
    if (core) return core;
    const g = program.opts<GlobalOptions>();
    const timeout = Number(g.connectTimeout ?? '10');
    if (!(timeout > 0)) throw new StackscopeError('INVALID_INPUT', `--connect-timeout must be a positive number of seconds, got "${g.connectTimeout}"`);
    core = createCore({ dataDir: resolveDataDir(g.dataDir), mode: 'cli', connectTimeoutMs: timeout * 1000 });
    answerAuthPromptsOnTerminal(core);
    return core;
  };
  program.hook('postAction', async () => {
    await core?.close();
    core = undefined;
  });

  const cluster = program.command('cluster').description('manage clusters');
  cluster
    .command('add <name>')
    .description('add a cluster')
    .addOption(new Option('--deployment <flavour>', 'how OpenStack is deployed').choices(deployments).makeOptionMandatory())
    .addOption(new Option('--container-engine <engine>', 'kolla: how the hosts run containers (default docker)').choices(containerEngines))
    .option('--namespace <namespace>', 'openstack-helm: the Kubernetes namespace of the OpenStack pods (default openstack)')
    .action((name: string, o: { deployment: string; containerEngine?: string; namespace?: string }) => {
      const input = parse('clusters.add', { name, deployment: o.deployment, containerEngine: o.containerEngine, namespace: o.namespace });
      const c = open().inventory.addCluster(input);
      console.log(`Added cluster ${oneLine(c.name)} (${clusterKind(c)}).`);
    });
  cluster
    .command('update <name>')
    .description('change a cluster: stackscope cluster update prod --container-engine podman')
    .option('--name <new-name>', 'rename it')
    .addOption(new Option('--deployment <flavour>', 'how OpenStack is deployed').choices(deployments))
    .addOption(new Option('--container-engine <engine>', 'kolla: how the hosts run containers').choices(containerEngines))
    .option('--namespace <namespace>', 'openstack-helm: the Kubernetes namespace of the OpenStack pods')
    .action((name: string, o: { name?: string; deployment?: string; containerEngine?: string; namespace?: string }) => {
      if (Object.values(o).every((v) => v === undefined)) throw new StackscopeError('INVALID_INPUT', 'nothing to change: give --name, --deployment, --container-engine or --namespace');
      const current = open().inventory.clusterByName(name);
      const c = open().inventory.updateCluster(parse('clusters.update', { id: current.id, ...o }));
      console.log(`Updated cluster ${oneLine(c.name)} (${clusterKind(c)}).`);
    });
  cluster
    .command('list')
    .description('list clusters and their nodes')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => {
      const clusters = open().inventory.list();
      console.log(o.json ? toJson(clusters) : formatClusters(clusters));
    });
  cluster
    .command('remove <name>')
    .description('remove a cluster and its nodes (cases keep their runs)')
    .action((name: string) => {
      const c = open().inventory.clusterByName(name);
      open().inventory.removeCluster(c.id);
      console.log(`Removed cluster ${oneLine(name)}.`);
    });

  const node = program.command('node').description('manage nodes of a cluster');
  node
    .command('add <cluster> <name>')
    .description('add a node')
    .requiredOption('--host <host>', 'address or host name')
    .option('--port <port>', 'SSH port', positiveInt('--port'), 22)
    .requiredOption('--user <user>', 'SSH user')
    .option('--role <role>', `role (repeatable): ${nodeRoles.join(', ')}`, collect)
    .option('--key <path>', 'private key file')
    .option('--passphrase', 'the key file is protected by a passphrase (asked when needed)')
    .option('--agent', 'authenticate with ssh-agent ($SSH_AUTH_SOCK)')
    .option('--password-prompt', 'authenticate with a password (asked when needed, never stored)')
    .option('--jump <node>', 'reach this node through another node of the cluster (ProxyJump)')
    .action((clusterName: string, name: string, o: { host: string; port: number; user: string; role?: string[]; key?: string; passphrase?: boolean; agent?: boolean; passwordPrompt?: boolean; jump?: string }) => {
      const methods = [o.key ? 'key' : null, o.agent ? 'agent' : null, o.passwordPrompt ? 'password' : null].filter(Boolean);
      if (methods.length !== 1) throw new StackscopeError('INVALID_INPUT', 'choose exactly one of --key PATH, --agent or --password-prompt');
      if (o.passphrase && !o.key) throw new StackscopeError('INVALID_INPUT', '--passphrase goes with --key');
      const auth: NodeAuth = o.key ? { method: 'key', keyPath: resolve(o.key), passphrase: Boolean(o.passphrase) } : o.agent ? { method: 'agent' } : { method: 'password' };
      const c = open().inventory.clusterByName(clusterName);
      const jumpNodeId = o.jump ? open().inventory.nodeByName(c, o.jump).id : null;
      const n = open().inventory.addNode(
        parse('nodes.add', { clusterId: c.id, name, host: o.host, port: o.port, user: o.user, roles: rolesOf(o.role), auth, jumpNodeId }),
      );
      console.log(oneLine(`Added node ${n.name} (${n.user}@${n.host}:${n.port}, ${n.roles.join(', ')}) to ${c.name}. Next: stackscope node trust ${c.name} ${n.name}`));
    });
  node
    .command('remove <cluster> <name>')
    .description('remove a node')
    .action((clusterName: string, name: string) => {
      const inv = open().inventory;
      inv.removeNode(inv.nodeByName(inv.clusterByName(clusterName), name).id);
      console.log(oneLine(`Removed node ${name} from ${clusterName}.`));
    });
  node
    .command('trust <cluster> <name>')
    .description("show the node's SSH host key fingerprint and trust it")
    .option('--yes', 'trust the presented key without asking')
    .option('--replace', 'replace a different key trusted before (only after you checked why it changed)')
    .action(async (clusterName: string, name: string, o: { yes?: boolean; replace?: boolean }) => {
      const c = open();
      const n = c.inventory.nodeByName(c.inventory.clusterByName(clusterName), name);
      await provideSecrets(c, [n]);
      const probe = await c.hostKeys.probe(n.id);
      console.log(`${oneLine(`${probe.nodeName} (${probe.host}:${probe.port}) presents ${probe.keyType} key`)} ${bold(probe.fingerprint)}`);
      if (probe.status === 'trusted') {
        console.log('This key is already trusted.');
        return;
      }
      if (probe.status === 'changed') {
        console.log(red(`WARNING: this differs from the trusted key ${probe.knownFingerprint}.`));
        if (!o.replace) throw new StackscopeError('HOST_KEY_CHANGED', `host key of ${name} changed; nothing trusted (use --replace once you know why it changed)`);
      }
      const ok = o.yes || (await confirm('Trust this key?'));
      if (!ok) throw new StackscopeError('CANCELLED', `host key of ${name} not trusted${process.stdin.isTTY ? '' : ' (no terminal to ask: add --yes)'}`);
      await c.hostKeys.trust(n.id, probe.fingerprint);
      console.log(oneLine(`Trusted ${probe.fingerprint} for ${probe.host}:${probe.port}.`));
    });

  program
    .command('exec <cluster> <command...>')
    .description('run a read-only command on nodes in parallel: stackscope exec CLUSTER --role compute -- uptime')
    .option('--node <name>', 'node to run on (repeatable)', collect)
    .option('--role <role>', 'run on every node with this role (repeatable)', collect)
    .option('--case <id>', 'add the run to this case', positiveInt('--case'))
    .option('--new-case <title>', 'open a new case for the run')
    .option('--timeout <seconds>', 'per-node command timeout', positiveInt('--timeout'), 120)
    .option('--json', 'print the run as JSON at the end instead of streaming')
    .action(async (clusterName: string, words: string[], o: { node?: string[]; role?: string[]; case?: number; newCase?: string; timeout: number; json?: boolean }) => {
      const c = open();
      const cl = c.inventory.clusterByName(clusterName);
      if (!o.node?.length && !o.role?.length) throw new StackscopeError('INVALID_INPUT', 'choose nodes with --node NAME or --role ROLE');
      if (o.case && o.newCase) throw new StackscopeError('INVALID_INPUT', 'use either --case or --new-case, not both');
      const nodes = c.inventory.select(cl, (o.node ?? []).map((n) => c.inventory.nodeByName(cl, n).id), rolesOf(o.role));
      await provideSecrets(c, nodes);
      const caseId = o.case ?? c.repos.cases.create(o.newCase ?? `exec on ${cl.name}: ${words.join(' ')}`.slice(0, 200), 'info', cl.id);
      if (!c.repos.cases.summary(caseId)) throw new StackscopeError('NOT_FOUND', `case ${caseId} does not exist (stackscope cases list)`);
      const width = Math.max(...nodes.map((n) => oneLine(n.name).length));
      const names = new Map<number, string>();
      const partial = new Map<string, string>();
      const unsubscribe = o.json
        ? () => undefined
        : c.events.subscribe((event, payload) => {
            if (event !== 'step.output') return;
            const p = payload as { stepId: number; stream: 'stdout' | 'stderr'; data: string };
            const key = `${p.stepId}:${p.stream}`;
            const lines = ((partial.get(key) ?? '') + p.data).split('\n');
            partial.set(key, lines.pop() ?? '');
            const prefix = dim(`${oneLine(names.get(p.stepId) ?? '?').padEnd(width)} |`);
            // Escaped line by line (a CRLF end becomes LF): remote bytes never drive the terminal.
            // One write per batch, not per line: 64 MB of output is 600,000 lines.
            if (lines.length > 0) (p.stream === 'stdout' ? process.stdout : process.stderr).write(lines.map((line) => `${prefix} ${terminalSafe(`${line}\n`)}`).join(''));
          });
      const run = c.exec.start({ caseId, clusterId: cl.id, nodes, command: words.join(' '), timeoutSec: o.timeout });
      for (const s of run.steps) names.set(s.id, s.nodeName);
      if (!o.json) console.error(dim(`case ${caseId} · run ${run.id} · ${nodes.length} node(s)`));
      const interrupt = (): void => {
        console.error(yellow('\ncancelling: stopping the remote commands…'));
        c.runs.cancel(run.id);
      };
      process.once('SIGINT', interrupt);
      const state = await c.runs.wait(run.id);
      process.off('SIGINT', interrupt);
      unsubscribe();
      // The output was printed as it came: only --json prints it again, whole.
      const done = c.repos.runs.get(run.id, o.json ? undefined : 0);
      if (!done) throw new StackscopeError('INTERNAL', `run ${run.id} missing after it ended`);
      if (o.json) console.log(toJson(done));
      else {
        for (const [key, rest] of partial) if (rest) process.stdout.write(`${dim(`${oneLine(names.get(Number(key.split(':')[0])) ?? '?').padEnd(width)} |`)} ${terminalSafe(rest)}\n`);
        console.error(`\n${table(done.steps.map((s: StepResult) => stepLine(s)))}`);
        console.error(dim(`run ${run.id} ${state}; see it again: stackscope case show ${caseId}`));
      }
      if (state !== 'succeeded') io.exit(EXIT_FAILED);
    });

  const cases = program.command('cases').description('list and search cases');
  cases
    .command('list', { isDefault: true })
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => {
      const list = open().repos.cases.list();
      console.log(o.json ? toJson(list) : formatCases(list));
    });
  cases
    .command('search <text...>')
    .description('find past cases by what they recorded: titles, notes, findings, command output (the same search as the app)')
    .option('--limit <n>', 'at most this many hits', positiveInt('--limit'), 50)
    .option('--json', 'machine-readable output')
    .action(async (text: string[], o: { json?: boolean; limit: number }) => {
      const outcome = await open().dispatch('cases.search', { query: text.join(' '), limit: o.limit });
      if (!outcome.ok) throw fromWireError(outcome.error);
      const hits = outcome.value as CaseSearchHit[];
      if (o.json) console.log(toJson(hits));
      else if (hits.length === 0) console.log('No match.');
      else for (const h of hits) console.log(`${formatHitPlace(h)}\n  ${oneLine(h.snippet.replace(/\u0002/g, '»').replace(/\u0003/g, '«').replace(/\r?\n/g, ' '))}`);
    });

  const kase = program.command('case').description('one case');
  kase
    .command('show <id>')
    .option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }) => {
      const c = open().handlers['cases.get']({ id: positiveInt('case id')(id) });
      return Promise.resolve(c).then((detail) => console.log(o.json ? toJson(detail) : formatCase(detail)));
    });
  kase
    .command('new <title...>')
    .option('--cluster <name>', 'cluster the case is about')
    .addOption(new Option('--severity <level>').choices(['critical', 'warning', 'info']).default('warning'))
    .action((title: string[], o: { cluster?: string; severity: 'critical' | 'warning' | 'info' }) => {
      const c = open();
      const clusterId = o.cluster ? c.inventory.clusterByName(o.cluster).id : null;
      const id = c.repos.cases.create(parse('cases.create', { title: title.join(' '), severity: o.severity, clusterId }).title, o.severity, clusterId);
      console.log(`Opened case ${id}.`);
    });
  caseReportCommands(kase, open);

  playbookCommands(program, open, io.exit);
  reportCommand(program, open, io.exit);
  labCommand(program, open, () => resolveDataDir(program.opts<GlobalOptions>().dataDir), io.exit);
  serveCommand(program, () => program.opts<GlobalOptions>().dataDir);
  return program;
}

/** Ask for every password/passphrase the nodes need before connecting (held in memory only). */
async function provideSecrets(core: Core, nodes: Parameters<Core['missingSecrets']>[0]): Promise<void> {
  for (const m of core.missingSecrets(nodes)) {
    const value = await askSecret(`${m.kind === 'password' ? 'Password' : 'Key passphrase'} for ${m.nodeName}: `);
    if (!value) throw new StackscopeError('SECRET_REQUIRED', `no ${m.kind} given for ${m.nodeName}`);
    core.secrets.provide(core.inventory.target(core.inventory.node(m.nodeId)), m.kind, value, false);
  }
}

export async function main(argv = process.argv): Promise<number> {
  let code = 0;
  const program = buildProgram({ exit: (c) => (code = c) });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed the message (or help/version)
      return err.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    // A damaged case log can first show at any query: name the file and the backup, whichever command hit it.
    const explained = explainDataDirError(resolveDataDir(program.opts<GlobalOptions>().dataDir), err);
    const message = explained instanceof Error ? explained.message : String(explained);
    process.stderr.write(`stackscope: ${terminalSafe(message)}\n`);
    return EXIT_ERROR;
  }
}
