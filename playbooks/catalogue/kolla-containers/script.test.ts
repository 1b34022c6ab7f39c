import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseContainers } from './parse.js';

/**
 * containers.sh itself, run with sh: which engine it believes, that it inspects every container in
 * one call with a template that never names .Config.Env, and which containers get a log tail.
 * docker and podman are stand-ins on PATH printing what the real ones print; the log tails read
 * /var/log/kolla, which does not exist here, so each container in trouble says it has no file.
 */
const script = join(import.meta.dirname, 'containers.sh');
const withTools = standIns('containers-sh-');

const which = (tool: string): string => spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();

function run(tools: Record<string, string>): { out: string; calls: string } {
  // Only the stand-ins and the few tools the script uses: this machine's own docker or podman must not answer.
  const real = Object.fromEntries(['head', 'tr', 'ls', 'tail'].map((t) => [t, `exec ${which(t)} "$@"`]));
  const bin = withTools({ ...real, ...tools, date: 'echo 2026-12-05T12:00:00Z' });
  const r = spawnSync('/bin/sh', [script], { encoding: 'utf8', env: { PATH: bin, CALLS: join(bin, 'calls') } });
  expect(r.status, r.stderr).toBe(0);
  const calls = existsSync(join(bin, 'calls')) ? readFileSync(join(bin, 'calls'), 'utf8') : '';
  return { out: r.stdout, calls };
}

const inspectLines = [
  'name=/mariadb status=running health=healthy restarts=0 oom=false exit=0 started=2026-12-05T10:00:00.1Z finished=0001-01-01T00:00:00Z image=kolla/mariadb-server:zed last_check=""',
  'name=/memcached status=exited health=none restarts=0 oom=false exit=0 started=2026-12-05T10:00:00.1Z finished=2026-12-05T11:58:00.2Z image=kolla/memcached:zed',
  'name=/nova_compute status=running health=unhealthy restarts=0 oom=false exit=0 started=2026-12-05T10:00:00.1Z finished=0001-01-01T00:00:00Z image=kolla/nova-compute:zed last_check="boom"',
];
// A docker that logs its argv (one line per call) and answers ps, ps -q and inspect.
const docker = `echo "$*" >> "$CALLS"
case "$1 $2" in
  "ps -a") if [ "$3" = -q ]; then printf '%s\\n' aaa bbb ccc; else printf '%s\\n' '{"Names":"mariadb","State":"running","Status":"Up 2 hours (healthy)"}'; fi ;;
  "ps -aq") printf '%s\\n' aaa bbb ccc ;;
  "inspect --format") printf '%s\\n' '${inspectLines.join("' '")}' ;;
esac`;

describe('containers.sh', () => {
  it('uses docker, inspects every container in one call with a template that reads no environment, and tails the logs of the troubled ones only', () => {
    const { out, calls } = run({ docker });
    const n = parseContainers(out);
    expect(n).toMatchObject({ kind: 'engine', engine: 'docker', complete: true });
    expect(n.containers.map((c) => [c.name, c.status, c.health])).toEqual([
      ['mariadb', 'running', 'healthy'],
      ['memcached', 'exited', 'none'],
      ['nova_compute', 'running', 'unhealthy'],
    ]);
    const inspects = calls.split('\n').filter((l) => l.startsWith('inspect'));
    expect(inspects).toHaveLength(1);
    expect(inspects[0]).toMatch(/ aaa bbb ccc$/);
    expect(inspects[0]).not.toMatch(/Env/);
    expect([...n.logs.keys()]).toEqual(['memcached', 'nova_compute']);
    expect(out).toContain('== log memcached (no log file under /var/log/kolla/ for it)');
  });

  it('goes on to podman when docker does not answer, and says what each said when neither does', () => {
    const refused = "echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1";
    const podman = `case "$1 $2" in "ps -a") [ "$3" = -q ] && echo ddd || echo '{"Names":["keystone"]}' ;; "ps -aq") echo ddd ;; "inspect --format") echo 'name=keystone status=running health=healthy restarts=0 oom=false exit=0 started=2026-12-05 10:00:00.1 +0000 UTC finished=0001-01-01 00:00:00 +0000 UTC image=kolla/keystone:zed last_check=""' ;; esac`;
    const viaPodman = parseContainers(run({ docker: refused, podman }).out);
    expect(viaPodman).toMatchObject({ kind: 'engine', engine: 'podman' });
    expect(viaPodman.containers[0]).toMatchObject({ name: 'keystone', startedAt: Date.parse('2026-12-05T10:00:00.1Z') / 1000, finishedAt: null });
    expect(viaPodman.ps.has('keystone')).toBe(true);
    const none = run({ docker: refused });
    expect(none.out).toBe('== none\ndocker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\npodman: not installed\n');
  });
});
