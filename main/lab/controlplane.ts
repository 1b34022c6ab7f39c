import { randomBytes } from 'node:crypto';
import { sql } from './galera.js';
import { controllers, type LabLayout, type LabNode } from './layout.js';
import { startEdge } from './cp/edge.js';
import { startGlance } from './cp/glance.js';
import { startKeystone } from './cp/keystone.js';
import { startNeutron, startNeutronTenant, startMetadataAgents } from './cp/neutron.js';
import { startNovaComputes, startNovaControl, createServers } from './cp/nova.js';
import { saveState, type LabComponent, type LabState } from './state.js';

/**
 * The full control plane (issue 16): a small real OpenStack on top of the lab's infrastructure.
 * Every part lives in main/lab/cp/; this file only says in which order they start:
 *
 *   1. edge      memcached, keepalived (the API VIP) and HAProxy on every controller
 *   2. keystone  Fernet keys, bootstrap, uwsgi on every controller, services/users/endpoints
 *   3. in parallel: Placement behind Keystone, Glance, Nova's control services, neutron-server
 *   4. the tenant through the Neutron API, nova-compute and the OVN metadata agents on the
 *      Nova computes, then the tenant's servers through the Nova API
 */
export interface ControlPlaneContext {
  state: LabState;
  layout: LabLayout;
  /** Record started components in the lab state (so `lab down`, status and heal know them). */
  add(cs: LabComponent[]): void;
  log(line: string): void;
  /** A password of this lab, made on first use and kept in the lab's state (its folder only). */
  secret(name: string): string;
}

export function controlPlaneContext(state: LabState, add: (cs: LabComponent[]) => void, log: (line: string) => void): ControlPlaneContext {
  return {
    state,
    layout: state.layout,
    add,
    log,
    secret(name) {
      state.secrets ??= {};
      state.secrets[name] ??= randomBytes(12).toString('hex');
      saveState(state);
      return state.secrets[name];
    },
  };
}

/** The context of a lab that is up (faults, heal): components it starts are recorded, nothing is logged. */
export function upLabContext(s: LabState): ControlPlaneContext {
  return controlPlaneContext(
    s,
    (cs) => {
      s.components.push(...cs);
      saveState(s);
    },
    () => undefined,
  );
}

/** A database and its user in the lab's Galera (a service's own, as every deployment tool makes them). */
export async function serviceDatabase(l: LabLayout, databases: string[], user: string, password: string): Promise<void> {
  const n = controllers(l)[0] as LabNode;
  await sql(
    n,
    [
      ...databases.map((d) => `CREATE DATABASE IF NOT EXISTS ${d}`),
      `CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}'`,
      `ALTER USER '${user}'@'%' IDENTIFIED BY '${password}'`,
      ...databases.map((d) => `GRANT ALL PRIVILEGES ON ${d}.* TO '${user}'@'%'`),
    ].join('; '),
  );
}

export async function startControlPlane(ctx: ControlPlaneContext, since: number): Promise<void> {
  const at = (what: string): void => ctx.log(`  ${what} (${((Date.now() - since) / 1000).toFixed(1)} s)`);
  await startEdge(ctx);
  at('memcached, keepalived (VIP) and HAProxy on the controllers');
  await startKeystone(ctx);
  at('Keystone on the controllers, services and endpoints registered');
  await Promise.all([startGlance(ctx), startNovaControl(ctx), startNeutron(ctx)]);
  at('Glance, Nova API/conductor/scheduler and neutron-server');
  await startNeutronTenant(ctx);
  await Promise.all([startNovaComputes(ctx), startMetadataAgents(ctx)]);
  at('tenant network, nova-compute and OVN metadata agents');
  await createServers(ctx);
  at('tenant servers ACTIVE');
}
