/** Quote a value as one POSIX shell word: nothing inside is interpreted by the remote shell. */
export function shellQuote(value: string): string {
  if (value === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The string sent to sshd for a command. sshd puts a non-pty session in a process group of its
 * own (setsid in session.c), so the wrapper can end the whole tree, not just the shell, when the
 * client sends TERM/KILL on timeout or cancel. stdin is closed: tools like rabbitmqctl read it.
 * `exec /bin/sh` makes the behaviour independent of the user's login shell.
 */
export function wrapRemoteCommand(command: string): string {
  const script = `trap 'kill -KILL 0' TERM HUP INT; (\n${command}\n) </dev/null & wait $!`;
  return `exec /bin/sh -c ${shellQuote(script)}`;
}
