/**
 * Attacks on the playbook loader (issue 12, items 12 and 13): a site playbook that lets a
 * parameter value run as code, and site playbook files that would stop every command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/core.js';
import { tempDir } from '../../main/core/testing/fixtures.js';
import { formatProblem, MAX_PLAYBOOK_BYTES, parsePlaybook } from './loader.js';
import { renderRun, unsafePlaceholders } from './shell.js';
import { sitePlaybookYaml } from './testing/site-playbook.js';

const t = tempDir('stackscope-loader-security-');
afterAll(() => t.remove());

const sitePlaybook = (id: string, run: string): string => sitePlaybookYaml(id, run);

const heredoc = 'cat <<EOF\nvalue: {{x}}\nEOF';

function inside(script: string): Array<[string, string]> {
  return unsafePlaceholders(script).map((u) => [u.name, u.inside]);
}

/** Values that break out of each context in some shell (M: the file they create). */
const hostile = ['$(touch M)', 'a`; touch M; echo `', 'a`"; touch M; echo "`', 'a[$(touch M)]'];

/** Renders a step with each hostile value and runs it in a real shell: did any run as code? */
function injects(shell: string, script: string): boolean {
  return hostile.some((value, i) => {
    const marker = join(t.path, `pwned-${shell.replace(/\W/g, '')}-${i}-${script.length}`);
    const v = value.replace('M', marker);
    spawnSync(shell, ['-c', renderRun(script, { x: v, n: v })], { encoding: 'utf8', timeout: 10_000 });
    return existsSync(marker) && (rmSync(marker), true);
  });
}

describe('placeholders where the engine quotes would not hold', () => {
  const refused: Array<[string, Array<[string, string]>]> = [
    [heredoc, [['x', 'here-document']]],
    ['cat <<-EOF\n\tvalue: {{x}}\n\tEOF', [['x', 'here-document']]],
    ["cat <<'EOF'\nvalue: {{x}}\nEOF", [['x', 'here-document']]],
    ['cat <<"EOF"\nvalue: {{x}}\nEOF', [['x', 'here-document']]],
    ['cat <<\\EOF\nvalue: {{x}}\nEOF', [['x', 'here-document']]],
    ['v=$(cat <<EOF\n{{x}}\nEOF\n)', [['x', 'here-document']]],
    ['cat <<A <<B\n{{x}}\nA\n{{n}}\nB\necho {{x}}', [['x', 'here-document'], ['n', 'here-document']]],
    ['cat <<{{x}}\nhello\n', [['x', 'here-document']]],
    ['echo `echo {{x}}`', [['x', 'backticks']]],
    ['echo "`echo {{x}}`"', [['x', 'backticks']]],
    ['echo `echo $(echo {{x}})`', [['x', 'backticks']]],
    ['echo "{{x}}"', [['x', 'quotes']]],
    ["echo '{{x}}'", [['x', 'quotes']]],
    ["echo $'it\\'s {{x}}'", [['x', 'quotes']]],
    // A scanner that ignored $(…) inside "…" would think the last placeholder stands alone.
    [`echo "$(printf '"')" '{{x}}'`, [['x', 'quotes']]],
    ['echo ${v:-{{x}}}', [['x', 'parameter expansion']]],
    ['echo "${v:-{{x}}}"', [['x', 'parameter expansion']]],
    ['echo $(( {{n}} + 1 ))', [['n', 'arithmetic']]],
    ['echo $(( (1 + 2) * {{n}} ))', [['n', 'arithmetic']]],
  ];
  it.each(refused)('refuses %j', (script, expected) => {
    expect(inside(script)).toEqual(expected);
  });

  const accepted = [
    'echo {{x}}',
    'x={{x}}; cat <<EOF\nvalue: $x\nEOF',
    'cat <<EOF\nhello\nEOF\necho {{x}}',
    'grep -c . <<< {{x}}',
    'grep -c . <<<{{x}}',
    'echo $(echo {{x}})',
    'echo "$(echo {{x}})"',
    'echo $((1 << 2)) {{x}}',
    "# don't quote here\necho {{x}}",
  ];
  it.each(accepted)('accepts %j', (script) => {
    expect(inside(script)).toEqual([]);
  });

  // The rule is only as good as its agreement with real shells: these refused forms do run the
  // value (dash reads backticks when it parses, so they only fail there), and no accepted form
  // runs any hostile value, in dash (/bin/sh here) or bash.
  const dangerous: Array<[string, string[]]> = [
    [heredoc, ['/bin/sh', 'bash']],
    ['cat <<-EOF\n\tvalue: {{x}}\n\tEOF', ['/bin/sh', 'bash']],
    ['echo "${v:-{{x}}}"', ['/bin/sh', 'bash']],
    ['echo $(( {{n}} + 1 ))', ['/bin/sh', 'bash']],
    ['echo `echo {{x}}`', ['bash']],
    ['echo "`echo {{x}}`"', ['bash']],
  ];
  it.each(['/bin/sh', 'bash'])('agrees with %s', (shell) => {
    for (const [script, shells] of dangerous) if (shells.includes(shell)) expect(injects(shell, script), script).toBe(true);
    for (const script of accepted) expect(injects(shell, script), script).toBe(false);
  });
});

