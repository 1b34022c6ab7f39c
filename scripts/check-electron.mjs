// `npm run check:electron`: Electronegativity over the desktop shell's sources and what the build
// ships (main, preload, renderer). Fails on any HIGH finding, on a MEDIUM that is not explained by
// an `eng-disable ID` comment on the line it flags (reason beside it), and on a file it could not
// parse (a file it did not read is a file it did not check). Run after `npm run build`.
//
//   node scripts/check-electron.mjs [DIR …]   (default: main/electron dist/electron dist/preload dist/renderer)
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const inputs = process.argv.length > 2 ? process.argv.slice(2) : ['main/electron', 'dist/electron', 'dist/preload', 'dist/renderer'];
const say = (line) => console.log(`check:electron: ${line}`);

const missing = inputs.filter((dir) => !existsSync(resolve(root, dir)));
if (missing.length > 0) {
  say(`FAILED: ${missing.join(', ')} not found; run \`npm run build\` first.`);
  process.exit(1);
}

// Electronegativity fetches its translations from S3 at every run (dist/locales/i18n.js) and its
// CLI breaks on the hoisted commander 14, so the runner is called directly with its bundled
// English strings: the check is offline and gives the same answer everywhere.
const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const i18nModule = join(pkgDir, 'dist', 'locales', 'i18n.js');
const i18n = createRequire(i18nModule)('i18n');
const useBundledEnglish = async () => {
  i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nModule), updateFiles: false, objectNotation: true, register: globalThis });
  i18n.setLocale('en-US');
};
require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: useBundledEnglish };
const run = require(join(pkgDir, 'dist', 'runner.js'));
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = manifest.optionalDependencies?.electron ?? manifest.devDependencies?.electron;

// One scan over everything together: its global checks (navigation limits, permission handler,
// CSP) look for the main process's handlers and the page's policy across all files. Tests are
// not shipped and are left out.
const stage = mkdtempSync(join(tmpdir(), 'stackscope-electronegativity-'));
const staged = inputs.map((dir, i) => ({ as: `${i}`, real: resolve(root, dir) }));
/** Where a file the scan reports (relative to the stage) really is, relative to the repository when inside it. */
const realFile = (file) => {
  const [as, ...rest] = file.split('/');
  const input = staged.find((s) => s.as === as);
  return input ? relative(root, join(input.real, ...rest)) : file;
};
let result;
try {
  for (const { as, real } of staged) cpSync(real, join(stage, as), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
  // Its own `eng-disable` comments would hide a finding of any severity, so the staged copies lose
  // them: every finding comes back, and this script decides (a HIGH is never waived).
  for (const entry of readdirSync(stage, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && /\.(m?[jt]sx?|cjs|html?)$/.test(entry.name)) writeFileSync(path, readFileSync(path, 'utf8').replaceAll('eng-disable', 'eng-noted'));
  }
  result = await run({
    input: stage,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // It asks GitHub for newer Electron releases: network-dependent, and the pinned Electron is
    // upgraded on purpose, not by a CI run that happened to go online.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/** A finding in a bundle, traced to the source line it came from (esbuild and Vite write maps). */
const maps = new Map();
function original(file, line, column) {
  const mapFile = resolve(root, `${file}.map`);
  if (!maps.has(mapFile)) maps.set(mapFile, existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : null);
  const payload = maps.get(mapFile);
  if (!payload || line < 1) return null;
  const entry = new SourceMap(payload).findEntry(line - 1, Math.max(0, column));
  if (!entry?.originalSource) return null;
  const source = relative(root, resolve(dirname(mapFile), payload.sourceRoot ?? '', entry.originalSource.replace(/^file:\/\//, '')));
  return { file: source, line: entry.originalLine + 1 };
}

const lines = new Map();
function sourceLine(file, line) {
  const path = resolve(root, file);
  if (!lines.has(path)) lines.set(path, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
  return lines.get(path)[line - 1] ?? '';
}

// DESIGN.md's non-negotiables (contextIsolation, sandbox, no nodeIntegration, web security): a
// finding of these checks fails at any severity from MEDIUM up, comment or not.
const NEVER_EXPLAINED = new Set([
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK',
]);

const findings = new Map();
for (const issue of result.issues) {
  const file = issue.file === 'N/A' ? null : realFile(issue.file);
  const at = file ? original(file, issue.location.line, issue.location.column) : null;
  const where = at ? `${at.file}:${at.line}` : file ? `${file}:${issue.location.line}` : '(whole app)';
  const key = `${issue.id} ${where}`;
  if (findings.has(key)) continue; // the same line seen in the source and in its bundle
  // Explained: `eng-disable ID` on the flagged line of the real file (a bundle's finding is traced
  // to its source line first).
  const line = at ?? (file ? { file, line: issue.location.line } : null);
  const explained = !NEVER_EXPLAINED.has(issue.id) && line !== null && new RegExp(`eng-disable\\b[\\w \\t]*\\b${issue.id}\\b`).test(sourceLine(line.file, line.line));
  findings.set(key, { severity: issue.severity.name, id: issue.id, where, explained, text: issue.description, url: issue.shortenedURL });
}

const all = [...findings.values()];
const high = all.filter((f) => f.severity === 'HIGH');
const medium = all.filter((f) => f.severity === 'MEDIUM');
const unexplained = medium.filter((f) => !f.explained);
const minor = all.filter((f) => f.severity !== 'HIGH' && f.severity !== 'MEDIUM');
const unread = result.errors.filter((e) => !e.tolerable);

say(`Electronegativity ${version}, Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks over ${inputs.join(', ')}`);
const show = (label, f) => console.log(`  ${label.padEnd(10)} ${f.severity.padEnd(6)} ${f.id.padEnd(40)} ${f.where}${label === 'explained' ? '' : `\n             ${f.text.replace(/\s+/g, ' ').slice(0, 160)} ${f.url}`}`);
for (const f of high) show('FIX', f);
for (const f of unexplained) show('FIX', f);
for (const f of medium.filter((m) => m.explained)) show('explained', f);
for (const f of minor) show(f.severity.toLowerCase(), f);
for (const e of unread) console.log(`  NOT READ   ${realFile(relative(stage, e.file))}: ${e.message}`);

if (high.length > 0 || unexplained.length > 0 || unread.length > 0) {
  say(
    `FAILED: ${high.length} high, ${unexplained.length} unexplained medium, ${unread.length} file(s) not read. ` +
      'Fix each one; a MEDIUM that is intended (and not one of DESIGN.md\'s non-negotiables) gets `// eng-disable CHECK_ID` on the flagged line with the reason beside it.',
  );
  process.exit(1);
}
say(`ok: 0 high, ${medium.length} medium (each explained where it is flagged), ${minor.length} low/informational.`);
