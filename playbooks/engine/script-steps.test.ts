import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, parsePlaybook, type LoadedPlaybook } from './loader.js';
import type { ClusterProfile } from './profile.js';
import { runPlaybook, type CommandRunner } from './run.js';

/**
 * A `script:` step on every flavour: the engine's command, run by a real /bin/sh with stdin
 * closed (as the SSH wrapper does), must hand the script its parameters as "$1"… whatever they
 * hold. docker, podman and kubectl cannot reach a daemon or a cluster here, so small stand-ins
 * keep their `exec` argv contract (the words after the container, or after `--`, run as they
 * are, without a shell); the practice lab's kubectl does the same for real pods in the catalogue
 * integration test, and the packages flavour runs over real SSH in engine.integration.test.ts.
 */
const root = mkdtempSync(join(tmpdir(), 'stackscope-script-steps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bin = join(root, 'bin');
mkdirSync(bin);
const standIn = (name: string, body: string): void => {
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
};
// docker|podman exec CONTAINER CMD…
// (`exec -i`: a kolla DB step pipes the [client] defaults into the container's shell.)
for (const engine of ['docker', 'podman']) standIn(engine, `[ "$1" = exec ] || exit 64\nshift\n[ "$1" = -i ] && shift\necho "${engine} container=$1" >&2\nshift\nexec "$@"`);
// kolla DB steps read database_password here (credentials.ts kollaDbCommand).
const passwordsYml = join(root, 'passwords.yml');
writeFileSync(passwordsYml, 'database_password: s3cret-db-0123\n', { mode: 0o600 });
// kubectl get pods -n NS -o json | kubectl -n NS exec POD [-c C] -- CMD…
const pods = JSON.stringify({
  items: [
    { metadata: { namespace: 'openstack', name: 'ovn-ovsdb-nb-0', labels: { application: 'ovn', component: 'ovn-ovsdb-nb' } }, spec: { nodeName: 'ctl-1', containers: [{ name: 'ovsdb' }] }, status: { hostIP: '10.0.0.11', containerStatuses: [{ ready: true }] } },
    { metadata: { namespace: 'openstack', name: 'mariadb-server-0', labels: { application: 'mariadb', component: 'server' } }, spec: { nodeName: 'ctl-1', containers: [{ name: 'mariadb' }] }, status: { hostIP: '10.0.0.11', containerStatuses: [{ ready: true }] } },
  ],
});
writeFileSync(join(root, 'pods.json'), pods);
standIn('kubectl', `if [ "$1" = get ]; then cat ${join(root, 'pods.json')}; exit; fi\nwhile [ "$#" -gt 0 ] && [ "$1" != -- ]; do [ "$1" = exec ] && echo "kubectl pod=$2" >&2; shift; done\nshift\nexec "$@"`);

const folder = join(root, 'echo-args');
mkdirSync(folder);
writeFileSync(join(folder, 'show.sh'), `#!/bin/sh\nprintf '[%s]\\n' "$0" "$@"\necho "argc=$#"\n`);
const text = (s: string): string => `{ en: "${s}", ko: "${s}" }`;
const yaml = `id: echo-args
title: ${text('Echo arguments')}
description: ${text('Prints what the script received')}
appliesTo: [packages, kolla, openstack-helm]
roles: [controller]
params:
  - { name: first, type: string, required: true, description: ${text('Any text')} }
  - { name: second, type: string, description: ${text('Optional, no default')} }
steps:
  - { id: nb, title: ${text('In the NB database service')}, service: ovn-nb, on: one, script: show.sh }
  - { id: db, title: ${text('In the database service (helm runs a prelude first)')}, service: database, on: one, script: show.sh }
`;
const parsed = parsePlaybook(yaml, join(folder, 'playbook.yaml'), 'echo-args');
if ('problems' in parsed) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const playbook: LoadedPlaybook = { def: parsed.def, file: join(folder, 'playbook.yaml'), analyze: () => [] };

const marker = join(root, 'pwned');
const hostile = [`x'; touch ${marker}; '`, `$(touch ${marker})`, `\`touch ${marker}\``, 'two words\nand a line', '--help', '*'];

/** Runs each command as the SSH wrapper would: /bin/sh -c, stdin closed. */
const localRunner: CommandRunner = {
  run: async (job) => {
    const r = spawnSync('/bin/sh', ['-c', job.command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, timeout: 20_000 });
    const exitCode = r.status;
    return { step: job.step, node: job.node.name, state: exitCode === 0 ? 'succeeded' : 'failed', exitCode, stdout: r.stdout, stderr: r.stderr, error: r.error?.message ?? null, command: job.command };
  },
};

const flavours: Array<[string, ClusterProfile, RegExp]> = [
  ['packages (the host shell)', { deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' }, /^sh -c '#!\/bin\/sh\n/],
  ['kolla with docker', { deployment: 'kolla', containerEngine: 'docker', namespace: 'openstack', kollaPasswords: { node: null, path: passwordsYml } }, /^docker exec ovn_nb_db sh -c /],
  ['kolla with podman', { deployment: 'kolla', containerEngine: 'podman', namespace: 'openstack', kollaPasswords: { node: null, path: passwordsYml } }, /^podman exec ovn_nb_db sh -c /],
  ['openstack-helm (kubectl exec into the pod)', { deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack' }, /^kubectl -n openstack exec ovn-ovsdb-nb-0 -c ovsdb -- sh -c /],
];

describe('script: steps get their parameters as arguments on every flavour', () => {
  for (const [name, profile, wrapped] of flavours) {
    it(name, async () => {
      for (const value of hostile) {
        const outcome = await runPlaybook({ playbook, profile, targets: [{ name: 'ctl-1', host: '10.0.0.11', roles: ['controller'] }], params: { first: value }, runner: localRunner, concurrency: 2, signal: new AbortController().signal });
        const steps = outcome.outputs.filter((o) => o.step !== 'discover-pods');
        expect(steps.map((o) => o.step).sort()).toEqual(['db', 'nb']);
        for (const out of steps) {
          expect(out.stderr, out.command).not.toMatch(/not found|error/i);
          expect(out.stdout, out.command).toBe(`[show.sh]\n[${value}]\n[]\nargc=2\n`);
        }
        expect(steps.find((o) => o.step === 'nb')?.command).toMatch(wrapped);
        expect(existsSync(marker)).toBe(false);
      }
    });
  }
});
