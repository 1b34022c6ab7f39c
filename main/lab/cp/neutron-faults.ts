import type { Fault } from '../faults.js';

/** Faults: instance-error-port-binding, metadata-agent-down. */
export const neutronFaults: Fault[] = [];
