/**
 * Which log lines explain a crash, and what they usually mean. Matched against the container's
 * `kubectl logs --previous` (the run that crashed) or the init container's current log.
 */

export interface Explainer {
  re: RegExp;
  /** The short quotable part of the line, for titles. */
  gist?: RegExp;
  cause: string;
  next: (ns: string, pod: string) => string;
}

export const explainers: Explainer[] = [
  {
    re: /Access denied for user/,
    gist: /Access denied for user '[^']*'(?:@'[^']*')?/,
    cause:
      'The service connects to its database with credentials MariaDB rejects (error 1045): the password in the service configuration/secret no longer matches the database user (rotated or mismatched secret), or the user has no grant for this host.',
    next: (ns) => `compare the DB password in the service's config secret with the user in MariaDB: kubectl -n ${ns} get secrets | grep db-user; mysql -e "SELECT user,host FROM mysql.user"`,
  },
  {
    re: /Can't connect to MySQL server|Lost connection to MySQL server|Unknown MySQL server host|DBConnectionError|MySQL server has gone away/,
    gist: /Can't connect to MySQL server[^"]*|Lost connection to MySQL server[^"]*|Unknown MySQL server host[^"]*|MySQL server has gone away|DBConnectionError/,
    cause: 'The database is unreachable from the pod (MariaDB/Galera down, not Primary, or its Service has no endpoints).',
    next: (ns) => `kubectl -n ${ns} get pods -l application=mariadb; run the galera-health playbook`,
  },
  {
    re: /AMQP server on .* is unreachable|MessagingTimeout|ACCESS_REFUSED|Connection reset by peer.*5672/,
    gist: /AMQP server on \S+ is unreachable[^.]*|MessagingTimeout[^.]*|ACCESS_REFUSED[^.]*/,
    cause: 'RabbitMQ is unreachable or refuses the service (broker down, partitioned, or wrong credentials).',
    next: (ns) => `kubectl -n ${ns} get pods -l application=rabbitmq; kubectl -n ${ns} exec rabbitmq-rabbitmq-0 -- rabbitmqctl cluster_status`,
  },
  {
    re: /Resolving dependency .* failed/,
    gist: /Resolving dependency .* failed/,
    cause: 'kubernetes-entrypoint is waiting for a dependency (a Job that has not completed, a Service without endpoints, or a pod that is not running).',
    next: (ns) => `kubectl -n ${ns} get jobs; kubectl -n ${ns} get endpoints`,
  },
  {
    re: /failed to open netns/,
    cause:
      'The OVN metadata agent cannot open a stale ovnmeta-… network namespace left on the node (neutron bug 2037102): it crashes at every start until the namespace is removed.',
    next: (ns, pod) => `on the pod's node: ip netns | grep ovnmeta (remove the stale ones: ip netns del <name>), then kubectl -n ${ns} delete pod ${pod}`,
  },
  {
    re: /Connection refused|ECONNREFUSED|connect: no route to host|i\/o timeout/,
    cause: 'A service this container depends on refuses or drops its connections.',
    next: (ns) => `kubectl -n ${ns} get endpoints; kubectl -n ${ns} get pods -o wide`,
  },
  {
    re: /No such file or directory|Permission denied|command not found|exec format error/,
    cause: "The container cannot start its process: a missing or unreadable file, a wrong command, or a host resource it expects (an image, configmap or host state mismatch).",
    next: (ns, pod) => `kubectl -n ${ns} describe pod ${pod}; compare the image tag and configmaps with the chart values`,
  },
  {
    re: /Shutdown complete|Caught SIGTERM|received signal 15|Received SIGTERM|shutting down|exiting on signal/i,
    cause: 'The log ends with an orderly shutdown: the process was stopped (by an operator, a probe or a signal), it did not crash.',
    next: (ns, pod) => `kubectl -n ${ns} describe pod ${pod}; check who stopped it (liveness probe events, node or operator actions)`,
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
