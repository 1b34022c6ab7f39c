import type { Fault } from '../faults.js';

/** Faults: nova-compute-down, novalidhost-real. */
export const novaFaults: Fault[] = [];
