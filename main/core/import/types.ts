import { maxImportSourceBytes } from '../../contract/imports.js';
import type { Become, Deployment, NodeRole } from '../../contract/types.js';

/** Where a fact came from: the file (as the operator named it) and its 1-based line. */
export interface SourceAt {
  file: string;
  line: number;
}

/** A problem found in a source: file:line, the host it concerns, and what to do. */
export interface ImportIssue extends SourceAt {
  host?: string;
  message: string;
}

/** One hop of a jump chain as a source wrote it (ProxyJump, `ssh -W … host` in a ProxyCommand). */
export interface JumpHop {
  host: string;
  user?: string;
  port?: number;
  keyPath?: string;
}

/**
 * A node as a source describes it, before it is matched against the cluster. `jump` is the chain
 * of hops from the first (nearest this machine) to the last (the one that reaches the node);
 * hops that are themselves hosts of the source are matched by name or address when planning.
 */
export interface ImportedNode {
  name: string;
  host: string;
  port?: number;
  user?: string;
  keyPath?: string;
  /** The inventory gave an SSH password: it is never kept, the node authenticates by password and asks. */
  passwordInSource?: boolean;
  roles: NodeRole[];
  jump: JumpHop[];
  /** Ansible's become (ansible_become / ansible_become_user); null: not asked; undefined: the source cannot say (kept as it is). */
  become?: Become | null;
  /** Another node of the source this one jumps through by name (k8s: the via node). */
  jumpNode?: string;
  at: SourceAt;
}

export interface ParsedSource {
  nodes: ImportedNode[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** The flavour the source implies (a Kolla inventory: kolla), if any. */
  flavour?: Deployment;
}

/** Sources are read whole into memory: refuse files bigger than this before parsing them. */
export const maxSourceBytes = maxImportSourceBytes;
/** `kubectl get nodes -o json` carries images and conditions per node: a bigger cap. */
export const maxKubeJsonBytes = 64 * 1024 * 1024;
/** Host ranges expand to at most this many hosts per source (`node[1:99999999]` is refused). */
export const maxHosts = 10_000;
