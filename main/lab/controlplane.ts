import { randomBytes } from 'node:crypto';
import { sql } from './galera.js';
import { controllers, type LabLayout, type LabNode } from './layout.js';
import { startEdge } from './cp/edge.js';
import { startGlance } from './cp/glance.js';
import { startKeystone } from './cp/keystone.js';
import { startNeutron, startNeutronTenant, startMetadataAgents } from './cp/neutron.js';
import { startNovaComputes, startNovaControl, createServers } from './cp/nova.js';
import { rabbitUser } from './rabbitmq.js';
import { saveState, type LabComponent, type LabState } from './state.js';
import { timed } from './timing.js';

/**
 * The full control plane (issue 16): a small real OpenStack on top of the lab's infrastructure.
 * Every part lives in main/lab/cp/; this file only says what waits for what (each part starts
 * as soon as what it needs is there: `lab up` has a time budget, issue 16):
 *
 *   edge            memcached, keepalived (the API VIP), HAProxy: needs only the network
 *   keystone        after Galera and the edge (its cache): Fernet keys, bootstrap, uwsgi on
 *                   every controller, services/users/endpoints; Placement beside it
 *   neutron-server  after Galera, RabbitMQ and OVN (it needs no Keystone to start)
 *   nova control    after Galera and RabbitMQ; the scheduler and the checks after Keystone
 *   glance          after Galera; its image after Keystone
 *   nova-compute    after Nova's control services; the OVN metadata agents after neutron-server
 *   the tenant      through the Neutron API (after Keystone); ports plugged once all of
 *                   neutron-server's workers run
 *   servers         through the Nova API, when the tenant, the computes and the image are there
 */
export interface ControlPlaneContext {
  state: LabState;
  layout: LabLayout;
  /** Record started components in the lab state (so `lab down`, status and heal know them). */
  add(cs: LabComponent[]): void;
  log(line: string): void;
  /** A password of this lab, made on first use and kept in the lab's state (its folder only). */
  secret(name: string): string;
  /** During `lab up`: the OpenStack services' RabbitMQ user, made once for all of them (else each makes it). */
  messaging?: Promise<void>;
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

/** What the control plane waits for from the lab's infrastructure (lab.ts starts it alongside). */
export interface InfraReady {
  /** Galera: every node Synced. */
  db: Promise<unknown>;
  /**
   * Galera's first node Primary and Synced (the others may still be joining): every service's
   * schema and database are made there, so they start on it; Keystone's other controllers
   * (on their own node's mysqld) take requests only after `db`.
   */
  dbPrimary?: Promise<unknown>;
  rabbit: Promise<unknown>;
  ovn: Promise<unknown>;
  /** RabbitMQ users the broker has from its start (its definitions): made once RabbitMQ is ready. */
  rabbitUsers?: string[];
}

export async function startControlPlane(ctx: ControlPlaneContext, since: number, infra?: InfraReady): Promise<void> {
  const l = ctx.layout;
  const at = (what: string): void => ctx.log(`  ${what} (${((Date.now() - since) / 1000).toFixed(1)} s)`);
  const t = <T>(phase: string, fn: () => Promise<T>): Promise<T> => timed(ctx.state, phase, fn);
  // Every branch runs on its own; one that fails fails `lab up` (Promise.all below), the others are not left unhandled.
  const branch = (fn: () => Promise<void>): Promise<void> => {
    const p = fn();
    p.catch(() => undefined);
    return p;
  };
  const db = branch(async () => void (await infra?.db));
  const db1 = branch(async () => void (await (infra?.dbPrimary ?? infra?.db)));
  const mq = branch(async () => void (await infra?.rabbit));
  const ovn = branch(async () => void (await infra?.ovn));
  const edge = branch(async () => {
    await t('edge', () => startEdge(ctx));
    at('memcached, keepalived (VIP) and HAProxy on the controllers');
  });
  ctx.messaging = branch(async () => {
    await mq;
    if (!infra?.rabbitUsers?.includes('openstack')) await t('rabbitmq user', () => rabbitUser(l, 'openstack', ctx.secret('rabbitmq:openstack')));
  });
  const keystone = branch(async () => {
    await Promise.all([db1, edge]);
    await t('keystone + placement', () => startKeystone(ctx, db));
    at('Keystone on the controllers, services and endpoints registered');
  });
  const neutron = branch(async () => {
    await Promise.all([db1, mq, ovn]);
    await t('neutron-server', () => startNeutron(ctx));
    at('neutron-server');
  });
  const nova = branch(async () => {
    await Promise.all([db1, mq]);
    await t('nova control', () => startNovaControl(ctx, keystone));
    at('Nova API/conductor/scheduler');
  });
  const glance = branch(async () => {
    await db1;
    await t('glance', () => startGlance(ctx, keystone));
    at('Glance and its image');
  });
  const computes = branch(async () => {
    await nova;
    await t('nova computes', () => startNovaComputes(ctx));
    at('nova-compute on the Nova computes, mapped to cell1');
  });
  const metadata = branch(async () => {
    await Promise.all([neutron, keystone]);
    await t('metadata agents', () => startMetadataAgents(ctx));
    at('OVN metadata agents');
  });
  const tenant = branch(async () => {
    await Promise.all([neutron, keystone]);
    await t('neutron tenant', () => startNeutronTenant(ctx));
    at('tenant network, router, security groups and ports');
  });
  await Promise.all([db, edge, ctx.messaging, keystone, neutron, nova, glance, computes, metadata, tenant]);
  ctx.messaging = undefined;
  await t('servers', () => createServers(ctx));
  at('tenant servers ACTIVE');
}
