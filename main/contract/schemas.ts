import { z } from 'zod';
import { importSourceKinds, maxImportSourceBytes } from './imports.js';
import type { MethodName } from './methods.js';
import { connectionLimits, containerEngines, deployments, kollaPasswordsDefaultPath, nodeRoles, suggestionKinds, unknownHostKeyPolicies } from './types.js';

/** Runtime schemas for every method's input; main validates with these before dispatch. */

const id = z.number().int().positive();
/**
 * Which case a run goes into: `caseId`; or a new case titled `newCaseTitle`; or, with neither, the
 * cluster's only open case with activity in the last 12 hours, else a new one. The case is chosen
 * (or opened) only after the run's input was accepted.
 */
const caseForRun = {
  caseId: id.optional(),
  newCaseTitle: z.string().trim().min(1, 'must not be empty').max(200).optional(),
};
const oneCase = (v: { caseId?: number; newCaseTitle?: string }): boolean => v.caseId === undefined || v.newCaseTitle === undefined;
const oneCaseMessage = { message: 'give either caseId or newCaseTitle, not both', path: ['newCaseTitle'] };
// Names end up in CLI arguments, file names of reports and UI lists: keep them plain.
const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, dot, dash or underscore');
// A hostname or an IPv4/IPv6 literal; no spaces, no shell or URL syntax.
const host = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(253)
  .regex(/^[A-Za-z0-9:._%-]+$/, 'must be a hostname or IP address');
const user = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[A-Za-z0-9._][A-Za-z0-9._-]*$/, 'must be a plain user name');
const port = z.number().int().min(1).max(65535);
// A Kubernetes namespace is a DNS-1123 label; it reaches kubectl's command line (quoted there too).
const namespace = z
  .string()
  .min(1, 'must not be empty')
  .max(63, 'must be at most 63 characters (a Kubernetes namespace is a DNS-1123 label)')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a Kubernetes namespace: lowercase letters, digits and dashes, starting and ending with a letter or digit');
// Who a root step runs as through sudo: a POSIX user name (no shell syntax, no leading dash: it
// follows `sudo -u`, quoted there too).
const becomeUser = z
  .string()
  .min(1, 'must not be empty')
  .max(32, 'must be at most 32 characters (a POSIX user name)')
  .regex(/^[A-Za-z_][A-Za-z0-9._-]*$/, 'must be a POSIX user name: letters, digits, dot, dash or underscore, not starting with a digit, dot or dash');
export const becomeSchema = z.object({ enabled: z.boolean(), user: becomeUser.default('root'), password: z.boolean().default(false) }).strict();
// Where credentials live on the cluster. Only plain absolute paths: they are quoted on every
// command anyway, but a path with quotes, `$(…)`, `;` or a newline is no real file of an operator
// and only ever an attempt, so the contract refuses it outright.
const remotePath = z
  .string()
  .min(2, 'must be an absolute path')
  .max(1024, 'must be at most 1024 characters')
  .regex(/^\/[A-Za-z0-9._@+,=~/-]*$/, 'must be an absolute path of letters, digits and . _ @ + , = ~ / - (no spaces, quotes or shell syntax)')
  .refine((p) => !p.split('/').includes('..'), 'must not contain ".." segments');
const nodeName = name;
export const serviceCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('openrc'), node: nodeName.nullable().default(null), path: remotePath }).strict(),
  z
    .object({
      kind: z.literal('clouds-yaml'),
      node: nodeName.nullable().default(null),
      path: remotePath,
      cloud: z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a cloud name of clouds.yaml: letters, digits, dot, dash or underscore'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('helm-secret'),
      // A Kubernetes Secret name is a DNS-1123 subdomain.
      secret: z
        .string()
        .max(253)
        .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a Kubernetes Secret name: lowercase letters, digits, dots and dashes')
        .default('keystone-keystone-admin'),
    })
    .strict(),
]);
export const kollaPasswordsSchema = z.object({ node: nodeName.nullable().default(null), path: remotePath.default(kollaPasswordsDefaultPath) }).strict();
/** Service access settings of clusters.add/update; null puts one back to the flavour's default. */
const serviceAccess = {
  credentials: serviceCredentialsSchema.nullable().optional(),
  kollaPasswords: kollaPasswordsSchema.nullable().optional(),
  kubeAccessNode: nodeName.nullable().optional(),
  infraNamespaces: z
    .array(namespace)
    .max(8, 'at most 8 namespaces')
    .refine((l) => new Set(l).size === l.length, 'must not repeat a namespace')
    .optional(),
};
const containerEngine = z.enum(containerEngines, { error: `must be one of ${containerEngines.join(', ')}` });

