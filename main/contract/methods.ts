/**
 * The allow-list of method and event names. Kept free of imports so the sandboxed preload can
 * bundle it without pulling the schemas in.
 */
export const methodNames = [
  'app.info',
  'clusters.list',
  'clusters.add',
  'clusters.update',
  'clusters.remove',
  'nodes.add',
  'nodes.update',
  'nodes.remove',
  'hostKeys.probe',
  'hostKeys.trust',
  'hostKeys.probeCluster',
  'hostKeys.trustCluster',
  'secrets.provide',
  'secrets.forget',
  'auth.pending',
  'auth.answer',
  'cases.list',
  'cases.create',
  'cases.get',
  'cases.search',
  'exec.start',
  'playbooks.list',
  'playbooks.run',
  'playbooks.suggest',
  'checks.start',
  'runs.get',
  'runs.cancel',
  'terminal.open',
  'terminal.input',
  'terminal.resize',
  'terminal.ack',
  'terminal.close',
  'terminal.list',
  'terminal.recording',
  'runbooks.list',
  'runbooks.progress.get',
  'runbooks.step.run',
  'runbooks.step.mark',
  'home.overview',
  'cases.setStatus',
  'cases.timeline',
  'cases.findings',
  'notes.add',
  'steps.output',
  'cases.report',
  'cases.updateReport',
  'followups.add',
  'followups.toggle',
  'followups.list',
  'report.export',
  'report.preview',
  'clusters.importPlan',
  'clusters.importApply',
] as const;

export type MethodName = (typeof methodNames)[number];

export const eventNames = ['run.started', 'step.updated', 'step.output', 'run.findings', 'run.finished', 'case.changed', 'terminal.output', 'terminal.closed', 'auth.prompt', 'auth.prompt.closed'] as const;
export type EventName = (typeof eventNames)[number];

const methodSet: ReadonlySet<string> = new Set(methodNames);
const eventSet: ReadonlySet<string> = new Set(eventNames);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && methodSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
