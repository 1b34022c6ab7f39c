// The practice lab's `kubectl` (openstack-helm flavour). There is no Kubernetes here: this
// script answers the kubectl commands an operator uses on an OpenStack-Helm cluster from the
// lab's real processes. Pods and their containers come from $STACKSCOPE_LAB/pods.json (written
// by `lab up`); status is read from the processes each time (alive or not, the supervisor's
// restart count and back-off), logs are the processes' own logs, and `exec` runs the command in
// that component's network namespace and environment.
// Supported: get pods|nodes [-n NS|-A] [-o json|wide|name] [-l k=v] [NAME] (nodes -o json with
// openstack-helm's node labels, InternalIP and the kubelet's conditions; pods with
// --field-selector status.phase=|spec.nodeName=|metadata.name=|metadata.namespace=);
// get pvc [-n NS|-A] [-o json] (the lab has no PersistentVolumeClaims); describe pod NAME;
// logs POD [-c C] [-p|--previous] [--tail N]; exec POD [-c C] [-it] -- CMD...; version;
// get events [-n NS|-A] [--field-selector type=Warning|involvedObject.name=POD] [-o json]
// (BackOff warnings of crash-looping containers, the events the kubelet would post);
// get secret NAME [-n NS] -o name|jsonpath={.data.KEY} (from $STACKSCOPE_LAB/secrets.json).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const lab = process.env.STACKSCOPE_LAB;
const die = (msg, code = 1) => {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
};
if (!lab || !existsSync(join(lab, 'pods.json'))) die('The connection to the server localhost:8080 was refused - did you specify the right host or port?');

// ---- arguments -----------------------------------------------------------------------------
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const words = dash >= 0 ? argv.slice(0, dash) : argv;
const command = dash >= 0 ? argv.slice(dash + 1) : [];
const opts = { namespace: 'default', all: false, output: '', selector: '', fieldSelector: '', container: '', previous: false, tail: -1 };
const positional = [];
for (let i = 0; i < words.length; i++) {
  const w = words[i];
  const [flag, inline] = w.startsWith('--') && w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
  const value = () => inline ?? words[++i];
  if (flag === '-n' || flag === '--namespace') opts.namespace = value();
  else if (flag === '-A' || flag === '--all-namespaces') opts.all = true;
  else if (flag === '-o' || flag === '--output') opts.output = value();
  else if (flag === '-l' || flag === '--selector') opts.selector = value();
  else if (flag === '--field-selector') opts.fieldSelector = value();
  else if (flag === '-c' || flag === '--container') opts.container = value();
  else if (flag === '-p' || flag === '--previous') opts.previous = inline === undefined ? true : inline !== 'false';
  else if (flag === '--tail') opts.tail = Number(value());
  else if (/^-[it]+$/.test(flag) || flag === '--stdin' || flag === '--tty' || flag === '--quiet' || flag === '-q') continue;
  else if (flag.startsWith('-')) die(`error: unknown flag: ${flag}\nSee 'kubectl --help' for usage.`);
  else positional.push(w);
}

// ---- pods and their status, from the processes ---------------------------------------------
const pods = JSON.parse(readFileSync(join(lab, 'pods.json'), 'utf8')).sort((a, b) => a.name.localeCompare(b.name));
const readJson = (f) => {
  try {
    return JSON.parse(readFileSync(f, 'utf8'));
  } catch {
    return null;
  }
};
const alive = (pidFile) => {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
};
const mtime = (f) => (existsSync(f) ? statSync(f).mtime.toISOString().replace(/\.\d+Z$/, 'Z') : undefined);

function containerStatus(c) {
  const sup = c.supervisedDir ? readJson(join(c.supervisedDir, 'state.json')) : null;
  const up = alive(c.pidFile);
  const base = { name: c.name, image: c.image, imageID: '', containerID: `containerd://${Buffer.from(c.pidFile).toString('hex').slice(-64)}`, started: up };
  const last = sup?.lastState ? { terminated: { exitCode: sup.lastState.exitCode, reason: sup.lastState.reason, startedAt: sup.lastState.startedAt, finishedAt: sup.lastState.finishedAt } } : {};
  if (sup?.state === 'waiting') return { ...base, ready: false, restartCount: sup.restarts, state: { waiting: { reason: sup.reason, message: sup.message } }, lastState: last };
  if (up) return { ...base, ready: true, restartCount: sup?.restarts ?? 0, state: { running: { startedAt: sup?.startedAt ?? mtime(c.pidFile) } }, lastState: last };
  return { ...base, ready: false, restartCount: sup?.restarts ?? 0, state: { terminated: { exitCode: 1, reason: 'Error', message: 'container process is not running', finishedAt: mtime(c.logFile) } }, lastState: last };
}

