export * from './api.js';
export * from './errors.js';
export * from './methods.js';
export * from './schemas.js';
export * from './types.js';
