import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkParamValue, formatProblem, loadCatalogue, MAX_PLAYBOOK_BYTES, parsePlaybook } from './loader.js';
import { unsafePlaceholders } from './shell.js';
import type { PlaybookDef } from './types.js';

const good = `id: demo
title: { en: Demo, ko: 데모 }
description: { en: A demo, ko: 데모입니다 }
appliesTo: [packages, kolla]
roles: [controller]
params:
  - name: port
    type: port
    description: { en: Port, ko: 포트 }
    default: 22
steps:
  - id: show
    title: { en: Show, ko: 보기 }
    service: ovn-nb
    run: ovn-nbctl show {{port}}
`;

function problems(text: string): string[] {
  const r = parsePlaybook(text, 'demo/playbook.yaml', 'demo');
  return 'problems' in r ? r.problems.map(formatProblem) : [];
}

describe('playbook loader', () => {
  it('fills defaults on a valid playbook', () => {
    const r = parsePlaybook(good, 'demo/playbook.yaml', 'demo');
    expect('def' in r && r.def.steps[0]).toEqual({ id: 'show', title: { en: 'Show', ko: '보기' }, service: 'ovn-nb', run: 'ovn-nbctl show {{port}}', on: 'each', timeoutSec: 30, mutating: false, root: false });
  });

  it('names file:line:col for an unknown field', () => {
    expect(problems(good.replace('    service: ovn-nb', '    service: ovn-nb\n    sudo: true'))).toEqual(['demo/playbook.yaml:15:5: unknown field "sudo" in steps.0']);
  });

  it('names file:line:col for a wrong type and a bad enum', () => {
    const p = problems(good.replace('service: ovn-nb', 'service: nova-api\n    timeoutSec: soon'));
    expect(p).toContain('demo/playbook.yaml:14:14: steps.0.service must be one of: host, ovn-nb, ovn-sb, ovn-northd, ovn-controller, ovs, database, placement, rabbitmq, nova-compute, nova-scheduler, neutron-server, neutron-ovn-metadata-agent, keystone');
    expect(p).toContain('demo/playbook.yaml:15:17: steps.0.timeoutSec must be integer');
  });

  it('names the line of broken YAML', () => {
    const p = problems(good.replace('roles: [controller]', 'roles: [controller'));
    expect(p[0]).toMatch(/^demo\/playbook\.yaml:\d+:\d+: YAML: /);
  });

  it('rejects a missing field, a step with both run and logs, and an undeclared placeholder', () => {
    expect(problems(good.replace('appliesTo: [packages, kolla]\n', ''))).toEqual(['demo/playbook.yaml:1:1: the playbook is missing the field "appliesTo"']);
    expect(problems(good.replace('    run: ovn-nbctl show {{port}}', '    run: x\n    logs: { tail: 5 }'))).toEqual(['demo/playbook.yaml:12:5: steps.0 needs exactly one of "run", "script" or "logs"']);
    expect(problems(good.replace('{{port}}', '{{prot}}'))).toEqual(['demo/playbook.yaml:15:10: step "show" uses {{prot}} but the playbook declares no parameter "prot"']);
  });

  it('rejects placeholders inside quotes, where the quoting would not protect them', () => {
    const at = (script: string): number[] => unsafePlaceholders(script).map((u) => u.at);
    expect(at(`echo "{{a}}"`)).toEqual([6]);
    expect(at(`echo '{{a}}'`)).toEqual([6]);
    expect(at(`x={{a}}; echo "$x" 'it''s' \\"{{b}}`)).toEqual([]);
    expect(problems(good.replace('ovn-nbctl show {{port}}', `ovn-nbctl show "{{port}}"`))).toEqual([
      'demo/playbook.yaml:15:26: step "show" puts {{port}} inside quotes, where the value would end the quoted string; it must stand where a whole shell word goes (the engine quotes it): assign it first (port={{port}}) and use "$port" there',
    ]);
  });

  it('checks typed parameter values', () => {
    const port = { name: 'p', type: 'port', description: { en: '', ko: '' }, required: false } as const;
    expect(checkParamValue(port, '22')).toBeNull();
    expect(checkParamValue(port, '70000')).toMatch(/above the maximum 65535/);
    expect(checkParamValue({ ...port, type: 'ip' }, '10.0.0.300')).toMatch(/not an IP/);
    expect(checkParamValue({ ...port, type: 'ip' }, 'fd00::1')).toBeNull();
    expect(checkParamValue({ ...port, type: 'enum', values: ['tcp', 'udp'] }, 'icmp')).toMatch(/not one of tcp, udp/);
    expect(checkParamValue({ ...port, type: 'string', pattern: '[a-z,]+' }, 'a;b')).toMatch(/does not match/);
    expect(problems(good.replace('default: 22', 'default: 0'))).toEqual(['demo/playbook.yaml:10:14: default of "port": 0 is below the minimum 1']);
  });

  const dir = mkdtempSync(join(tmpdir(), 'stackscope-catalogue-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('script: a step script beside playbook.yaml', () => {
    const withScript = good.replace('    run: ovn-nbctl show {{port}}', '    script: show.sh');
    const folder = join(dir, 'scripts');
    mkdirSync(folder);
    const load = (yaml: string, script?: string): string[] | PlaybookDef => {
      rmSync(join(folder, 'show.sh'), { force: true });
      if (script !== undefined) writeFileSync(join(folder, 'show.sh'), script);
      const r = parsePlaybook(yaml, join(folder, 'playbook.yaml'), 'demo');
      return 'problems' in r ? r.problems.map(formatProblem) : r.def;
    };

    it('reads the script into the step; parameters are not in its text', () => {
      const text = '#!/bin/sh\nport=$1\novn-nbctl show "$port"\n';
      const def = load(withScript, text) as PlaybookDef;
      expect(def.steps[0]).toEqual({ id: 'show', title: { en: 'Show', ko: '보기' }, service: 'ovn-nb', script: { file: 'show.sh', text }, on: 'each', timeoutSec: 30, mutating: false, root: false });
    });

    it('names the script: field for a missing file, a bad name, and both run and script', () => {
      expect(load(withScript)).toEqual([`${join(folder, 'playbook.yaml')}:15:13: step "show": script ${join(folder, 'show.sh')} does not exist (put the file beside playbook.yaml, or fix the name)`]);
      expect(load(withScript.replace('show.sh', '../show.sh'), '')).toEqual([
        `${join(folder, 'playbook.yaml')}:15:13: steps.0.script must be a file name beside playbook.yaml ending in .sh (letters, digits, dot, dash, underscore; no folder)`,
      ]);
      expect(load(withScript.replace('    script: show.sh', '    script: show.sh\n    run: "true"'), '')).toEqual([`${join(folder, 'playbook.yaml')}:12:5: steps.0 needs exactly one of "run", "script" or "logs"`]);
    });

    it('refuses a {{placeholder}} inside a script, at its file:line:col, saying which "$N" to use', () => {
      expect(load(withScript, '#!/bin/sh\novn-nbctl show {{port}}\necho {{nope}}\n')).toEqual([
        `${join(folder, 'show.sh')}:2:16: {{port}} is not replaced in a script file: a script gets the parameters as "$1"…"$n" in the order params declares them; "$1" is port: assign it first (port=$1) and use "$port"`,
        `${join(folder, 'show.sh')}:3:6: {{nope}} is not replaced in a script file: a script gets the parameters as "$1"…"$n" in the order params declares them; the playbook declares no parameter "nope"`,
      ]);
    });

    it('holds a script to the playbook size limit and to being a regular file', () => {
      expect(load(withScript, `echo ${'x'.repeat(MAX_PLAYBOOK_BYTES)}\n`)).toEqual([
        `${join(folder, 'playbook.yaml')}:15:13: step "show": script ${join(folder, 'show.sh')} is 1.0 MB, over the 1 MB limit for a playbook; not loaded (shorten it or move it out of the folder)`,
      ]);
      mkdirSync(join(folder, 'dir.sh'));
      expect(load(withScript.replace('show.sh', 'dir.sh'))).toEqual([`${join(folder, 'playbook.yaml')}:15:13: step "show": script ${join(folder, 'dir.sh')} is not a regular file; a step script is a shell file`]);
    });
  });

  it('loads the good playbooks of a catalogue and reports the broken one', () => {
    for (const [folder, text] of [
      ['demo', good],
      ['broken', good.replace('id: demo', 'id: broken').replace('roles: [controller]', 'roles: [controler]')],
      ['orphan', good.replace('id: demo', 'id: orphan')],
    ] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'playbook.yaml'), text);
    }
    const c = loadCatalogue(dir, { demo: () => [], broken: () => [] });
    expect([...c.playbooks.keys()]).toEqual(['demo']);
    expect(c.problems.map(formatProblem)).toEqual([
      `${join(dir, 'broken/playbook.yaml')}:5:9: roles.0 must be one of: controller, compute, network, storage`,
      `${join(dir, 'orphan/playbook.yaml')}:1:1: no analyzer registered for "orphan" (playbooks/catalogue/index.ts)`,
    ]);
  });
});
