import type { Fault } from './faults.js';

/** Faults: rabbitmq-memory-alarm, rabbitmq-partition. */
export const rabbitFaults: Fault[] = [];
