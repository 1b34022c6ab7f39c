import { shellQuote } from '../../../playbooks/engine/shell.js';

/** First line the wrapper writes to stderr; the client strips it and keeps the pid. */
export const PID_MARK = '\u001estackscope-pid ';

/**
 * The string sent to sshd for a command. It reports its pid first: sshd makes a non-pty session
 * leader of its own process group (setsid in session.c), so the client can end the whole tree
 * with `kill -- -PID` over a second channel. SSH "signal" requests alone are not enough: sshd
 * refuses them for root logins ("session signalling requires privilege separation").
 * stdin is closed: tools like rabbitmqctl read it. `exec /bin/sh` makes the behaviour
 * independent of the user's login shell. Quoting itself is the playbook engine's (engine/shell.ts).
 */
export function wrapRemoteCommand(command: string): string {
  const script = `printf '\\036stackscope-pid %d\\n' $$ >&2; exec </dev/null\n${command}`;
  return `exec /bin/sh -c ${shellQuote(script)}`;
}

/**
 * Ends a wrapped command's process group: TERM, then KILL after `graceSec`. It runs in the login
 * user's shell: `kill -SIG -PGID`, not `kill -SIG -- -PGID`, which dash (/bin/sh on Debian, a
 * common login shell for service users) refuses ("Illegal number: -").
 */
export function killGroupCommand(pid: number, graceSec: number): string {
  const p = Math.trunc(pid);
  return `kill -TERM -${p} 2>/dev/null; sleep ${graceSec}; kill -KILL -${p} 2>/dev/null; true`;
}

/**
 * A step that needs root, through sudo as `user` (see wrapRemoteCommand for the pid line). `-n`
 * fails at once where sudo would ask for a password; with a session password, `-S -p ''` reads
 * it from stdin (the client writes it there, never into the command line) without a prompt. The
 * command itself gets /dev/null as stdin, so it never sees the password either way. `-H`: root's
 * home, so tools read root's own client config (~/.my.cnf, ~/.kube/config).
 */
export function wrapSudoCommand(command: string, user: string, withPassword: boolean): string {
  // The group kill runs as the login user: it reaches sudo (whose real uid is that user), which
  // passes TERM on to this shell, but not the root processes under it. So this shell, as root,
  // runs the command in the background and on TERM ends its whole process group itself.
  const inner = `exec </dev/null\ntrap 'trap - TERM; kill -TERM 0' TERM\n/bin/sh -c ${shellQuote(command)} &\nwait $!`;
  const sudo = withPassword ? `sudo -S -p '' -H -u ${shellQuote(user)}` : `exec </dev/null; sudo -n -H -u ${shellQuote(user)}`;
  const script = `printf '\\036stackscope-pid %d\\n' $$ >&2\n${sudo} -- /bin/sh -c ${shellQuote(inner)}`;
  return `exec /bin/sh -c ${shellQuote(script)}`;
}
