import { createInterface } from 'node:readline';

/**
 * Ask for a secret without echoing it (or, with `echo`, an answer shown as typed). With no
 * terminal (scripts, tests) one line is read from stdin, like `sudo -S`. `signal` stops asking
 * (the question went away: a login prompt that timed out) and rejects with its reason.
 */
export async function askSecret(question: string, options: { echo?: boolean; signal?: AbortSignal } = {}): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return readLine(question);
  const { echo = false, signal } = options;
  if (signal?.aborted) throw signal.reason;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    input.setRawMode(true);
    input.resume();
    const onData = (buf: Buffer): void => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') {
          if (echo && value) process.stderr.write('\b \b');
          value = value.slice(0, -1);
        } else {
          value += ch;
          if (echo && ch >= ' ') process.stderr.write(ch);
        }
      }
    };
    const onAbort = (): void => {
      done();
      reject(signal?.reason);
    };
    const done = (): void => {
      input.off('data', onData);
      signal?.removeEventListener('abort', onAbort);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    input.on('data', onData);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

let stdinLines: AsyncIterator<string> | null = null;

/** Read one line (stdin shared across calls, so several prompts can be answered from a pipe). */
export async function readLine(question: string): Promise<string> {
  process.stderr.write(question);
  if (!stdinLines) stdinLines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const next = await stdinLines.next();
  if (next.done) throw new Error('no answer on standard input');
  return next.value;
}

export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const answer = await readLine(`${question} [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}
