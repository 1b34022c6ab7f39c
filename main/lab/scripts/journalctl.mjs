// The practice lab's `journalctl`. Lab nodes have no systemd and no journal: each component the lab
// started writes its stdout and stderr (what journald would hold for its unit) to its log file
// (see $STACKSCOPE_LAB/state.json). This script answers the journalctl commands a runbook or a
// playbook uses on a packages install, for the units of the node it runs on ($STACKSCOPE_LAB_NODE),
// from those files, in journalctl's own formats:
//   journalctl [-u UNIT]... [-n N|--lines=N] [-S|--since T] [-U|--until T] [-o short|short-iso|short-precise|cat]
//              [-r] [--no-pager] [-q] [-e] [-x] [-a] [-b] [--no-hostname] [-k|--dmesg: no entries]
// A unit with no log lines (or unknown here, as with the real journalctl) prints `-- No entries --`.
// Lines carry the time their own timestamp says (a line without one, the time of the line before).
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { units } from './units.mjs';

const out = (s) => process.stdout.write(`${s}\n`);
const err = (s) => process.stderr.write(`${s}\n`);
const fail = (s) => {
  err(s);
  process.exit(1);
};

const lab = process.env.STACKSCOPE_LAB;
const node = process.env.STACKSCOPE_LAB_NODE;
if (!lab || !node || !existsSync(join(lab, 'state.json'))) {
  err('No journal files were found.\n(stackscope lab: this is not a lab node, or the lab is down)');
  out('-- No entries --');
  process.exit(0);
}

// ---- arguments (getopt-like: -uX, -u X, --unit=X, --unit X) ----
const withValue = { u: 'unit', n: 'lines', S: 'since', U: 'until', o: 'output' };
const flags = { r: 'reverse', q: 'quiet', e: 'pager-end', x: 'catalog', a: 'all', b: 'boot', l: 'full', m: 'merge', k: 'dmesg' };
const longWithValue = new Set(['unit', 'lines', 'since', 'until', 'output']);
const longFlags = new Set(['no-pager', 'reverse', 'quiet', 'pager-end', 'catalog', 'all', 'boot', 'full', 'no-full', 'no-hostname', 'merge', 'system', 'dmesg']);
const opts = { unit: [], lines: undefined, since: undefined, until: undefined, output: 'short', reverse: false, 'no-hostname': false };
const argv = process.argv.slice(2);
const set = (name, value) => {
  if (name === 'unit') opts.unit.push(value);
  else opts[name] = value;
};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '-f' || a === '--follow' || a === '-F') fail(`journalctl: the lab's journalctl cannot follow a log (${a}); read it again, or tail -f the component's log file`);
  if (a.startsWith('--')) {
    const [name, inline] = a.slice(2).split(/=(.*)/s);
    if (longWithValue.has(name)) {
      // --lines takes an optional value, like journalctl's own.
      if (inline !== undefined) set(name, inline);
      else if (name === 'lines' && !/^\+?\d+$|^all$/.test(argv[i + 1] ?? '')) set(name, '10');
      else if (i + 1 < argv.length) set(name, argv[++i]);
      else fail(`journalctl: option '--${name}' requires an argument`);
    } else if (longFlags.has(name)) {
      if (name === 'reverse' || name === 'no-hostname' || name === 'dmesg') opts[name] = true;
    } else fail(`journalctl: unrecognized option '${a}'`);
    continue;
  }
  if (a.startsWith('-') && a.length > 1) {
    for (let j = 1; j < a.length; j++) {
      const ch = a[j];
      if (withValue[ch]) {
        const rest = a.slice(j + 1);
        if (rest) set(withValue[ch], rest);
        else if (ch === 'n' && !/^\+?\d+$|^all$/.test(argv[i + 1] ?? '')) set('lines', '10');
        else if (i + 1 < argv.length) set(withValue[ch], argv[++i]);
        else fail(`journalctl: option requires an argument -- '${ch}'`);
        break;
      }
      if (ch === 'b' && /^-?\d+$|^[0-9a-f]{32}$/.test(a.slice(j + 1))) break; // -b0, -b-1: the lab knows one boot
      if (!flags[ch]) fail(`journalctl: invalid option -- '${ch}'`);
      if (ch === 'r') opts.reverse = true;
      if (ch === 'k') opts.dmesg = true;
    }
    continue;
  }
  fail(`journalctl: the lab's journalctl filters by unit only (-u UNIT); it does not take matches like '${a}'`);
}

// -k: the kernel's messages. Lab nodes share this machine's kernel and have no journal of it
// (a playbook then reads dmesg, as on a host whose journal holds no kernel lines).
if (opts.dmesg) {
  out('-- No entries --');
  process.exit(0);
}

let lines = Infinity;
if (opts.lines !== undefined) {
  if (opts.lines === 'all') lines = Infinity;
  else if (/^\d+$/.test(opts.lines)) lines = Number(opts.lines);
  else fail(`Failed to parse lines '${opts.lines}'`);
}
const outputs = ['short', 'short-iso', 'short-precise', 'cat'];
if (!outputs.includes(opts.output)) fail(`Unknown output format '${opts.output}'. (the lab's journalctl knows ${outputs.join(', ')})`);

