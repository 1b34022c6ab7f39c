/**
 * Service credentials that stay on the nodes. A step that calls the `openstack` client
 * (`client: openstack`) gets a prelude that loads the cluster's admin credentials inside the
 * step's own shell on the node; a kolla DB step reads `database_password` from passwords.yml on
 * the node and hands it to `mysql` through a defaults file. Stackscope only ever holds the place
 * (a path, a cloud or Secret name): no value crosses SSH, argv, the case log or a report.
 *
 * How a value stays out of sight, every time:
 * - it only lives in variables of the step's shell (`sh -c`, never exported to a command's argv);
 * - sourcing an openrc runs with stdout/stderr to /dev/null (an openrc that echoes, prompts or
 *   has `set -x` prints nothing), after `sh -n` checked it parses (a syntax error in `.` would
 *   end the shell, and some shells quote the offending line); `set +x` before and after;
 * - `printf` is a shell builtin (dash, bash, busybox): its arguments are no process's argv;
 * - the kolla defaults file is written inside the container with umask 077 in a `mktemp -d`
 *   directory a trap removes when the step's shell exits, however it exits.
 *
 * When the credentials cannot be loaded the prelude exits with CREDENTIALS_EXIT after one line
 * `stackscope-credentials: WHY` on stderr: the core reads it as "could not check", never as a result.
 */
import { kollaPasswordsDefaultPath, type KollaPasswords, type ServiceCredentials } from '../../main/contract/types.js';
import { shellQuote } from './shell.js';

export const CREDENTIALS_EXIT = 97;
const MARK = 'stackscope-credentials:';

/** `why` as the could-not-check line on stderr (the words are the prelude's own: no value in them). */
const refuse = (why: string): string => `{ printf '%s %s\\n' ${shellQuote(MARK)} ${shellQuote(why)} >&2; exit ${CREDENTIALS_EXIT}; }`;

/** The could-not-check reason a failed step wrote, when it was the prelude (exit code and marker line). */
export function credentialsRefusal(exitCode: number | null, stderr: string): string | null {
  if (exitCode !== CREDENTIALS_EXIT) return null;
  const line = stderr
    .slice(0, 4096)
    .split('\n')
    .find((l) => l.startsWith(MARK));
  return line ? line.slice(MARK.length).trim() : null;
}

/** OS_* variables the SSH session may carry are dropped first: the named credentials are the credentials. */
const CLEAR_OS_ENV = `for v in $(env | sed -n 's/^\\(OS_[A-Za-z0-9_]*\\)=.*/\\1/p'); do unset "$v"; done`;

/** The keys openstack-helm's keystone admin Secret carries (helm-toolkit's secret-keystone). */
const HELM_SECRET_KEYS = ['OS_AUTH_URL', 'OS_REGION_NAME', 'OS_INTERFACE', 'OS_ENDPOINT_TYPE', 'OS_PROJECT_DOMAIN_NAME', 'OS_PROJECT_NAME', 'OS_USER_DOMAIN_NAME', 'OS_USERNAME', 'OS_PASSWORD', 'OS_DEFAULT_DOMAIN'];

/** Source `path` quietly into the step's shell (see the header for why each part is there). */
function sourceQuietly(path: string, what: string): string {
  return [
    `f=${shellQuote(path)}`,
    `[ -r "$f" ] || ${refuse(`${what} ${path} is missing or not readable by this user on this node`)}`,
    `sh -n "$f" </dev/null >/dev/null 2>&1 || ${refuse(`${what} ${path} is not a shell file sh can read`)}`,
    // An openrc that calls `exit` would end the step silently: a trap says so (on fd 9, the
    // step's stderr, since the sourcing's own stderr is /dev/null). The status of `.` is the
    // openrc's last command (a `read` at EOF, a test): no verdict on the file.
    'exec 9>&2',
    `trap ${shellQuote(refuse(`${what} ${path} exits the shell when sourced`).replace('>&2', '>&9'))} EXIT`,
    'command . "$f" </dev/null >/dev/null 2>&1',
    '{ set +x; } 2>/dev/null',
    'trap - EXIT',
    'exec 9>&-',
  ].join('\n');
}

/**
 * The shell that loads the admin credentials before a `client: openstack` step, for `namespace`
 * (openstack-helm: where the Secret is). `none`: the session's own OS_* variables, else the first
 * readable ~/admin-openrc.sh, ~/admin-openrc, ~/openrc (what packages installs had before).
 */
