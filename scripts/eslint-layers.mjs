// The layering rule, as an allow list (VS Code's way): each layer names the layers of ours it may
// import; anything else is an error naming both sides. Packages and Node built-ins are checked by
// the no-restricted-imports rules in eslint.config.js; this rule reads only relative imports.
import { dirname, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** What each layer may import (besides itself). */
export const allowedImports = {
  'main/contract': [],
  'main/shared': ['main/contract'],
  db: ['main/contract', 'main/shared'],
  playbooks: ['main/contract', 'main/shared'],
  'main/core': ['main/contract', 'main/shared', 'db', 'playbooks'],
  'main/server': ['main/core', 'main/contract', 'main/shared'],
  'main/electron': ['main/core', 'main/contract', 'main/shared'],
  'main/preload': ['main/contract'],
  // The command line is the one entry point that starts the server and the practice lab.
  'main/cli': ['main/core', 'main/contract', 'main/shared', 'main/server', 'main/lab'],
  // The lab uses the engine's helpers (mapBounded); it reaches the core only where named below.
  'main/lab': ['main/contract', 'playbooks'],
  renderer: ['main/contract', 'main/shared'],
};

/** Single files allowed one more layer, with why. */
const fileExceptions = {
  'main/lab/register.ts': ['main/core'], // registers the lab's cluster through the core
  'main/lab/nodes.ts': ['main/core'], // shows each node's host key fingerprint as the core computes it
};

/** Tests and their helpers may also build a core, a lab or a server (integration tests do), and summarise as the CLI does. */
const testExtras = ['main/core', 'main/lab', 'main/server', 'main/cli', 'main/shared', 'db', 'playbooks'];

function layerOf(path) {
  const parts = path.split('/');
  if (parts[0] === 'main') return parts.length > 2 ? `main/${parts[1]}` : null;
  return parts[0] in allowedImports ? parts[0] : null;
}

const isTest = (path) => /\.(test|spec)\.tsx?$/.test(path) || /(^|\/)test-[^/]+\.ts$/.test(path) || path.includes('/testing/') || path.startsWith('e2e/');

export const layering = {
  rules: {
    'allowed-imports': {
      meta: { type: 'problem', schema: [], docs: { description: 'each layer imports only the layers it is allowed to' } },
      create(context) {
        const file = relative(root, context.filename);
        const from = layerOf(file);
        if (!from) return {};
        const allowed = [...allowedImports[from], ...(fileExceptions[file] ?? []), ...(isTest(file) && from !== 'renderer' ? testExtras : [])];
        const check = (node, spec) => {
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const to = layerOf(relative(root, resolve(dirname(context.filename), spec)));
          if (!to || to === from || allowed.includes(to)) return;
          context.report({
            node,
            message: `${from} may import only ${allowedImports[from].join(', ') || 'nothing of ours'}; '${spec}' is in ${to} (layers: scripts/eslint-layers.mjs)`,
          });
        };
        return {
          ImportDeclaration: (n) => check(n, n.source.value),
          ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
          ExportAllDeclaration: (n) => check(n, n.source.value),
          ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
        };
      },
    },
  },
};
