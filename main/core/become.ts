import { becomeDefaults, type Become, type Cluster, type ClusterNode } from '../contract/types.js';
import { credentialsRefusal, NO_CATALOG } from '../../playbooks/engine/credentials.js';
import { wrapRemoteCommand, wrapSudoCommand } from './ssh/shell.js';

/** A step that ran but proves nothing: why (a few words), the step error to record, what to do. */
export interface NotChecked {
  why: string;
  error: string;
  nextStep: string;
  likelyCause?: string;
  /** Another node would say the same (the cluster's setup, not this node): see StepOutput.notChecked. */
  settled?: boolean;
}

/**
 * The credentials prelude refused (credentials.ts): the openrc, clouds.yaml, Secret or Kolla
 * passwords.yml could not be read where the step ran. Its words name a path or a Secret, no value.
 */
export function credentialsNotChecked(cluster: string, node: string, step: string, exitCode: number | null, stderr: string): NotChecked | null {
  const why = credentialsRefusal(exitCode, stderr);
  if (why === null) return null;
  const said = { why, error: `could not check ${step} on ${node}: ${why}` };
  if (why === NO_CATALOG) {
    return {
      ...said,
      likelyCause: 'The credentials found for the openstack client are a token for one service endpoint (a noauth or bootstrap setup): without Keystone there is no catalog, and the client would send every request to that one endpoint.',
      nextStep: `Say where admin credentials with a Keystone auth URL are: stackscope cluster update ${cluster} --credentials openrc|clouds-yaml|helm-secret …`,
      settled: true,
    };
  }
  return {
    ...said,
    likelyCause: 'The service credentials are not where the cluster settings say, or this login user cannot read them.',
    nextStep: `Check the file or Secret on ${node} (as the login user, or enable become when only root may read it), or say where the credentials are: stackscope cluster update ${cluster} --credentials … / --kolla-passwords-node …`,
  };
}

/** How one step's command goes to a node, and how its failure is read. */
export interface StepPrivilege {
  /** What is sent to sshd. */
  commandSent: string;
  /** Written to the command's stdin, then closed: the sudo password (never argv, never env). */
  stdin?: string;
  /** Whether the command goes through sudo (recorded, shown in the run). */
  sudo: boolean;
  /** A failed ending that is sudo's refusal or a missing root, read from the start of stderr; null when the failure is the command's own. */
  explain(exitCode: number | null, stderr: string): NotChecked | null;
}

/** The node's own sudo setting, else its cluster's. */
export function effectiveBecome(cluster: Pick<Cluster, 'become'>, node: Pick<ClusterNode, 'become'>): Become {
  return node.become ?? cluster.become ?? becomeDefaults;
}

/** Whether a root step on this node goes through sudo, and with a password asked for each session. */
export function sudoNeeds(cluster: Pick<Cluster, 'become'>, node: Pick<ClusterNode, 'become' | 'user'>): { sudo: boolean; password: boolean } {
  const b = effectiveBecome(cluster, node);
  const sudo = b.enabled && node.user !== 'root';
  return { sudo, password: sudo && b.password };
}

export type SudoRefusal = 'password' | 'wrong-password' | 'not-allowed' | 'tty' | 'missing';

/**
 * sudo's own refusals, as it words them (sudo 1.8/1.9, Debian's and RHEL's builds). Only the first
 * lines are read: that is where sudo writes, before the command ever starts.
 */
export function sudoRefusal(stderr: string): SudoRefusal | null {
  const head = stderr.slice(0, 4096);
  if (/incorrect password attempt|^Sorry, try again\./m.test(head)) return 'wrong-password';
  if (/^sudo: (a password is required|no password was provided)/m.test(head)) return 'password';
  if (/^sudo: (a terminal is required|sorry, you must have a tty)/m.test(head)) return 'tty';
  if (/is not in the sudoers file|is not allowed to (run sudo|execute)|may not run sudo/.test(head)) return 'not-allowed';
  if (/(^|: )sudo: (command )?not found/m.test(head)) return 'missing';
  return null;
}

export interface StepOnNode {
  cluster: Pick<Cluster, 'name' | 'become'>;
  node: Pick<ClusterNode, 'name' | 'user' | 'become'>;
  /** The playbook step id, as findings name it. */
  step: string;
  command: string;
  /** The step needs root on the host (engine/profile.ts needsRoot). */
  root: boolean;
  /** The sudo password given for this session, if any (memory only). */
  sudoPassword: string | undefined;
}

/**
 * How a step runs on a node: as the login user when it does not need root or the login is root;
 * through `sudo -n -u USER` when become is on (`sudo -S` with the session's password on stdin when
 * one was given); as the login user otherwise, its failure then saying that it needs root.
 */
export function stepPrivilege(o: StepOnNode): StepPrivilege {
  const where = `${o.step} on ${o.node.name}`;
  const plain = (explain: StepPrivilege['explain']): StepPrivilege => ({ commandSent: wrapRemoteCommand(o.command), sudo: false, explain });
  if (!o.root || o.node.user === 'root') return plain(() => null);
  const become = effectiveBecome(o.cluster, o.node);
  if (!become.enabled) {
    return plain((exitCode) => ({
      why: 'needs root: enable become (sudo) for this cluster',
      error: `could not check ${where}: needs root: enable become (sudo) for this cluster (logged in as ${o.node.user}, which is not root; exit ${exitCode ?? 'unknown'})`,
      nextStep: `stackscope cluster update ${o.cluster.name} --become (steps that need root then run through sudo -n as root)`,
    }));
  }
  const withPassword = o.sudoPassword !== undefined;
  return {
    commandSent: wrapSudoCommand(o.command, become.user, withPassword),
    ...(withPassword ? { stdin: `${o.sudoPassword}\n` } : {}),
    sudo: true,
    explain: (_exitCode, stderr) => {
      const refusal = sudoRefusal(stderr);
      if (!refusal) return null;
      const as = `sudo -u ${become.user} as ${o.node.user}`;
      const sudoers = `or let ${o.node.user} run sudo without a password there (a NOPASSWD line in /etc/sudoers.d)`;
      const said: Record<SudoRefusal, Omit<NotChecked, 'error'> & { detail: string }> = {
        password: {
          why: 'sudo needs a password',
          detail: `${as} asks for a password and none was given for this session`,
          nextStep: `stackscope cluster update ${o.cluster.name} --become --become-password (the sudo password is then asked once per session, kept in memory only), ${sudoers}`,
        },
        'wrong-password': {
          why: 'sudo refused the password given for this session',
          detail: `${as} refused the sudo password given for this session`,
          nextStep: `Give the sudo password of ${o.node.user} on ${o.node.name} again (it is asked at the next run).`,
        },
        'not-allowed': { why: `${o.node.user} may not use sudo`, detail: `${as}: ${o.node.user} is not allowed to run sudo there`, nextStep: `Add ${o.node.user} to the sudoers on ${o.node.name}, or log in as a user that may use sudo.` },
        tty: { why: 'sudo wants a terminal', detail: `${as}: sudoers requires a terminal (requiretty)`, nextStep: `Remove "Defaults requiretty" for ${o.node.user} on ${o.node.name} (visudo), or log in as root.` },
        missing: { why: 'sudo is not installed', detail: `sudo is not installed on ${o.node.name}`, nextStep: `Install sudo on ${o.node.name}, or log in as root.` },
      };
      const s = said[refusal];
      return { why: s.why, error: `could not check ${where}: ${s.why} (${s.detail})`, nextStep: s.nextStep };
    },
  };
}
