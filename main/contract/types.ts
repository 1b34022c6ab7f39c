/**
 * Data types shared by main, the transports and the renderer, one file per subject. Plain JSON
 * only. Import from here or from the subject's file; both stay.
 */
export * from './app.js';
export * from './inventory.js';
export * from './cases.js';
export * from './runs.js';
export * from './playbooks.js';
export * from './checks.js';
export * from './terminals.js';
export * from './runbooks.js';
export * from './home.js';
export * from './search.js';
export * from './reports.js';
export * from './imports.js';
