import type { Fault } from '../faults.js';

/** Faults: keystone-fernet-mismatch, haproxy-backend-down, vip-split-brain, cert-expiring. */
export const edgeFaults: Fault[] = [];