describe('site playbooks from STACKSCOPE_PLAYBOOKS', () => {
  const site = join(t.path, 'site');
  const missing = join(t.path, 'no-such-folder');
  const notAFolder = join(t.path, 'a-file');
  let core: Core;
  const write = (folder: string, text: string): string => {
    mkdirSync(join(site, folder), { recursive: true });
    writeFileSync(join(site, folder, 'playbook.yaml'), text);
    return join(site, folder, 'playbook.yaml');
  };
  const files: Record<string, string> = {};

  beforeAll(() => {
    files.pwn = write('pwn', sitePlaybook('pwn', heredoc));
    files.safe = write('safe', sitePlaybook('safe', 'x={{x}}\ncat <<EOF\nvalue: $x\nEOF'));
    files.tick = write('tick', sitePlaybook('tick', 'v=`echo {{x}}`'));
    const scripted = (id: string, script: string): string => sitePlaybook(id, 'true').replace('    run: |\n      true\n', `    script: ${script}\n`);
    files.spliced = write('spliced', scripted('spliced', 'show.sh'));
    writeFileSync(join(site, 'spliced', 'show.sh'), 'x=$1\ncat <<EOF\n{{x}}\nEOF\n');
    files.escape = write('escape', scripted('escape', '../../../etc/profile.sh'));
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)];
    files.bomb = write('bomb', `id: bomb\n${laughs.join('\n')}\n`);
    files.big = write('big', sitePlaybook('big', `echo ${'x'.repeat(MAX_PLAYBOOK_BYTES)}`));
    files.deep = write('deep', `id: deep\nsteps: ${'['.repeat(200_000)}\n`);
    mkdirSync(join(site, 'not-a-file', 'playbook.yaml'), { recursive: true });
    symlinkSync(join(t.path, 'nowhere'), join(site, 'dangling'));
    writeFileSync(notAFolder, 'not a folder\n');
    process.env.STACKSCOPE_PLAYBOOKS = [site, missing, notAFolder].join(':');
    // The same path the CLI takes: the core loads the catalogue when it starts.
    core = createCore({ dataDir: join(t.path, 'data'), mode: 'cli' });
  });
  afterAll(async () => {
    delete process.env.STACKSCOPE_PLAYBOOKS;
    await core?.close();
  });

  it('refuses a placeholder in a here-document or in backticks, naming file:line:col of the placeholder', () => {
    const { problems } = core.playbooks.list();
    expect(problems).toContain(
      `${files.pwn}:14:14: step "show" puts {{x}} inside a here-document, where the shell runs $(…) and \`…\` even inside the engine's quotes (and <<'EOF' would keep the quotes as text); it must stand where a whole shell word goes (the engine quotes it): assign it first (x={{x}}) and use "$x" there`,
    );
    expect(problems.find((p) => p.startsWith(`${files.tick}:`))).toMatch(/:13:15: step "show" puts \{\{x\}\} inside backticks/);
    expect(() => core.playbooks.get('pwn')).toThrow(`playbook pwn failed to load: ${files.pwn}:14:14: step "show" puts {{x}} inside a here-document`);
    expect(core.playbooks.get('safe').def.id).toBe('safe');
  });

  it('refuses a script file that would splice a parameter, and a script: that leaves the playbook folder', () => {
    const { problems } = core.playbooks.list();
    expect(problems).toContain(
      `${join(site, 'spliced', 'show.sh')}:3:1: {{x}} is not replaced in a script file: a script gets the parameters as "$1"…"$n" in the order params declares them; "$1" is x: assign it first (x=$1) and use "$x"`,
    );
    expect(problems).toContain(`${files.escape}:12:13: steps.0.script must be a file name beside playbook.yaml ending in .sh (letters, digits, dot, dash, underscore; no folder)`);
    expect(core.playbooks.list().playbooks.map((p) => p.id)).not.toContain('spliced');
  });

  it('turns every broken file or folder into a load problem and loads the rest', () => {
    const { playbooks, problems } = core.playbooks.list();
    expect(playbooks.map((p) => p.id)).toContain('safe');
    expect(playbooks.map((p) => p.id)).toContain('galera-health');
    const about = (file: string): string | undefined => problems.find((p) => p.startsWith(`${file}:`));
    expect(about(files.bomb as string)).toMatch(/:3:\d+: YAML: Excessive alias count .* \(aliases may expand to at most 100 nodes; write the values out\)$/);
    expect(about(files.big as string)).toBe(`${files.big}: is 1.0 MB, over the 1 MB limit for a playbook; not loaded (shorten it or move it out of the folder)`);
    expect(problems.filter((p) => p.startsWith(`${files.deep}:`))).toEqual([...Array(5).fill(expect.stringMatching(/^\S+:2:\d+: YAML: /)), expect.stringMatching(/: \d+ more YAML error\(s\) not shown$/)]);
    expect(about(join(site, 'not-a-file', 'playbook.yaml'))).toMatch(/: is not a regular file; a playbook is a YAML file$/);
    expect(about(join(site, 'dangling'))).toBe(`${join(site, 'dangling')}: cannot read: no such file or directory`);
    expect(about(missing)).toBe(`${missing}: cannot read this playbook folder: no such file or directory (site folders come from STACKSCOPE_PLAYBOOKS; fix the path or remove it)`);
    expect(about(notAFolder)).toMatch(/: cannot read this playbook folder: not a directory /);
  });

  it('keeps ordinary anchors and aliases working', () => {
    const text = sitePlaybook('anchors', 'echo {{x}}').replace('roles: [controller]', 'roles: &r [controller]').replace('    service: host', '    service: host\n    roles: *r');
    const r = parsePlaybook(text, 'anchors/playbook.yaml', 'anchors');
    expect('def' in r ? r.def.steps[0]?.roles : r.problems.map(formatProblem)).toEqual(['controller']);
  });
});

