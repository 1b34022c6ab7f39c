/**
 * Which log lines explain a crash, and what they usually mean. Matched against the container's
 * `kubectl logs --previous` (the run that crashed) or the init container's current log.
 */

export interface Explainer {
  re: RegExp;
  /** The short quotable part of the line, for titles. */
  gist?: RegExp;
  /** Its texts are k8s-pods.explain.ID.cause and .next (main/shared/finding-texts/k8s-pods.ts), with {ns} and {pod}. */
  id: string;
}

export const explainers: Explainer[] = [
  {
    id: 'db-access-denied',
    re: /Access denied for user/,
    gist: /Access denied for user '[^']*'(?:@'[^']*')?/,
  },
  {
    id: 'db-unreachable',
    re: /Can't connect to MySQL server|Lost connection to MySQL server|Unknown MySQL server host|DBConnectionError|MySQL server has gone away/,
    gist: /Can't connect to MySQL server[^"]*|Lost connection to MySQL server[^"]*|Unknown MySQL server host[^"]*|MySQL server has gone away|DBConnectionError/,
  },
  {
    id: 'rabbitmq',
    re: /AMQP server on .* is unreachable|MessagingTimeout|ACCESS_REFUSED|Connection reset by peer.*5672/,
    gist: /AMQP server on \S+ is unreachable[^.]*|MessagingTimeout[^.]*|ACCESS_REFUSED[^.]*/,
  },
  {
    id: 'entrypoint-dependency',
    re: /Resolving dependency .* failed/,
    gist: /Resolving dependency .* failed/,
  },
  {
    id: 'stale-netns',
    re: /failed to open netns/,
  },
  {
    id: 'connection-refused',
    re: /Connection refused|ECONNREFUSED|connect: no route to host|i\/o timeout/,
  },
  {
    id: 'cannot-exec',
    re: /No such file or directory|Permission denied|command not found|exec format error/,
  },
  {
    id: 'shutdown',
    re: /Shutdown complete|Caught SIGTERM|received signal 15|Received SIGTERM|shutting down|exiting on signal/i,
  },
];

/** Generic error lines, when no known pattern matches. */
export const genericError = /\b(ERROR|CRITICAL|FATAL|Error|Exception|panic)\b/;

/** A log line without its timestamp/pid prefix, to tell repeated lines apart. */
export function logKey(line: string): string {
  return line
    .replace(/^\S*\d{4}[-/]\d\d[-/]\d\d[ T][\d:.,]+Z?\s+(\d+\s+)?/, '')
    .replace(/\[req-[^\]]*\]/, '')
    .trim();
}

/** Trim a log line to what a title can carry. */
export function gistOf(line: string, ex?: Explainer): string {
  const m = ex?.gist?.exec(line);
  const text = m ? m[0] : logKey(line);
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}
