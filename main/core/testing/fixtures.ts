import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey, Sshd } from '../../lab/sshd.js';
import { createCore, type Core, type CoreOptions } from '../core.js';

/** A temp folder removed after the test file. */
export function tempDir(prefix = 'stackscope-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface SshWorld {
  dir: string;
  clientKey: string;
  clientPub: string;
  servers: Sshd[];
  core: Core;
  startServer(name: string, extra?: Partial<ConstructorParameters<typeof Sshd>[0]>): Promise<Sshd>;
  close(): Promise<void>;
}

/** Real sshd processes on 127.0.0.1 with a client key authorized, plus a core over a temp case log. */
export async function sshWorld(coreOptions: Partial<CoreOptions> = {}): Promise<SshWorld> {
  const tmp = tempDir();
  const clientKey = join(tmp.path, 'id_ed25519');
  const clientPub = await generateKey(clientKey);
  const servers: Sshd[] = [];
  const core = createCore({ dataDir: join(tmp.path, 'data'), mode: 'cli', ...coreOptions });
  return {
    dir: tmp.path,
    clientKey,
    clientPub,
    servers,
    core,
    async startServer(name, extra = {}) {
      const s = new Sshd({ dir: join(tmp.path, `sshd-${name}`), authorizedKeys: [clientPub], ...extra });
      await s.start();
      servers.push(s);
      return s;
    },
    async close() {
      await core.close();
      await Promise.all(servers.map((s) => s.stop()));
      tmp.remove();
    },
  };
}
