import type { HandlerSlice, Services } from './services.js';

/** Runs: ad-hoc commands started, any run read or cancelled, a step's output paged. */
export const runHandlers = (s: Services) =>
  ({
    'exec.start': (i) => {
      const cluster = s.inventory.cluster(i.clusterId);
      const nodes = s.inventory.select(cluster, i.nodeIds, i.roles);
      s.secrets.requireSecrets(nodes, 'run this command');
      const { caseId, caseChoice } = s.cases.forRun(cluster.id, i, `exec on ${cluster.name}: ${i.command}`);
      return { runId: s.exec.start({ caseId, clusterId: cluster.id, nodes, command: i.command, timeoutSec: i.timeoutSec, concurrency: cluster.connection.concurrency ?? undefined }).id, caseId, caseChoice };
    },
    'runs.get': (i) => s.runs.get(i.runId, i.outputTail),
    'runs.cancel': (i) => (s.runs.cancel(i.runId), null),
    'steps.output': (i) => s.outputPager.page(i.stepId, i.stream, i.offset, i.length),
  }) satisfies HandlerSlice;