// ---- timestamps ----
const units_ = { s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hour: 3600, hours: 3600, d: 86400, day: 86400, days: 86400, w: 604800, week: 604800, weeks: 604800 };
const startOfDay = (offsetDays) => {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + offsetDays);
  return d.getTime();
};
/** A --since/--until value as journalctl reads it (systemd.time(7)), in ms; undefined when it cannot. */
function parseWhen(raw) {
  const v = raw.trim();
  if (v === 'now') return Date.now();
  if (v === 'today') return startOfDay(0);
  if (v === 'yesterday') return startOfDay(-1);
  if (v === 'tomorrow') return startOfDay(1);
  if (/^@\d+(\.\d+)?$/.test(v)) return Number(v.slice(1)) * 1000;
  const rel = /^([+-])?\s*((?:\d+\s*[a-z]+\s*)+?)(\s+ago)?$/.exec(v);
  if (rel && (rel[1] || rel[3])) {
    let secs = 0;
    for (const [, num, unit] of rel[2].matchAll(/(\d+)\s*([a-z]+)/g)) {
      if (!units_[unit]) return undefined;
      secs += Number(num) * units_[unit];
    }
    return Date.now() + (rel[1] === '+' ? 1 : -1) * secs * 1000;
  }
  const abs = /^(?:(\d{4})-(\d\d)-(\d\d))?(?:[ T]?(\d\d):(\d\d)(?::(\d\d))?)?(\s+UTC)?$/.exec(v);
  if (abs && (abs[1] || abs[4])) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', utc] = abs;
    const today = new Date();
    const parts = [y ? Number(y) : today.getFullYear(), y ? Number(mo) - 1 : today.getMonth(), y ? Number(d) : today.getDate(), Number(h), Number(mi), Number(s)];
    return utc ? Date.UTC(...parts) : new Date(...parts).getTime();
  }
  return undefined;
}
const since = opts.since === undefined ? undefined : parseWhen(opts.since);
const until = opts.until === undefined ? undefined : parseWhen(opts.until);
if (opts.since !== undefined && since === undefined) fail(`Failed to parse timestamp: ${opts.since}`);
if (opts.until !== undefined && until === undefined) fail(`Failed to parse timestamp: ${opts.until}`);

/** The time a log line states near its start (ISO, MariaDB's, OVS's), in ms; undefined when none. */
function lineTime(line) {
  const m = /(\d{4})-(\d\d)-(\d\d)[ T]\s?(\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,6}))?(Z|[+-]\d\d:?\d\d)?/.exec(line.slice(0, 80));
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '0', zone] = m;
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms];
  if (!zone) return new Date(...parts).getTime();
  const utc = Date.UTC(...parts);
  if (zone === 'Z') return utc;
  const z = /([+-])(\d\d):?(\d\d)/.exec(zone);
  return utc - (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
}

// ---- the node's units and their log lines ----
const state = JSON.parse(readFileSync(join(lab, 'state.json'), 'utf8'));
// kolla: a containerised service has no systemd unit (nor journal) on a Kolla host; `docker` is the way in.
const here = state.components.filter((c) => c.node === node && !(state.layout.flavor === 'kolla' && c.container));
function componentsOf(raw) {
  const name = raw.replace(/\.service$/, '');
  const unit = units.find((u) => u.names.includes(name));
  return unit ? unit.kinds.flatMap((k) => here.filter((c) => c.kind === k)) : [];
}
const comps = [...new Set(opts.unit.length ? opts.unit.flatMap(componentsOf) : here.filter((c) => c.kind !== 'sshd'))];

// The unit names this node has a component for, one per line, for the wrapper's fast path (nodes.ts):
// written once the lab is up (its components no longer change), read by `grep -x`.
const unitsFile = join(lab, node, 'journal-units');
if (state.readyAt && !existsSync(unitsFile)) {
  const names = units.filter((u) => u.kinds.some((k) => here.some((c) => c.kind === k))).flatMap((u) => u.names);
  try {
    writeFileSync(`${unitsFile}.${process.pid}`, names.map((n) => `${n}\n`).join(''));
    renameSync(`${unitsFile}.${process.pid}`, unitsFile);
  } catch {
    // A node folder that went away (lab down): the wrapper keeps starting this script.
  }
}

const pidOf = (file) => {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
};

const entries = [];
for (const c of comps) {
  if (!existsSync(c.logFile)) continue;
  const text = readFileSync(c.logFile, 'utf8');
  if (!text.trim()) continue;
  const ident = basename(c.argv[0] ?? c.kind);
  const pid = pidOf(c.pidFile);
  const raw = text.replace(/\n$/, '').split('\n');
  // Lines before the first timestamp take the time of the first one (or the file's, if it has none).
  let t = raw.map(lineTime).find((x) => x !== undefined) ?? statSync(c.logFile).mtimeMs;
  for (const msg of raw) {
    t = lineTime(msg) ?? t;
    entries.push({ t, ident, pid, msg });
  }
}
// Merge the units' logs by time (stable: a file's own order stays).
let shown = entries
  .map((e, i) => ({ ...e, i }))
  .sort((a, b) => a.t - b.t || a.i - b.i)
  .filter((e) => (since === undefined || e.t >= since) && (until === undefined || e.t <= until));
if (lines !== Infinity) shown = lines === 0 ? [] : shown.slice(-lines);
if (opts.reverse) shown.reverse();

if (!shown.length) {
  out('-- No entries --');
  process.exit(0);
}
const host = opts['no-hostname'] ? '' : ` ${hostname()}`;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function stamp(ms) {
  const d = new Date(ms);
  const hms = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  if (opts.output === 'short-iso') {
    const off = -d.getTimezoneOffset();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${hms}${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  }
  const base = `${months[d.getMonth()]} ${pad(d.getDate())} ${hms}`;
  return opts.output === 'short-precise' ? `${base}.${pad(d.getMilliseconds() * 1000, 6)}` : base;
}
const body = shown.map((e) => (opts.output === 'cat' ? e.msg : `${stamp(e.t)}${host} ${e.ident}${e.pid ? `[${e.pid}]` : ''}: ${e.msg}`));
process.stdout.write(`${body.join('\n')}\n`);
