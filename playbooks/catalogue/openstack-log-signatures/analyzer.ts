/**
 * openstack-log-signatures has no analysis of its own: everything it says comes from its
 * `logSignatures:` (playbook.yaml), which the engine evaluates for any playbook
 * (engine/log-signatures.ts). The analyzer is registered so the catalogue loads it like the others.
 */
import type { Analyzer } from '../../engine/types.js';

export const analyze: Analyzer = () => [];