export function clientPrelude(credentials: ServiceCredentials, namespace: string): string {
  switch (credentials.kind) {
    case 'none':
      return [
        'set +x',
        `[ -n "$OS_TOKEN$OS_AUTH_URL$OS_CLOUD" ] || for f in "$HOME/admin-openrc.sh" "$HOME/admin-openrc" "$HOME/openrc"; do`,
        `if [ -r "$f" ] && sh -n "$f" </dev/null >/dev/null 2>&1; then command . "$f" </dev/null >/dev/null 2>&1; break; fi; done`,
        '{ set +x; } 2>/dev/null',
      ].join('\n');
    case 'openrc':
      return ['set +x', CLEAR_OS_ENV, sourceQuietly(credentials.path, 'the admin openrc')].join('\n');
    case 'clouds-yaml':
      return [
        'set +x',
        CLEAR_OS_ENV,
        `f=${shellQuote(credentials.path)}`,
        `[ -r "$f" ] || ${refuse(`the clouds.yaml ${credentials.path} is missing or not readable by this user on this node`)}`,
        `grep -q ${shellQuote(`^[[:space:]]*${credentials.cloud.replace(/\./g, '\\.')}:`)} "$f" 2>/dev/null || ${refuse(`the clouds.yaml ${credentials.path} names no cloud ${credentials.cloud}`)}`,
        `export OS_CLIENT_CONFIG_FILE="$f" OS_CLOUD=${shellQuote(credentials.cloud)}`,
      ].join('\n');
    case 'helm-secret': {
      const ns = shellQuote(namespace);
      const secret = shellQuote(credentials.secret);
      // One kubectl per key: each argv names the Secret and a key, never a value; `base64 -d` reads the value on stdin.
      const keys = HELM_SECRET_KEYS.map((k) => `v=$(kubectl -n ${ns} get secret ${secret} -o ${shellQuote(`jsonpath={.data.${k}}`)} 2>/dev/null | base64 -d 2>/dev/null); if [ -n "$v" ]; then ${k}=$v; export ${k}; fi`);
      return [
        'set +x',
        CLEAR_OS_ENV,
        `kubectl -n ${ns} get secret ${secret} -o name >/dev/null 2>&1 || ${refuse(`kubectl on this node cannot read the Secret ${namespace}/${credentials.secret}`)}`,
        ...keys,
        'v=',
        `[ -n "$OS_AUTH_URL" ] && [ -n "$OS_PASSWORD" ] || ${refuse(`the Secret ${namespace}/${credentials.secret} has no OS_AUTH_URL or OS_PASSWORD`)}`,
      ].join('\n');
    }
  }
}

/**
 * After the prelude, for a step that finds its APIs through Keystone's catalog: credentials that
 * are a token pinned to one endpoint (OS_TOKEN with OS_ENDPOINT or the older OS_URL, and no
 * OS_AUTH_URL or OS_CLOUD: a noauth or bootstrap setup) have no catalog, and the client would send
 * every request, whatever its API, to that one endpoint (`server list` asked of Placement fails
 * with a Python error, after a second of the client starting). The step is could-not-check instead.
 */
export function catalogGuard(): string {
  return `[ -n "$OS_AUTH_URL$OS_CLOUD" ] || [ -z "$OS_ENDPOINT$OS_URL" ] || ${refuse(NO_CATALOG)}`;
}

/** catalogGuard's refusal, as credentialsRefusal reads it back. */
export const NO_CATALOG = 'the credentials are a token pinned to one endpoint (OS_ENDPOINT), with no Keystone catalog to find the API this step asks';

/** The node a `client: openstack` step must run on, by name; null: any of the step's own nodes. */
export function credentialsNode(credentials: ServiceCredentials, kubeAccessNode: string | null): string | null {
  if (credentials.kind === 'openrc' || credentials.kind === 'clouds-yaml') return credentials.node;
  if (credentials.kind === 'helm-secret') return kubeAccessNode;
  return null;
}

/**
 * kolla: a DB step's command with `database_password` from passwords.yml on this node. The host
 * shell reads the value into a variable and pipes a [client] section (printf, a builtin) into
 * `ENGINE exec -i CONTAINER`, whose shell writes it to a 0600 file in a mktemp directory, removed
 * by a trap when that shell exits; `mysql` there becomes a function that reads it first. Quoted
 * in the file as MySQL option files want it (backslash and double quote escaped).
 */
export function kollaDbCommand(engine: string, container: string, script: string, passwords: KollaPasswords | null, args?: { name: string; values: string[] }): string {
  const path = passwords?.path ?? kollaPasswordsDefaultPath;
  const inContainer = [
    'set +x',
    'umask 077',
    `d=$(mktemp -d) || { echo 'stackscope-credentials: mktemp -d failed in the container' >&2; exit ${CREDENTIALS_EXIT}; }`,
    `trap 'rm -rf "$d"' EXIT`,
    `trap 'exit 143' TERM INT HUP`,
    'cat > "$d/my.cnf"',
    'umask 022',
    'mysql() { command mysql --defaults-extra-file="$d/my.cnf" "$@"; }',
    script,
  ].join('\n');
  const tail = args ? ` ${shellQuote(args.name)}${args.values.map((v) => ` ${shellQuote(v)}`).join('')}` : '';
  return [
    'set +x',
    `p=${shellQuote(path)}`,
    `[ -r "$p" ] || ${refuse(`the Kolla passwords file ${path} is missing or not readable on this node`)}`,
    `pw=$(sed -n 's/^database_password:[[:space:]]*//p' "$p" | head -n 1)`,
    `case $pw in \\'*\\') pw=\${pw#\\'}; pw=\${pw%\\'} ;; \\"*\\") pw=\${pw#\\"}; pw=\${pw%\\"} ;; esac`,
    `[ -n "$pw" ] || ${refuse(`the Kolla passwords file ${path} has no database_password`)}`,
    // Escaped for the option file's double quotes; printf's arguments never reach a process's argv.
    `pw=$(printf '%s' "$pw" | sed 's/[\\\\"]/\\\\&/g')`,
    // The option's name is an argument too: a command reading `password=` would be redacted in the case log.
    `printf '[client]\\nuser=root\\n%s="%s"\\n' password "$pw" | ${engine} exec -i ${shellQuote(container)} sh -c ${shellQuote(inContainer)}${tail}`,
  ].join('\n');
}
