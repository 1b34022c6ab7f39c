/** The playbook catalogue as clients see it, and values a cluster offers for parameters. */
import type { LocalText } from './app.js';
import type { Deployment, NodeRole } from './inventory.js';

/** A typed playbook parameter; values reach the remote shell only as one quoted word. */
export interface PlaybookParam {
  name: string;
  type: 'string' | 'integer' | 'ip' | 'port' | 'enum';
  description: LocalText;
  required: boolean;
  default?: string | number;
  /** Allowed values of an `enum`. */
  values?: string[];
  /** For `string`: the whole value must match. */
  pattern?: string;
  min?: number;
  max?: number;
  /** Values the app offers from the cluster itself (e.g. its OVN ports). */
  suggest?: SuggestionKind;
}

export const suggestionKinds = ['ovn-ports'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** A value the cluster has, offered for a parameter. */
export interface Suggestion {
  value: string;
  /** What a person recognises it by (port name, IP, device). */
  label: string;
}

/** A catalogue playbook as the UI and CLI list it. */
export interface PlaybookInfo {
  id: string;
  title: LocalText;
  description: LocalText;
  appliesTo: Deployment[];
  roles: NodeRole[];
  params: PlaybookParam[];
  steps: Array<{ id: string; title: LocalText; service: string; on: 'each' | 'one'; roles?: NodeRole[]; mutating: boolean; /** Needs root on the host: through sudo for a login that is not root, where the cluster enables become. */ root: boolean; run?: string; /** A script file beside the playbook, instead of run. */ script?: string; logs?: { tail: number; previous: boolean } }>;
  /** Where it was loaded from. */
  file: string;
}

export interface PlaybookCatalogue {
  playbooks: PlaybookInfo[];
  /** Playbooks that failed to load, as `file:line:col: reason`. */
  problems: string[];
}
