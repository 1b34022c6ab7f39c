import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'db/**/*.test.ts', 'playbooks/**/*.test.ts', 'renderer/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests start real sshd processes; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
