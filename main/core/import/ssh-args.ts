import { parse as shellWords } from 'shell-quote';
import type { JumpHop } from './types.js';

/**
 * Jump chains out of OpenSSH arguments: Ansible's `ansible_ssh_common_args`, a ProxyJump value
 * and the one ProxyCommand form that is a jump (`ssh -W %h:%p … [user@]bastion`). Words are split
 * by shell-quote, as a shell would; anything that needs a shell to mean something (`;`, `|`, `$(…)`
 * run by the shell) is refused, never run: Stackscope connects with ssh2, not with ssh.
 */

export class ArgsError extends Error {}

/** Shell words of `text`, refusing operators; `$VAR` stays literal (nothing is expanded). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const t of shellWords(text, (name) => `$${name}`)) {
    if (typeof t === 'string') out.push(t);
    else if ('comment' in t) break;
    else if (t.op === 'glob') out.push(t.pattern);
    else throw new ArgsError(`shell operator "${t.op}" is not allowed here`);
  }
  return out;
}

const portOf = (s: string, what: string): number => {
  if (!/^\d{1,5}$/.test(s) || Number(s) < 1 || Number(s) > 65535) throw new ArgsError(`${what}: "${s}" is not a port`);
  return Number(s);
};

/** `[user@]host[:port]`, `[user@][v6]:port` or `ssh://[user@]host[:port]`. */
export function parseHop(spec: string): JumpHop {
  let rest = spec.startsWith('ssh://') ? spec.slice(6) : spec;
  let user: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
  }
  let host = rest;
  let port: number | undefined;
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (v6) {
    host = v6[1] as string;
    if (v6[2] !== undefined) port = portOf(v6[2], `jump host ${spec}`);
  } else if (rest.split(':').length === 2) {
    const [h, p] = rest.split(':') as [string, string];
    host = h;
    port = portOf(p, `jump host ${spec}`);
  }
  if (!host) throw new ArgsError(`jump host "${spec}" has no host`);
  return { host, ...(user !== undefined ? { user } : {}), ...(port !== undefined ? { port } : {}) };
}

/** A ProxyJump value: hops separated by commas, nearest first; `none` means no jump. */
export function parseProxyJump(value: string): JumpHop[] {
  if (value.trim().toLowerCase() === 'none') return [];
  return value.split(',').map((s) => parseHop(s.trim()));
}

/** `ssh [-q -T -A] [-p PORT] [-l USER] [-i KEY] [-J CHAIN] [-o K=V] -W %h:%p [user@]host`: its hops. */
export function parseProxyCommand(value: string): JumpHop[] {
  const w = words(value);
  const program = w.shift();
  if (!program || !/(^|\/)ssh$/.test(program)) {
    throw new ArgsError(`ProxyCommand "${program ?? ''}" is not supported: only "ssh -W %h:%p [user@]bastion" (or use ProxyJump)`);
  }
  let port: number | undefined;
  let user: string | undefined;
  let keyPath: string | undefined;
  let before: JumpHop[] = [];
  let forwards = false;
  let dest: string | undefined;
  for (let i = 0; i < w.length; i++) {
    const t = w[i] as string;
    const arg = (): string => {
      const v = w[++i];
      if (v === undefined) throw new ArgsError(`ProxyCommand: ${t} needs a value`);
      return v;
    };
    if (/^-[qTAnNCv]+$/.test(t)) continue;
    if (t === '-W') {
      if (arg() !== '%h:%p') throw new ArgsError('ProxyCommand: only -W %h:%p is supported');
      forwards = true;
    } else if (t === '-p') port = portOf(arg(), 'ProxyCommand -p');
    else if (t === '-l') user = arg();
    else if (t === '-i') keyPath = arg();
    else if (t === '-J') before = parseProxyJump(arg());
    else if (t.startsWith('-o')) {
      const opt = t.length > 2 ? t.slice(2) : arg();
      const m = /^([A-Za-z]+)[= ](.*)$/.exec(opt);
      if (m && m[1]?.toLowerCase() === 'proxyjump') before = parseProxyJump(m[2] as string);
      else if (m && m[1]?.toLowerCase() === 'proxycommand') throw new ArgsError('ProxyCommand: a nested ProxyCommand is not supported');
      // Other -o options (StrictHostKeyChecking, UserKnownHostsFile…) do not change where the hop is.
    } else if (t.startsWith('-')) throw new ArgsError(`ProxyCommand: option ${t} is not supported`);
    else if (dest === undefined) dest = t;
    else throw new ArgsError(`ProxyCommand: unexpected "${t}" after the host (a remote command is not a jump)`);
  }
  if (!forwards) throw new ArgsError('ProxyCommand: without -W %h:%p it is not a jump host');
  if (!dest) throw new ArgsError('ProxyCommand: no bastion host given');
  const hop = parseHop(dest);
  return [
    ...before,
    { ...hop, ...(user !== undefined && hop.user === undefined ? { user } : {}), ...(port !== undefined ? { port } : {}), ...(keyPath !== undefined ? { keyPath } : {}) },
  ];
}

/** Ansible's ansible_ssh_common_args (or ssh_extra_args): the jump chain it sets, if any. */
export function jumpOfSshArgs(value: string): { jump: JumpHop[]; ignored: string[] } {
  const w = words(value);
  let jump: JumpHop[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < w.length; i++) {
    const t = w[i] as string;
    if (t === '-J') {
      jump = parseProxyJump(w[++i] ?? '');
      continue;
    }
    if (!t.startsWith('-o')) {
      ignored.push(t);
      continue;
    }
    const opt = t.length > 2 ? t.slice(2) : (w[++i] ?? '');
    const m = /^([A-Za-z]+)\s*[= ]\s*(.*)$/s.exec(opt);
    if (!m) throw new ArgsError(`-o ${opt}: expected Option=value`);
    const key = (m[1] as string).toLowerCase();
    if (key === 'proxyjump') jump = parseProxyJump(m[2] as string);
    else if (key === 'proxycommand') jump = parseProxyCommand(m[2] as string);
    else ignored.push(m[1] as string);
  }
  return { jump, ignored };
}