function podObject(p) {
  const statuses = p.containers.map(containerStatus);
  const ready = statuses.every((s) => s.ready);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace, labels: p.labels, creationTimestamp: p.createdAt, uid: Buffer.from(p.name).toString('hex').padEnd(32, '0').slice(0, 32) },
    spec: { nodeName: p.node, hostNetwork: true, containers: p.containers.map((c) => ({ name: c.name, image: c.image })) },
    status: {
      phase: 'Running',
      hostIP: p.hostIP,
      podIP: p.hostIP,
      startTime: p.createdAt,
      conditions: [
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: ready ? 'True' : 'False', ...(ready ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${statuses.filter((s) => !s.ready).map((s) => s.name).join(' ')}]` }) },
        { type: 'ContainersReady', status: ready ? 'True' : 'False' },
        { type: 'PodScheduled', status: 'True' },
      ],
      containerStatuses: statuses,
    },
  };
}

const age = (iso) => {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.floor(s / 60)}m` : s < 172800 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86400)}d`;
};
const podStatusWord = (o) => {
  const cs = o.status.containerStatuses;
  return cs.find((s) => s.state.waiting)?.state.waiting.reason ?? (cs.some((s) => s.state.terminated) ? 'Error' : 'Running');
};
const restarts = (o) => {
  const cs = o.status.containerStatuses;
  const n = cs.reduce((a, s) => a + s.restartCount, 0);
  const lastAt = cs.map((s) => s.lastState.terminated?.finishedAt).filter(Boolean).sort().at(-1);
  return n && lastAt ? `${n} (${age(lastAt)} ago)` : String(n);
};
const table = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : String(c).padEnd(widths[i] + 3))).join('').trimEnd()).join('\n');
};

function selectPods() {
  let list = pods.filter((p) => opts.all || p.namespace === opts.namespace);
  for (const term of opts.selector ? opts.selector.split(',') : []) {
    const [k, v] = term.split('=');
    list = list.filter((p) => p.labels[k] === v);
  }
  return list;
}
function findPod(name) {
  const p = pods.find((x) => x.name === name && (opts.all || x.namespace === opts.namespace));
  if (!p) die(`Error from server (NotFound): pods "${name}" not found`);
  return p;
}
function pickContainer(p) {
  if (opts.container) {
    const c = p.containers.find((x) => x.name === opts.container);
    if (!c) die(`error: container ${opts.container} is not valid for pod ${p.name}`);
    return c;
  }
  if (p.containers.length > 1) process.stderr.write(`Defaulted container "${p.containers[0].name}" out of: ${p.containers.map((c) => c.name).join(', ')}\n`);
  return p.containers[0];
}

// ---- commands ------------------------------------------------------------------------------
const [verb, kind, name] = positional;
if (verb === 'version') {
  process.stdout.write('Client Version: v1.29.0-stackscope-lab\nServer Version: v1.29.0-stackscope-lab\n');
} else if (verb === 'get' && /^(po|pod|pods)$/.test(kind ?? '')) {
  const list = name ? [findPod(name)] : selectPods();
  // Field selectors as the API server knows them for pods (an unknown field is its BadRequest).
  const podFields = { 'status.phase': (o) => o.status.phase, 'spec.nodeName': (o) => o.spec.nodeName, 'metadata.name': (o) => o.metadata.name, 'metadata.namespace': (o) => o.metadata.namespace };
  const terms = (opts.fieldSelector ? opts.fieldSelector.split(',') : []).map((t) => t.split(/==?/));
  for (const [k] of terms) if (!(k in podFields)) die(`Error from server (BadRequest): Unable to find {"" "v1" "pods"} that match label selector "${opts.selector}", field selector "${opts.fieldSelector}": field label not supported: ${k}`);
  const objs = list.map(podObject).filter((o) => terms.every(([k, v]) => podFields[k](o) === v));
  if (opts.output === 'json') {
    process.stdout.write(`${JSON.stringify(name ? objs[0] : { apiVersion: 'v1', kind: 'List', items: objs, metadata: { resourceVersion: '' } }, null, 4)}\n`);
  } else if (opts.output === 'name') {
    for (const o of objs) process.stdout.write(`pod/${o.metadata.name}\n`);
  } else if (objs.length === 0) {
    process.stderr.write(`No resources found in ${opts.namespace} namespace.\n`);
  } else {
    const wide = opts.output === 'wide';
    const head = [...(opts.all ? ['NAMESPACE'] : []), 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', ...(wide ? ['IP', 'NODE'] : [])];
    const rows = objs.map((o) => [
      ...(opts.all ? [o.metadata.namespace] : []),
      o.metadata.name,
      `${o.status.containerStatuses.filter((s) => s.ready).length}/${o.status.containerStatuses.length}`,
      podStatusWord(o),
      restarts(o),
      age(o.metadata.creationTimestamp),
      ...(wide ? [o.status.podIP, o.spec.nodeName] : []),
    ]);
    process.stdout.write(`${table([head, ...rows])}\n`);
  }
} else if (verb === 'get' && /^(ev|event|events)$/.test(kind ?? '')) {
  const fields = Object.fromEntries((opts.fieldSelector ? opts.fieldSelector.split(',') : []).map((t) => t.split('=')));
  for (const k of Object.keys(fields)) if (!['type', 'involvedObject.name', 'reason'].includes(k)) die(`Error from server (BadRequest): "${k}" is not a known field selector for events`);
  const events = [];
  for (const p of selectPods()) {
    for (const s of podObject(p).status.containerStatuses.filter((x) => x.state.waiting?.reason === 'CrashLoopBackOff')) {
      const at = s.lastState.terminated?.finishedAt ?? p.createdAt;
      events.push({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${p.name}.backoff-${s.name}`, namespace: p.namespace },
        involvedObject: { kind: 'Pod', namespace: p.namespace, name: p.name, fieldPath: `spec.containers{${s.name}}` },
        reason: 'BackOff',
        message: `Back-off restarting failed container ${s.name} in pod ${p.name}_${p.namespace}`,
        source: { component: 'kubelet', host: p.node },
        firstTimestamp: p.createdAt,
        lastTimestamp: at,
        count: Math.max(1, s.restartCount),
        type: 'Warning',
      });
    }
  }
  const shown = events.filter((e) => (!fields.type || e.type === fields.type) && (!fields.reason || e.reason === fields.reason) && (!fields['involvedObject.name'] || e.involvedObject.name === fields['involvedObject.name']));
  if (opts.output === 'json') process.stdout.write(`${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: shown, metadata: { resourceVersion: '' } }, null, 4)}\n`);
  else if (shown.length === 0) process.stderr.write(`No resources found in ${opts.namespace} namespace.\n`);
  else process.stdout.write(`${table([['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ...shown.map((e) => [age(e.lastTimestamp), e.type, e.reason, `pod/${e.involvedObject.name}`, e.message])])}\n`);
} else if (verb === 'get' && /^(no|node|nodes)$/.test(kind ?? '')) {
  const nodes = [...new Map(pods.map((p) => [p.node, p.hostIP])).entries()].sort();
  if (opts.output === 'json') {
    // As openstack-helm labels its nodes (the charts' nodeSelectors): what `cluster import --from k8s` reads.
    const labels = (n) => ({
      'kubernetes.io/hostname': n,
      'kubernetes.io/os': 'linux',
      ...(n.startsWith('controller') ? { 'node-role.kubernetes.io/control-plane': '', 'openstack-control-plane': 'enabled' } : { 'openstack-compute-node': 'enabled', openvswitch: 'enabled' }),
    });
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const items = nodes.map(([n, ip]) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n, labels: labels(n), creationTimestamp: pods[0].createdAt },
      spec: {},
      status: {
        addresses: [
          { type: 'InternalIP', address: ip },
          { type: 'Hostname', address: n },
        ],
        // The kubelet's conditions as it posts them on a healthy node (the lab's nodes are the host's namespaces).
        conditions: [
          { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: pods[0].createdAt, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
          { type: 'DiskPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: pods[0].createdAt, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
          { type: 'PIDPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: pods[0].createdAt, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
          { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: pods[0].createdAt, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
        ],
        nodeInfo: { kubeletVersion: 'v1.29.0', osImage: 'Debian GNU/Linux 12 (bookworm)' },
      },
    }));
    process.stdout.write(`${JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, null, 4)}\n`);
  } else process.stdout.write(`${table([['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], ...nodes.map(([n]) => [n, 'Ready', n.startsWith('controller') ? 'control-plane' : '<none>', age(pods[0].createdAt), 'v1.29.0'])])}\n`);
} else if (verb === 'get' && /^(pvc|persistentvolumeclaim|persistentvolumeclaims)$/.test(kind ?? '')) {
  // The lab's services keep their data in the lab's folders (hostPath, as it were): no claims.
  if (name) die(`Error from server (NotFound): persistentvolumeclaims "${name}" not found`);
  if (opts.output === 'json') process.stdout.write(`${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [], metadata: { resourceVersion: '' } }, null, 4)}\n`);
  else process.stderr.write(opts.all ? 'No resources found\n' : `No resources found in ${opts.namespace} namespace.\n`);
} else if (verb === 'get' && /^(secret|secrets)$/.test(kind ?? '') && name) {
  // Secrets the lab was given ($STACKSCOPE_LAB/secrets.json: {"NS/NAME": {"KEY": "base64"}}), as
  // the API server returns them: data base64-encoded; -o name or -o jsonpath={.data.KEY}.
  const secrets = readJson(join(lab, 'secrets.json')) ?? {};
  const data = secrets[`${opts.namespace}/${name}`];
  if (!data) die(`Error from server (NotFound): secrets "${name}" not found`);
  const path = /^jsonpath=\{\.data\.([A-Za-z0-9_.-]+)\}$/.exec(opts.output);
  if (opts.output === 'name') process.stdout.write(`secret/${name}\n`);
  else if (path) process.stdout.write(data[path[1]] ?? '');
  else die(`error: the lab's kubectl prints a secret with -o name or -o jsonpath={.data.KEY} only`);
} else if (verb === 'describe' && /^(po|pod|pods)$/.test(kind ?? '') && name) {
  const p = findPod(name);
  const o = podObject(p);
  const out = [`Name:             ${p.name}`, `Namespace:        ${p.namespace}`, 'Priority:         0', `Node:             ${p.node}/${p.hostIP}`, `Start Time:       ${new Date(p.createdAt).toUTCString()}`];
  out.push(`Labels:           ${Object.entries(p.labels).map(([k, v]) => `${k}=${v}`).join('\n                  ')}`);
  out.push(`Status:           ${o.status.phase}`, `IP:               ${p.hostIP}`, 'Containers:');
  for (const s of o.status.containerStatuses) {
    out.push(`  ${s.name}:`, `    Container ID:   ${s.containerID}`, `    Image:          ${s.image}`);
    const st = s.state;
    if (st.running) out.push('    State:          Running', `      Started:      ${st.running.startedAt}`);
    if (st.waiting) out.push('    State:          Waiting', `      Reason:       ${st.waiting.reason}`);
    if (st.terminated) out.push('    State:          Terminated', `      Reason:       ${st.terminated.reason}`, `      Exit Code:    ${st.terminated.exitCode}`);
    const lt = s.lastState.terminated;
    if (lt) out.push('    Last State:     Terminated', `      Reason:       ${lt.reason}`, `      Exit Code:    ${lt.exitCode}`, `      Started:      ${lt.startedAt}`, `      Finished:     ${lt.finishedAt}`);
    out.push(`    Ready:          ${s.ready ? 'True' : 'False'}`, `    Restart Count:  ${s.restartCount}`);
  }
  out.push('Conditions:', '  Type              Status', ...o.status.conditions.map((c) => `  ${c.type.padEnd(18)}${c.status}`));
  const backoff = o.status.containerStatuses.filter((s) => s.state.waiting?.reason === 'CrashLoopBackOff');
  out.push('Events:');
  if (backoff.length === 0) out.push('  <none>');
  else {
    out.push('  Type     Reason   Age   From     Message', '  ----     ------   ----  ----     -------');
    for (const s of backoff) out.push(`  Warning  BackOff  ${age(s.lastState.terminated?.finishedAt ?? p.createdAt)}   kubelet  Back-off restarting failed container ${s.name} in pod ${p.name}_${p.namespace}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
} else if (verb === 'logs' && kind) {
  const p = findPod(kind);
  const c = pickContainer(p);
  let file = c.logFile;
  if (opts.previous) {
    file = c.supervisedDir ? join(c.supervisedDir, 'previous.log') : '';
    if (!file || !existsSync(file)) die(`Error from server (BadRequest): previous terminated container "${c.name}" in pod "${p.name}" not found`);
  }
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const shown = opts.tail >= 0 ? lines.slice(Math.max(0, lines.length - opts.tail)) : lines;
  if (text) process.stdout.write(`${shown.join('\n')}\n`);
} else if (verb === 'exec' && kind) {
  const p = findPod(kind);
  const c = pickContainer(p);
  if (command.length === 0) die('error: you must specify at least one command for the container');
  if (!alive(c.pidFile)) die(`error: unable to upgrade connection: container not found ("${c.name}")`);
  const r = spawnSync('ip', ['netns', 'exec', c.netns, ...command], { stdio: 'inherit', env: { ...process.env, ...c.env } });
  if (r.error) die(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": ${r.error.message}: unknown`, 126);
  process.exit(r.status ?? 1);
} else {
  die(`error: the lab's kubectl supports get pods|nodes|events|pvc|secret, describe pod, logs, exec and version (got: ${positional.join(' ') || 'nothing'})`);
}
