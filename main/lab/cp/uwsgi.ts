/**
 * The uwsgi ini of an OpenStack WSGI API (Keystone, nova-api, Nova's metadata API), as Kolla and
 * openstack-helm run them: the python3 plugin answering HTTP on the node's own address, one
 * thread per process (the apps monkey-patch eventlet, which uwsgi threads do not mix with), one
 * process unless said otherwise (the lab's memory budget), the app loaded in the worker (lazy-apps).
 */
export interface UwsgiApp {
  /** What `ps` and the uwsgi log call it (keystone-api, nova-api, nova-metadata). */
  name: string;
  host: string;
  port: number;
  /** The WSGI script the package ships (/usr/bin/keystone-wsgi-public, /usr/bin/nova-api-wsgi). */
  wsgiFile: string;
  /**
   * NAME=value, in order. WSGI apps ignore --config-file: they read OS_<PROJECT>_CONFIG_DIR (and
   * _CONFIG_FILES), else silently /etc/<project> (shared/LAB-NOTES.md).
   */
  env: string[];
  chdir: string;
  /** uwsgi's own log file; absent: its stderr (the component's log). */
  logto?: string;
  /** Worker processes (default 1): each request holds one for its whole length. */
  processes?: number;
}

export function uwsgiIni(a: UwsgiApp): string {
  return `[uwsgi]
plugins = python3
http-socket = ${a.host}:${a.port}
wsgi-file = ${a.wsgiFile}
${a.env.map((e) => `env = ${e}\n`).join('')}master = true
processes = ${a.processes ?? 1}
threads = 1
lazy-apps = true
enable-threads = true
die-on-term = true
no-orphans = true
buffer-size = 65535
chdir = ${a.chdir}
${a.logto ? `logto = ${a.logto}\n` : ''}name = ${a.name}
# uwsgi closes the connection after each response without saying so; clients re-using it get resets.
add-header = Connection: close
`;
}
