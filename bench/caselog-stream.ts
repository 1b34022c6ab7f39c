// Streaming a large output into the case log: `stackscope exec` (the real CLI, a real sshd on
// 127.0.0.1) runs a command that prints STREAM_MB of log lines; prints the CLI's wall time and
// peak RSS. Baselines measured in the same run: the same CLI running `true` (its resting peak
// RSS), and OpenSSH's `ssh` printing the same output to /dev/null (the transfer alone).
// Run by scripts/bench.mjs with the path of the CLI to measure; prints figures, never fails.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateKey, Sshd } from '../main/lab/sshd.js';

const STREAM_MB = Number(process.env.BENCH_STREAM_MB ?? 64);
const cli = resolve(process.argv[2] ?? 'bin/stackscope.js');
const reporter = resolve(process.argv[3] ?? 'bench/rss-reporter.mjs');

const dir = mkdtempSync(join(tmpdir(), 'stackscope-bench-stream-'));
const dataDir = join(dir, 'data');
const key = join(dir, 'id_ed25519');
const sshd = new Sshd({ dir: join(dir, 'sshd'), authorizedKeys: [await generateKey(key)] });
await sshd.start();

interface Measured {
  seconds: number;
  peakMb: number;
  code: number | null;
}

/** Run the CLI with the RSS reporter preloaded; its stdout goes to /dev/null as a pipe to a pager would drain it. */
async function stackscope(args: string[]): Promise<Measured> {
  const rssFile = join(dir, `rss-${Date.now()}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', reporter, cli, '--data-dir', dataDir, ...args], {
    stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
    env: { ...process.env, STACKSCOPE_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`stackscope ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return { seconds, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024, code };
}

try {
  await stackscope(['cluster', 'add', 'bench', '--deployment', 'packages']);
  await stackscope(['node', 'add', 'bench', 'n1', '--host', sshd.host, '--port', String(sshd.port), '--user', 'root', '--role', 'compute', '--key', key]);
  await stackscope(['node', 'trust', 'bench', 'n1', '--yes']);
  const bytes = STREAM_MB * 1024 * 1024;
  // Log lines, each one different (numbers), as a journal would print them.
  const command = `awk 'BEGIN { for (i = 1; ; i++) printf "2026-12-04 03:00:%02d.%03d 7 ERROR nova.compute.manager [req-%08x] oslo.messaging timeout line %d instance %d\\n", i % 60, i % 1000, i * 2654435761 % 4294967296, i, 7000000 - i }' | head -c ${bytes}`;

  const resting = await stackscope(['exec', 'bench', '--node', 'n1', '--new-case', 'resting', '--', 'true']);
  const streamed = await stackscope(['exec', 'bench', '--node', 'n1', '--new-case', 'stream', '--timeout', '600', '--', command]);

  const sshStarted = performance.now();
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `[${sshd.host}]:${sshd.port} ${readFileSync(`${sshd.hostKeyFile}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ')}\n`);
  execFileSync('ssh', ['-q', '-p', String(sshd.port), '-i', key, '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'IdentitiesOnly=yes', `root@${sshd.host}`, command], {
    stdio: ['ignore', openSync('/dev/null', 'w'), 'inherit'],
  });
  const sshSeconds = (performance.now() - sshStarted) / 1000;

  const mbps = STREAM_MB / streamed.seconds;
  console.log(`Streaming ${STREAM_MB} MB of output through stackscope exec into the case log (real sshd on ${sshd.host}):`);
  console.log(`  wall ${streamed.seconds.toFixed(1)} s (${mbps.toFixed(1)} MB/s); ssh to /dev/null ${sshSeconds.toFixed(1)} s; ${(streamed.seconds / sshSeconds).toFixed(1)}× ssh`);
  console.log(`  peak RSS ${streamed.peakMb.toFixed(0)} MB; the same CLI running \`true\`: ${resting.peakMb.toFixed(0)} MB (+${(streamed.peakMb - resting.peakMb).toFixed(0)} MB for the output)`);
  console.log(`  peak RSS ${streamed.peakMb.toFixed(0)} MB (target ≤ 200 MB for a 64 MB step): ${streamed.peakMb <= 200 ? 'met' : 'NOT met'}`);
} finally {
  await sshd.stop();
  rmSync(dir, { recursive: true, force: true });
}
