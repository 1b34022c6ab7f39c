import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseSync } from './parse.js';

/**
 * sync.sh itself, run with sh: it asks chrony first, then ntpd, then systemd, and says which
 * answered. chronyc, ntpq and timedatectl are stand-ins on PATH (none runs on this machine), each
 * printing what the real tool prints in that situation (chronyc(1), ntpq(1), timedatectl(1)).
 */
const script = join(import.meta.dirname, 'sync.sh');
const withTools = standIns('sync-sh-');

function run(tools: Record<string, string>): string {
  const bin = withTools(tools);
  // Only the stand-ins and the basic tools: the machine's own timedatectl must not answer.
  const r = spawnSync('sh', [script], { encoding: 'utf8', env: { PATH: `${bin}:/bin` } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const tracking = "printf '%s\\n' 'Reference ID    : CB00710F (203.0.113.15)' 'System time     : 0.000006523 seconds slow of NTP time' 'Leap status     : Normal'";

describe('sync.sh', () => {
  it('uses chrony when chronyd answers', () => {
    const out = run({ chronyc: tracking, timedatectl: "echo 'NTPSynchronized=no'" });
    expect(out.split('\n')[0]).toBe('== chronyc -n tracking');
    expect(parseSync(out)).toMatchObject({ source: 'chrony', synchronised: true });
  });

  it('goes on to ntpq when chronyc is installed but chronyd does not run, and says nothing of chrony then', () => {
    const out = run({
      chronyc: "echo '506 Cannot talk to daemon'; exit 1",
      ntpq: "printf '%s\\n' '     remote           refid      st t when poll reach   delay   offset  jitter' '==============================================================================' '*192.0.2.10      .GPS.            1 u   33   64  377    0.412    0.031   0.018'",
    });
    expect(out.split('\n')[0]).toBe('== ntpq -pn');
    expect(parseSync(out)).toMatchObject({ source: 'ntpd', synchronised: true, offsetSec: 0.000031 });
  });

  it('falls back to timedatectl, and lists every refusal when nothing answers', () => {
    expect(run({ timedatectl: "printf '%s\\n' NTP=yes NTPSynchronized=no" }).split('\n')[0]).toBe('== timedatectl show');
    const none = run({ chronyc: "echo '506 Cannot talk to daemon'; exit 1", ntpq: "echo 'ntpq: read: Connection refused'; exit 1", timedatectl: "echo 'System has not been booted with systemd as init system (PID 1). Can'\\''t operate.' >&2; exit 1" });
    expect(none).toBe("== none\nchronyc: 506 Cannot talk to daemon\nntpq: ntpq: read: Connection refused\ntimedatectl: System has not been booted with systemd as init system (PID 1). Can't operate.\n");
    expect(parseSync(none).source).toBe('none');
  });
});
