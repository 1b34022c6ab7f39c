import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fault } from '../faults.js';
import { controllers, type LabLayout, type LabNode } from '../layout.js';
import { run } from '../proc.js';
import { component, type LabState } from '../state.js';
import { forgetSession } from './keystone-client.js';
import { copyKeyRepo, fernetRepo, keystoneConf, reloadKeystone, waitKeystone } from './keystone.js';

/** The controller whose keys are rotated alone. */
const ROGUE = 'controller-2';

const rogue = (l: LabLayout): LabNode => {
  const n = controllers(l).find((c) => c.name === ROGUE);
  if (!n) throw new Error(`the lab has no ${ROGUE}`);
  return n;
};

/** A key repository's contents (file name → key), to compare controllers. */
function keys(n: LabNode): string {
  const dir = fernetRepo(n);
  return readdirSync(dir)
    .sort()
    .map((f) => `${f}=${readFileSync(join(dir, f), 'utf8').trim()}`)
    .join('\n');
}

async function reload(s: LabState, n: LabNode): Promise<void> {
  reloadKeystone(component(s, 'keystone', n.name));
  await waitKeystone(n);
}

export const keystoneFaults: Fault[] = [
  {
    id: 'keystone-fernet-mismatch',
    controlPlane: 'full',
    affects: (l) => controllers(l).map((n) => n.name),
    shows: {
      command: 'openstack token issue (a few times, through the VIP), then any API call with it; keystone.log on the controllers',
      healthy: 'every token issued by one controller is accepted by the others',
      // Through the VIP a token is issued and checked by any controller: 4 calls in 9 meet the rogue one on one side only.
      broken: `tokens issued by ${ROGUE} are refused by the others and theirs by ${ROGUE}: HTTP 401 "The request you have made requires authentication", keystone.log "Authorization failed. The request you have made requires authentication. from <address>", about 4 calls in 9 through the VIP`,
    },
    description: `Fernet keys rotated on ${ROGUE} only (keystone-manage fernet_rotate, twice, as a cron job on one node would): its primary key is unknown to the other controllers and their primary is gone from its repository`,
    async inject(s) {
      const n = rogue(s.layout);
      // One rotation alone breaks nothing (the new primary was the staged key every controller
      // has); the second makes a primary only this controller knows and drops the shared one.
      for (let i = 0; i < 2; i++) {
        await run(['keystone-manage', '--config-file', keystoneConf(n), 'fernet_rotate', '--keystone-user', 'root', '--keystone-group', 'root'], { netns: n.netns, timeoutMs: 120_000 });
      }
      await reload(s, n);
      forgetSession(s.layout);
      return { undo: {}, summary: `fernet keys rotated twice on ${ROGUE} alone; its tokens and the others' no longer validate across controllers` };
    },
    async heal(s) {
      const [first, ...rest] = controllers(s.layout) as [LabNode, ...LabNode[]];
      for (const n of rest) {
        copyKeyRepo(fernetRepo(first), fernetRepo(n));
        await reload(s, n);
      }
      forgetSession(s.layout);
      return `controller-1's fernet keys copied to ${rest.map((n) => n.name).join(', ')} and Keystone reloaded there`;
    },
    async holds(s) {
      const [first, ...rest] = controllers(s.layout) as [LabNode, ...LabNode[]];
      const mine = keys(first);
      return rest.some((n) => keys(n) !== mine);
    },
  },
];
