/**
 * A safety net for the commands runbooks run: it refuses the usual ways a shell command changes a
 * host or a cloud (deleting, killing, restarting, writing files, `ovn-nbctl set`, SQL writes,
 * `openstack … create`). It is a deny-list, so it cannot prove a command harmless; the real
 * guarantee is that a runbook step runs only the command written in the reviewed runbook file,
 * never text from the client. It catches a runbook author's mistake at load, with the reason.
 */

/** Drop the contents of quoted strings, so `mysql -e "SELECT a > b"` is not a redirection. */
function withoutQuoted(command: string): string {
  let out = '';
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

/** Where a new simple command starts: line start, `;`, `&&`, `||`, `|`, `(`, `$(`, backtick, `do`/`then`. */
const START = String.raw`(?:^|[;&|(\x60\n]|\b(?:do|then|else)\s)\s*(?:sudo\s+|exec\s+|command\s+)?`;

const shellRules: Array<[RegExp, string]> = [
  [new RegExp(`${START}(rm|rmdir|mv|cp|dd|shred|truncate|mkfs\\S*|fdisk|parted|wipefs|chmod|chown|chattr|ln|touch|mkdir|install|tee)\\b`), 'changes files ($1)'],
  [new RegExp(`${START}(kill|pkill|killall|reboot|shutdown|halt|poweroff|init|telinit)\\b`), 'stops processes or the host ($1)'],
  [/\bsystemctl\s+(start|stop|restart|reload|try-restart|reload-or-restart|enable|disable|mask|unmask|kill|isolate|daemon-reload)\b/, 'changes a service (systemctl $1)'],
  [/\bservice\s+\S+\s+(start|stop|restart|reload)\b/, 'changes a service (service … $1)'],
  [/\b(apt|apt-get|dpkg|yum|dnf|rpm|pip3?|npm)\s+(install|remove|purge|upgrade|erase|-i\b|-r\b)/, 'installs or removes packages ($1 $2)'],
  [/\bsed\s+(?:-\w*i|--in-place)/, 'edits a file in place (sed -i)'],
  [/(^|[^0-9&<>-])>>?\s*(?!\s*&|\s*\/dev\/null\b)/, 'writes a file (redirection with >)'],
  [/\b(?:ovn-nbctl|ovn-sbctl|ovs-vsctl)\b[^;&|\n]*?\s(set|add|remove|clear|destroy|create|emer-reset|init|sync|del-\S+|add-\S+|\S+-(?:add|del|set|set-\S+|clear))(?=\s|$)/, 'changes an OVSDB database ($1)'],
  [/\bovs-ofctl\s+(add-flows?|del-flows|mod-flows|replace-flows|mod-port|mod-table)\b/, 'changes OpenFlow tables (ovs-ofctl $1)'],
  [/\bovs-appctl\b[^;&|\n]*\s(exit|cluster\/leave|cluster\/kick|vlog\/set)\b/, 'changes a running daemon (ovs-appctl $1)'],
  [new RegExp(`${START}kubectl\\b[^;&|\\n]*?\\s(delete|apply|create|patch|edit|replace|scale|rollout|drain|cordon|uncordon|label|annotate|taint|set|cp|run)(?=\\s|$)`), 'changes Kubernetes (kubectl $1)'],
  [new RegExp(`${START}(docker|podman)\\s+(rm|rmi|stop|start|restart|kill|run|update|pause|cp)\\b`), 'changes a container ($1 $2)'],
  [
    /\brabbitmqctl\b[^;&|\n]*?\s(stop_app|start_app|stop|shutdown|reset|force_reset|force_boot|join_cluster|forget_cluster_node|update_cluster_nodes|change_cluster_node_type|rename_cluster_node|eval|exec|close_\w+|delete_\w+|purge_queue|add_\w+|set_\w+|clear_\w+|change_password|enable_feature_flag|sync_queue|cancel_sync_queue|restart_vhost|rotate_logs)(?=[\s;&|)]|$)/,
    'changes RabbitMQ (rabbitmqctl $1)',
  ],
  [/\brabbitmq-plugins\b[^;&|\n]*?\s(enable|disable|set)(?=[\s;&|)]|$)/, 'changes RabbitMQ plugins (rabbitmq-plugins $1)'],
  [new RegExp(`${START}openstack\\b[^;&|\\n]*?\\s(create|delete|set|unset|add|remove|rebuild|reboot|start|stop|migrate|evacuate|purge|cleanup)(?=\\s|$)`), 'changes the cloud (openstack … $1)'],
  [/\bcurl\b[^;&|\n]*(?:-X\s*|--request\s+)(POST|PUT|PATCH|DELETE)\b/i, 'sends a $1 request'],
  [/\bcurl\b[^;&|\n]*\s(?:-d|--data\S*|-F|--form|-T|--upload-file)(?=\s|=)/, 'sends data with curl'],
];

// SQL inside the command's strings: writes and changes of server state.
const sqlRule = /\b(INSERT\s+INTO|REPLACE\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|DROP\s+\w+|ALTER\s+\w+|CREATE\s+\w+|TRUNCATE\b|GRANT\b|REVOKE\b|SET\s+(?:GLOBAL|SESSION|PERSIST|@@|wsrep|PASSWORD)|FLUSH\b|KILL\b|SHUTDOWN\b|RESET\b|LOAD\s+DATA)/i;

/** Why `command` looks like it changes something, or null when the deny-list finds nothing. */
export function mutatingReason(command: string): string | null {
  const bare = withoutQuoted(command);
  for (const [re, why] of shellRules) {
    const m = re.exec(bare);
    if (m) return why.replace(/\$(\d)/g, (_x, n: string) => m[Number(n)] ?? '');
  }
  const sql = /\b(mysql|mariadb|psql|sqlite3)\b/.test(bare) ? sqlRule.exec(command) : null;
  if (sql) return `writes to the database (${(sql[1] as string).replace(/\s+/g, ' ')})`;
  return null;
}
