import type { StackscopeHandlers } from '../../contract/api.js';
import type { MethodName } from '../../contract/methods.js';
import { appHandlers } from './app.js';
import { caseHandlers } from './cases.js';
import { checkHandlers } from './checks.js';
import { importHandlers } from './imports.js';
import { inventoryHandlers } from './inventory.js';
import { playbookHandlers } from './playbooks.js';
import { reportHandlers } from './reports.js';
import { runbookHandlers } from './runbooks.js';
import { runHandlers } from './runs.js';
import { searchHandlers } from './search.js';
import type { Services } from './services.js';
import { terminalHandlers } from './terminals.js';

export type { Services } from './services.js';

/** The contract's handlers by subject. A new method goes into the slice of its subject. */
export const handlerSlices = {
  app: appHandlers,
  inventory: inventoryHandlers,
  imports: importHandlers,
  cases: caseHandlers,
  search: searchHandlers,
  runs: runHandlers,
  playbooks: playbookHandlers,
  checks: checkHandlers,
  terminals: terminalHandlers,
  runbooks: runbookHandlers,
  reports: reportHandlers,
};

type Slices = typeof handlerSlices;
type MethodsOf = { [K in keyof Slices]: keyof ReturnType<Slices[K]> };
/** Methods two slices handle (the later one would silently replace the earlier). */
type HandledTwice = { [K in keyof MethodsOf]: MethodsOf[K] & MethodsOf[Exclude<keyof MethodsOf, K>] }[keyof MethodsOf];
/** Methods of the contract no slice handles. */
type Unhandled = Exclude<MethodName, MethodsOf[keyof MethodsOf]>;
/**
 * The compiler's proof that every method has exactly one handler: a method handled twice or not
 * at all makes this a type error that names it.
 */
type EveryMethodOnce<T extends { handledTwice: never; unhandled: never }> = T;
export type HandlersProven = EveryMethodOnce<{ handledTwice: HandledTwice; unhandled: Unhandled }>;

/** Every handler of the contract, over the core's services. */
export function createHandlers(services: Services): StackscopeHandlers {
  const handlers: Partial<StackscopeHandlers> = {};
  for (const slice of Object.values(handlerSlices)) Object.assign(handlers, slice(services));
  // Complete: HandlersProven above fails to compile otherwise.
  return handlers as StackscopeHandlers;
}