describe('log signatures from a hostile or careless playbook', () => {
  // A shipped playbook id, so the signature texts exist and only the attack is refused.
  const head = `id: openstack-log-signatures
title: { en: T, ko: 티 }
description: { en: D, ko: 디 }
appliesTo: [packages]
roles: [compute]
steps:
  - { id: nova-compute-log, title: { en: L, ko: 엘 }, service: nova-compute, logs: { tail: 10 } }
logSignatures:
`;
  const problemsOf = (sig: string): string[] => {
    const r = parsePlaybook(`${head}  - ${sig}\n`, 'sig/playbook.yaml');
    return 'problems' in r ? r.problems.map(formatProblem) : [];
  };
  const base = "id: amqp-unreachable, step: nova-compute-log, window: 6h, severity: warning";

  it('refuses regexes that backtrack catastrophically, and a huge one, before anything runs', () => {
    for (const redos of ['(a+)+$', '(a|a)*$', '(.*a){20}', '([a-z]+)*x', '(\\w+\\s?)+$', '(x+x+)+y', '^(a|aa)+$', '(?:\\d+)+\\.']) {
      expect(problemsOf(`{ ${base}, regex: '${redos}' }`), redos).toEqual([expect.stringMatching(/^sig\/playbook\.yaml:9:\d+: log signature "amqp-unreachable": the regex repeats a group/)]);
    }
    expect(problemsOf(`{ ${base}, regex: '(\\w+) \\1' }`)).toEqual([expect.stringMatching(/backreference/)]);
    expect(problemsOf(`{ ${base}, regex: '${'a'.repeat(513)}' }`)).toEqual([expect.stringMatching(/^sig\/playbook\.yaml:9:\d+: logSignatures\.0\.regex must NOT have more than 512 characters$/)]);
    expect(problemsOf(`{ ${base}, regex: '[' }`)).toEqual([expect.stringMatching(/the regex is not a valid regular expression: Invalid regular expression/)]);
  });

  it('refuses a start-up grace whose start line backtracks, is huge, or whose seconds are absurd, and any field it does not know', () => {
    expect(problemsOf(`{ ${base}, regex: x, startGrace: { line: 'service started', seconds: 300 } }`)).toEqual([]);
    for (const redos of ['(a+)+$', '(\\w+\\s?)+$']) {
      expect(problemsOf(`{ ${base}, regex: x, startGrace: { line: '${redos}', seconds: 300 } }`), redos).toEqual([expect.stringMatching(/^sig\/playbook\.yaml:9:\d+: log signature "amqp-unreachable": the start line's regex repeats a group/)]);
    }
    expect(problemsOf(`{ ${base}, regex: x, startGrace: { line: '${'a'.repeat(257)}', seconds: 300 } }`)).toEqual([expect.stringMatching(/startGrace\.line must NOT have more than 256 characters$/)]);
    for (const seconds of ['0', '9', '3601', '1e9', "'300'", '300; rm -rf /']) {
      expect(problemsOf(`{ ${base}, regex: x, startGrace: { line: started, seconds: ${seconds} } }`), seconds).toEqual([expect.stringMatching(/startGrace\.seconds must/)]);
    }
    expect(problemsOf(`{ ${base}, regex: x, startGrace: { line: started, seconds: 60, run: 'id' } }`)).toEqual([expect.stringMatching(/unknown field "run" in logSignatures\.0\.startGrace$/)]);
    expect(problemsOf(`{ ${base}, regex: x, startGrace: { seconds: 60 } }`)).toEqual(['sig/playbook.yaml:9:106: logSignatures.0.startGrace is missing the field "line"']);
  });

  it('refuses injected fields, a shell in the package name, and absurd windows and counts', () => {
    expect(problemsOf(`{ ${base}, regex: x, run: 'rm -rf /' }`)).toEqual([expect.stringMatching(/unknown field "run" in logSignatures\.0$/)]);
    expect(problemsOf(`{ ${base}, regex: x, knownBug: { lp: 1, package: "p; touch /tmp/pwned", fixedIn: [{ line: '1', version: '1.0' }] } }`)).toEqual([expect.stringMatching(/logSignatures\.0\.knownBug\.package must match pattern/)]);
    expect(problemsOf(`{ ${base}, regex: x, knownBug: { lp: 1, package: p1, fixedIn: [{ line: "1'$(id)", version: '1.0' }] } }`)).toEqual([expect.stringMatching(/fixedIn\.0\.line must match pattern/)]);
    expect(problemsOf(`{ ${base}, regex: x, knownBug: { lp: 1e12, package: p1, fixedIn: [] } }`)).toEqual([expect.stringMatching(/lp must be <= 99999999/), expect.stringMatching(/fixedIn must NOT have fewer than 1 items/)]);
    for (const window of ['0h', '31d', '99999d', '6h; rm -rf /', '-1h', '1e9h', '720h1']) {
      expect(problemsOf(`{ id: amqp-unreachable, step: nova-compute-log, regex: x, severity: warning, window: '${window}' }`), window).toEqual([expect.stringMatching(/window/)]);
    }
    for (const minCount of ['0', '-1', '100001', '1.5', "'10'"]) {
      expect(problemsOf(`{ ${base}, regex: x, minCount: ${minCount} }`), minCount).toEqual([expect.stringMatching(/logSignatures\.0\.minCount must/)]);
    }
    const many = Array.from({ length: 51 }, () => `  - { ${base}, regex: x }`).join('\n');
    const r = parsePlaybook(`${head}${many}\n`, 'sig/playbook.yaml');
    expect('problems' in r ? r.problems.map(formatProblem) : []).toEqual(['sig/playbook.yaml:9:3: logSignatures must NOT have more than 50 items']);
  });

  it('keeps the engine’s own step ids for itself', () => {
    const r = parsePlaybook(head.replace('id: nova-compute-log,', 'id: signature-clock,').replace('logSignatures:\n', ''), 'sig/playbook.yaml');
    expect('problems' in r ? r.problems.map(formatProblem) : []).toEqual(['sig/playbook.yaml:7:11: step id "signature-clock" is one the engine adds for log signatures; choose another']);
  });
});