export const nodeAuthSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('key'), keyPath: z.string().min(1), passphrase: z.boolean().default(false) }).strict(),
  z.object({ method: z.literal('agent'), socket: z.string().min(1).optional() }).strict(),
  z.object({ method: z.literal('password') }).strict(),
]);

const termCols = z.number().int().min(2).max(1000);
const termRows = z.number().int().min(1).max(500);
/** Send only the last N characters of each step's output (the UI pages the rest with steps.output). */
const outputTail = z.number().int().min(0).max(16 * 1024 * 1024).optional();

const roles = z.array(z.enum(nodeRoles)).min(1, 'give at least one role');
const runbookId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a runbook id');
const runbookStepId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a runbook step id');

const reportOptions = z
  .object({
    timeZone: z.string().max(64).optional(),
    hideIps: z.boolean().optional(),
    hideHostnames: z.boolean().optional(),
    hideUsers: z.boolean().optional(),
    paper: z.enum(['a4', 'letter']).optional(),
    withOutputs: z.boolean().optional(),
    withCommands: z.boolean().optional(),
    allEvents: z.boolean().optional(),
    lang: z.enum(['en', 'ko']).optional(),
  })
  .strict()
  .default({});

const setting = (key: keyof typeof connectionLimits, unit: string) => {
  const [min, max] = connectionLimits[key];
  return z.number().int(`must be a whole number of ${unit}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).nullable().optional();
};
/** A cluster's connection settings (types.ts ConnectionSettings); null puts one back to the app's default. */
const connectionSettings = {
  connectTimeoutSec: setting('connectTimeoutSec', 'seconds'),
  keepaliveSec: setting('keepaliveSec', 'seconds'),
  concurrency: setting('concurrency', 'commands'),
  unknownHostKeys: z.enum(unknownHostKeyPolicies, { error: `must be one of ${unknownHostKeyPolicies.join(', ')} (unknown keys are never accepted unseen)` }).optional(),
  // An absolute path, read as a file; control characters have no business in it.
  knownHostsFile: z
    .string()
    .max(4096)
    .regex(/^\/[^\u0000-\u001f\u007f]*$/, 'must be an absolute file path')
    .nullable()
    .optional(),
};
const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'must be an OpenSSH SHA256 fingerprint');

/**
 * Where an import reads from: a file the core reads (`path`), or its text (pasted or picked in the
 * app; `fileName` names it in messages); k8s may instead run kubectl on a node of the cluster (`via`).
 */
const importSource = z
  .object({
    kind: z.enum(importSourceKinds, { error: `must be one of ${importSourceKinds.join(', ')}` }),
    path: z.string().min(1).max(4096).regex(/^[^\u0000-\u001f]*$/, 'must be a file path').optional(),
    text: z.string().max(maxImportSourceBytes, `is larger than ${maxImportSourceBytes / 1024 / 1024} MiB: import a smaller file`).optional(),
    fileName: z.string().min(1).max(255).regex(/^[^\u0000-\u001f]*$/, 'must be a file name').optional(),
    via: name.optional(),
  })
  .strict();
const oneSource = (v: { source: { kind: string; path?: string; text?: string; via?: string } }, ctx: z.RefinementCtx): void => {
  const given = [v.source.path, v.source.text, v.source.via].filter((x) => x !== undefined).length;
  if (given !== 1) ctx.addIssue({ code: 'custom', path: ['source'], message: v.source.kind === 'k8s' ? 'give exactly one of path, text or via' : 'give exactly one of path or text' });
  else if (v.source.via !== undefined && v.source.kind !== 'k8s') ctx.addIssue({ code: 'custom', path: ['source', 'via'], message: 'via goes with kind k8s' });
};
const importBase = z
  .object({
    cluster: name,
    source: importSource,
    /** ssh-config: Host patterns to import (`cmp-*`); none: every Host without a wildcard. */
    hosts: z.array(z.string().min(1).max(200).regex(/^[^\s\u0000-\u001f]+$/, 'must be a Host pattern')).max(50).default([]),
    /** ssh-config: roles for every picked host (no pattern) or for the hosts a pattern matches. */
    roles: z.array(z.object({ pattern: z.string().min(1).max(200).regex(/^[^\s\u0000-\u001f]+$/, 'must be a Host pattern').optional(), role: z.enum(nodeRoles) }).strict()).max(50).default([]),
    /** Remove the cluster's nodes that the source does not have. */
    prune: z.boolean().default(false),
    /** The flavour of a cluster the import creates (a source that implies one wins otherwise). */
    deployment: z.enum(deployments).optional(),
  })
  .strict();
const importInput = importBase.superRefine(oneSource);

export const methodInputs = {
  'app.info': z.object({}).strict(),
  'clusters.list': z.object({}).strict(),
  'clusters.add': z.object({ name, deployment: z.enum(deployments), containerEngine: containerEngine.optional(), namespace: namespace.optional(), become: becomeSchema.optional(), ...connectionSettings, ...serviceAccess }).strict(),
  'clusters.update': z
    .object({ id, name: name.optional(), deployment: z.enum(deployments).optional(), containerEngine: containerEngine.optional(), namespace: namespace.optional(), become: becomeSchema.optional(), ...connectionSettings, ...serviceAccess })
    .strict(),
  'clusters.remove': z.object({ id }).strict(),
  'nodes.add': z
    .object({
      clusterId: id,
      name,
      host,
      port: port.default(22),
      user,
      roles,
      auth: nodeAuthSchema,
      jumpNodeId: id.nullable().default(null),
      /** The node's own sudo setting; null: the cluster's. */
      become: becomeSchema.nullable().optional(),
    })
    .strict(),
  'nodes.update': z
    .object({
      id,
      name: name.optional(),
      host: host.optional(),
      port: port.optional(),
      user: user.optional(),
      roles: roles.optional(),
      auth: nodeAuthSchema.optional(),
      jumpNodeId: id.nullable().optional(),
      become: becomeSchema.nullable().optional(),
    })
    .strict(),
  'nodes.remove': z.object({ id }).strict(),
  'hostKeys.probe': z.object({ nodeId: id }).strict(),
  'hostKeys.trust': z.object({ nodeId: id, fingerprint }).strict(),
  'hostKeys.probeCluster': z.object({ clusterId: id }).strict(),
  // Exactly the fingerprints the person saw, node by node; a node presenting anything else is not trusted.
  'hostKeys.trustCluster': z
    .object({
      clusterId: id,
      confirmed: z
        .array(z.object({ nodeId: id, fingerprint }).strict())
        .min(1, 'confirm at least one node')
        .max(10_000)
        .refine((xs) => new Set(xs.map((x) => x.nodeId)).size === xs.length, 'each node at most once'),
    })
    .strict(),
  'secrets.provide': z
    .object({
      nodeId: id,
      // sudo: kept for the session only, whatever `remember` says.
      kind: z.enum(['password', 'passphrase', 'sudo']),
      value: z.string().min(1).max(4096),
      remember: z.boolean().default(false),
    })
    .strict(),
  'secrets.forget': z.object({ nodeId: id }).strict(),
  'auth.pending': z.object({}).strict(),
  // One answer per prompt of the round (a server sends at most 16 we show), or a cancel.
  'auth.answer': z
    .object({
      promptId: z.uuid(),
      answers: z.array(z.string().max(1024)).max(16).optional(),
      cancel: z.literal(true).optional(),
      // Why nobody answers (the CLI without a terminal): the login fails with this message.
      reason: z.string().trim().min(1).max(500).optional(),
    })
    .strict()
    .refine((v) => (v.answers === undefined) !== (v.cancel === undefined), { message: 'give either answers or cancel: true', path: ['answers'] })
    .refine((v) => v.reason === undefined || v.cancel === true, { message: 'a reason goes with cancel: true', path: ['reason'] }),
  'cases.list': z.object({}).strict(),
  'cases.create': z
    .object({
      title: z.string().trim().min(1, 'must not be empty').max(200),
      severity: z.enum(['critical', 'warning', 'info']).default('warning'),
      clusterId: id.nullable().default(null),
    })
    .strict(),
  'cases.get': z.object({ caseId: id, outputTail }).strict(),
  // asYouType: the last word also matches as a prefix (a search box); otherwise whole words (the CLI).
  'cases.search': z.object({ query: z.string().trim().min(1).max(500), limit: z.number().int().min(1).max(500).default(50), asYouType: z.boolean().default(false) }).strict(),
  'exec.start': z
    .object({
      ...caseForRun,
      clusterId: id,
      nodeIds: z.array(id).default([]),
      roles: z.array(z.enum(nodeRoles)).default([]),
      command: z.string().trim().min(1, 'must not be empty').max(16384),
      timeoutSec: z.number().min(1).max(86400).default(120),
    })
    .strict()
    .refine((v) => v.nodeIds.length > 0 || v.roles.length > 0, { message: 'select at least one node or role', path: ['nodeIds'] })
    .refine(oneCase, oneCaseMessage),
  'playbooks.list': z.object({}).strict(),
  'playbooks.run': z
    .object({
      ...caseForRun,
      clusterId: id,
      playbookId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a playbook id'),
      /** Raw values; the engine checks them against the playbook's typed parameters. */
      params: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().max(4096)).default({}),
      /** Exactly these nodes; empty = every node with one of the playbook's roles. */
      nodeNames: z.array(z.string().min(1)).default([]),
      /** The per-run confirmation that steps marked mutating may run. */
      allowMutating: z.boolean().default(false),
      concurrency: z.number().int().min(1).max(256).optional(),
    })
    .strict()
    .refine(oneCase, oneCaseMessage),
  'playbooks.suggest': z.object({ clusterId: id, kind: z.enum(suggestionKinds) }).strict(),
  'checks.start': z
    .object({
      clusterId: id,
      /** Add the runs to this case; without it the check opens one. */
      caseId: id.optional(),
      /** Only these playbooks (each must apply to the cluster and need no parameter). */
      only: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a playbook id').max(100)).max(200).default([]),
      /** Every playbook that applies but these. */
      skip: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a playbook id').max(100)).max(200).default([]),
      /** Commands in flight across the whole check (default: the app's concurrency). */
      concurrency: z.number().int().min(1).max(256).optional(),
    })
    .strict(),
  'terminal.open': z.object({ caseId: id, nodeId: id, cols: termCols, rows: termRows }).strict(),
  // The renderer sends a paste in 64 KiB pieces (renderer/src/terminal/input-chunks.ts), far under this cap and the WebSocket's 8 MB frame limit.
  'terminal.input': z.object({ sessionId: id, data: z.string().min(1).max(1024 * 1024) }).strict(),
  'terminal.resize': z.object({ sessionId: id, cols: termCols, rows: termRows }).strict(),
  'terminal.ack': z.object({ sessionId: id, bytes: z.number().int().min(0) }).strict(),
  'terminal.close': z.object({ sessionId: id }).strict(),
  'terminal.list': z.object({ caseId: id }).strict(),
  'terminal.recording': z.object({ sessionId: id }).strict(),
  'runbooks.list': z.object({}).strict(),
  'runbooks.progress.get': z.object({ caseId: id, runbookId }).strict(),
  'runbooks.step.run': z
    .object({
      caseId: id,
      clusterId: id,
      runbookId,
      stepId: runbookStepId,
      // A step that changes the cluster runs only when the trainee confirmed it, on the node picked for `on: pick`.
      allowMutating: z.boolean().default(false),
      nodeNames: z.array(z.string().min(1).max(253)).max(1).default([]),
    })
    .strict(),
  'runbooks.step.mark': z.object({ caseId: id, runbookId, stepId: runbookStepId, understood: z.boolean() }).strict(),
  'runs.get': z.object({ runId: id, outputTail }).strict(),
  'runs.cancel': z.object({ runId: id }).strict(),
  'home.overview': z.object({}).strict(),
  'cases.setStatus': z.object({ caseId: id, status: z.enum(['open', 'mitigated', 'resolved']) }).strict(),
  'cases.timeline': z.object({ caseId: id }).strict(),
  'cases.findings': z.object({ caseId: id }).strict(),
  'notes.add': z.object({ caseId: id, text: z.string().trim().min(1, 'must not be empty').max(100_000) }).strict(),
  'steps.output': z
    .object({
      stepId: id,
      stream: z.enum(['stdout', 'stderr']),
      offset: z.number().int().min(0).default(0),
      // Pages stay well under any transport's message limit (the WebSocket takes 8 MB inbound).
      length: z.number().int().min(1).max(4 * 1024 * 1024).default(1024 * 1024),
    })
    .strict(),
  'cases.report': z.object({ caseId: id }).strict(),
  'cases.updateReport': z
    .object({
      caseId: id,
      summary: z.string().max(100_000).optional(),
      impact: z.string().max(100_000).optional(),
      /** Empty: the report takes the case's top finding. */
      rootCause: z.string().max(20_000).optional(),
      contributing: z.string().max(20_000).optional(),
    })
    .strict(),
  'followups.add': z
    .object({
      caseId: id,
      text: z.string().trim().min(1, 'must not be empty').max(2000),
      owner: z.string().trim().min(1, 'must not be empty').max(200).optional(),
      due: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
        .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a calendar date')
        .optional(),
    })
    .strict(),
  'followups.toggle': z.object({ id, done: z.boolean() }).strict(),
  'followups.list': z.object({ caseId: id }).strict(),
  'report.export': z.object({ caseId: id, format: z.enum(['md', 'html', 'pdf', 'json']), options: reportOptions }).strict(),
  'report.preview': z.object({ caseId: id, options: reportOptions }).strict(),
  'clusters.importPlan': importInput,
  'clusters.importApply': importBase.extend({ digest: z.string().regex(/^[0-9a-f]{64}$/, 'must be the digest of a plan from clusters.importPlan') }).strict().superRefine(oneSource),
} satisfies Record<MethodName, z.ZodType>;

export type MethodInputs = typeof methodInputs;
/** What a caller passes (defaults optional). */
export type MethodInput<M extends MethodName> = z.input<MethodInputs[M]>;
/** What a handler receives after validation (defaults filled). */
export type ParsedInput<M extends MethodName> = z.output<MethodInputs[M]>;
