import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../main/core/testing/fixtures.js';
import { formatProblem, parsePlaybook, type Catalogue } from './loader.js';
import { loadRunbooks, parseRunbook } from './runbook-loader.js';

const playbook = parsePlaybook(
  `id: demo
title: { en: Demo, ko: 데모 }
description: { en: A demo, ko: 데모입니다 }
appliesTo: [packages, kolla]
roles: [controller]
params:
  - { name: size, type: integer, default: 3, min: 1, description: { en: Size, ko: 크기 } }
  - { name: target, type: ip, required: true, description: { en: Target, ko: 대상 } }
steps:
  - { id: show, title: { en: Show, ko: 보기 }, service: host, run: "echo {{size}} {{target}}" }
`,
  'demo/playbook.yaml',
  'demo',
);
if (!('def' in playbook)) throw new Error('fixture playbook broken');
const catalogue: Catalogue = { playbooks: new Map([['demo', { def: playbook.def, file: 'demo/playbook.yaml', analyze: () => [] }]]), problems: [] };

const en = `---
id: drill
title: { en: A drill, ko: 훈련 }
level: beginner
languages: [en, ko]
appliesTo: [packages]
fault: galera-node-down
---

Intro with **bold**.

## Run the demo

\`\`\`step
id: demo
playbook: demo
params: { size: 2, target: 10.0.0.1 }
\`\`\`

What it does.

### Why

Because.

### Healthy output looks like

\`\`\`text
## not a heading inside a fence
\`\`\`

### Broken output looks like

Bad.

## Look at uptime

\`\`\`step
id: uptime
command: uptime
roles: [controller]
on: one
\`\`\`

### Why

Load.

### Healthy

Low.

### Broken

High.

## Think

\`\`\`step
id: think
\`\`\`

### Why

Reading is a step too.
`;

const ko = `---
translates: drill
lang: ko
---

소개.

## 데모 실행

\`\`\`step
id: demo
\`\`\`

하는 일.

### 왜

이유.

### 정상 출력

좋음.

### 고장 출력

나쁨.

## uptime 보기

\`\`\`step
id: uptime
\`\`\`

### 왜

부하.

### 정상

낮음.

### 고장

높음.

## 생각하기

\`\`\`step
id: think
\`\`\`

### 왜

읽기도 단계입니다.
`;

function problems(enText: string, koText = ko): string[] {
  const r = parseRunbook({ file: 'drill/runbook.md', text: enText, folder: 'drill' }, koText ? [{ file: 'drill/runbook.ko.md', text: koText }] : [], catalogue);
  return 'problems' in r ? r.problems.map(formatProblem) : [];
}

describe('runbook loader', () => {
  it('reads steps, parts and both languages from the Markdown', () => {
    const r = parseRunbook({ file: 'drill/runbook.md', text: en, folder: 'drill' }, [{ file: 'drill/runbook.ko.md', text: ko }], catalogue);
    if ('problems' in r) throw new Error(r.problems.map(formatProblem).join('\n'));
    const rb = r.runbook;
    expect(rb).toMatchObject({ id: 'drill', level: 'beginner', languages: ['en', 'ko'], appliesTo: ['packages'], fault: 'galera-node-down', summary: { en: 'Intro with **bold**.', ko: '소개.' } });
    expect(rb.steps.map((s) => s.action)).toEqual([
      { kind: 'playbook', playbookId: 'demo', params: { size: '2', target: '10.0.0.1' } },
      { kind: 'command', command: 'uptime', service: 'host', roles: ['controller'], on: 'one', timeoutSec: 60, mutating: false, root: false },
      { kind: 'read' },
    ]);
    expect(rb.learned).toEqual([]);
    expect(rb.steps.map((s) => s.expect)).toEqual([null, null, null]);
    expect(rb.steps[0]).toMatchObject({ title: { en: 'Run the demo', ko: '데모 실행' }, body: { en: 'What it does.', ko: '하는 일.' }, why: { en: 'Because.', ko: '이유.' }, broken: { en: 'Bad.', ko: '나쁨.' } });
    // A "## " inside a fenced block is text, not a new step.
    expect(rb.steps[0]?.healthy.en).toBe('```text\n## not a heading inside a fence\n```');
    expect(rb.steps[2]).toMatchObject({ why: { en: 'Reading is a step too.' }, healthy: { en: '' } });
  });

  it('names file:line for a step whose playbook is not in the catalogue', () => {
    expect(problems(en.replace('playbook: demo', 'playbook: galera-health'))).toEqual(['drill/runbook.md:16:11: step "demo": no playbook "galera-health" in the catalogue (known: demo)']);
  });

  it('names file:line for parameters the playbook does not take or rejects', () => {
    expect(problems(en.replace('{ size: 2, target: 10.0.0.1 }', '{ size: 0, target: 10.0.0.1, colour: red }'))).toEqual([
      'drill/runbook.md:17:9: step "demo": unknown parameter "colour" (demo takes: size, target); parameter "size": 0 is below the minimum 1',
    ]);
    expect(problems(en.replace('{ size: 2, target: 10.0.0.1 }', '{ size: 2 }'))).toEqual(['drill/runbook.md:17:9: step "demo": missing required parameter "target": Target']);
  });

  it('refuses a command that changes the cluster, naming the line and the reason', () => {
    expect(problems(en.replace('command: uptime', 'command: systemctl restart mariadb'))).toEqual([
      'drill/runbook.md:40:10: step "uptime": this command changes a service (systemctl restart); runbook commands only read unless the step says "mutating: true" (then it runs only after the trainee confirms it)',
    ]);
  });

  it('loads a step that says it changes the cluster, on a node the trainee picks, with patterns that compile', () => {
    const text = en.replace('command: uptime', 'command: systemctl restart mariadb').replace('on: one', () => "on: pick\nmutating: true\nexpect: { healthy: '^active$', broken: 'failed' }");
    const r = parseRunbook({ file: 'drill/runbook.md', text, folder: 'drill' }, [{ file: 'drill/runbook.ko.md', text: ko }], catalogue);
    if ('problems' in r) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.runbook.steps[1]).toMatchObject({ action: { kind: 'command', on: 'pick', mutating: true }, expect: { healthy: '^active$', broken: 'failed' } });
    expect(problems(en.replace('on: one', 'on: pick'))).toEqual([expect.stringMatching(/"on: pick" \(the trainee chooses the node\) is for steps that change the cluster/)]);
    expect(problems(en.replace('on: one', "on: one\nexpect: { healthy: '([', broken: 'x' }"))).toEqual([expect.stringMatching(/^drill\/runbook\.md:\d+:\d+: expect\.healthy: is not a valid regular expression$/)]);
    expect(problems(en.replace('playbook: demo', 'playbook: demo\nmutating: true'))).toEqual([expect.stringMatching(/has "mutating" but runs no command/)]);
  });

  it('reads what was learned from each language, and wants as many lines in each', () => {
    const withLearned = en.replace('fault: galera-node-down', 'fault: galera-node-down\nlearned: [One thing., Another.]');
    const koLearned = ko.replace('lang: ko', 'lang: ko\nlearned: [하나., 둘.]');
    const r = parseRunbook({ file: 'drill/runbook.md', text: withLearned, folder: 'drill' }, [{ file: 'drill/runbook.ko.md', text: koLearned }], catalogue);
    if ('problems' in r) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.runbook.learned).toEqual([{ en: 'One thing.', ko: '하나.' }, { en: 'Another.', ko: '둘.' }]);
    expect(problems(withLearned, ko.replace('lang: ko', 'lang: ko\nlearned: [하나.]'))).toEqual([expect.stringMatching(/^drill\/runbook\.ko\.md:\d+:\d+: learned has 1 line\(s\) here and 2 in runbook\.md/)]);
  });

  it('names file:line:col for unknown fields, wrong types and broken YAML in a step block', () => {
    expect(problems(en.replace('on: one', 'on: one\nsudo: true'))).toEqual(['drill/runbook.md:43:1: unknown field "sudo" in the step block of "Look at uptime"']);
    expect(problems(en.replace('on: one', 'on: all'))).toEqual([expect.stringMatching(/^drill\/runbook\.md:42:5: on: /)]);
    expect(problems(en.replace('roles: [controller]', 'roles: [controller'))[0]).toMatch(/^drill\/runbook\.md:4\d:\d+: YAML in the step block of "Look at uptime": /);
    expect(problems(en.replace('roles: [controller]\n', ''))).toEqual(['drill/runbook.md:40:10: step "uptime" runs a command: say on which nodes with "roles" (e.g. [controller])']);
  });

  it('names the line of structural mistakes in the Markdown', () => {
    expect(problems(en.replace('### Why\n\nBecause.', '### Because\n\nBecause.'))[0]).toBe('drill/runbook.md:22:1: unknown part "### Because" in step "Run the demo": use ### Why, ### Healthy output looks like, ### Broken output looks like');
    expect(problems(en.replace('```step\nid: think\n```\n', ''))).toEqual(['drill/runbook.md:57:1: step "Think" has no ```step block (its id and what it runs)']);
    expect(problems(en.replace('### Broken output looks like\n\nBad.\n', ''))).toEqual(['drill/runbook.md:12:1: step "demo" has no "### Broken output looks like" part']);
    expect(problems(en.replace('id: uptime', 'id: demo'))).toEqual(['drill/runbook.md:39:5: step id "demo" is used twice (first at line 15)']);
    expect(problems(`${en.slice(0, -1)}\n\n# Title`)).toEqual([expect.stringMatching(/^drill\/runbook\.md:67:1: no "# " title in a runbook/)]);
    expect(problems(en.replace('---\n\nIntro', '\nIntro'))).toEqual(['drill/runbook.md:1:1: the front matter is not closed by a line "---"']);
  });

  it('names file:line:col for front matter problems', () => {
    expect(problems(en.replace('level: beginner', 'level: expert'))).toEqual([expect.stringMatching(/^drill\/runbook\.md:4:8: level: /)]);
    expect(problems(en.replace('id: drill\n', ''))).toEqual(['drill/runbook.md:2:1: the front matter is missing the field "id"']);
    expect(problems(en.replace('appliesTo: [packages]', 'appliesTo: [packages, openstack-helm]'))).toEqual([
      'drill/runbook.md:16:11: step "demo": playbook "demo" does not apply to openstack-helm, which the runbook\'s appliesTo lists',
    ]);
  });

  it('checks that a translation has the same steps in the same order', () => {
    expect(problems(en, ko.replace('id: uptime', 'id: think').replace('id: think\n```\n\n### 왜\n\n읽기', 'id: uptime\n```\n\n### 왜\n\n읽기'))).toEqual([
      'drill/runbook.ko.md:31:5: step 2 is "think" here but "uptime" in runbook.md; translations keep the steps in the same order',
      'drill/runbook.ko.md:49:5: step 3 is "uptime" here but "think" in runbook.md; translations keep the steps in the same order',
    ]);
    expect(problems(en, ko.replace('### 고장 출력\n\n나쁨.\n', ''))).toEqual(['drill/runbook.ko.md:8:1: step "demo" has no "### broken" part, which runbook.md has']);
    expect(problems(en, ko.replace('id: demo', 'id: demo\nplaybook: demo'))[0]).toMatch(/^drill\/runbook\.ko\.md:12:1: unknown field "playbook"/);
    expect(problems(en, '')).toEqual(['drill/runbook.md:5:12: languages lists ko but there is no runbook.ko.md']);
  });

  it('loads a folder, leaving a broken runbook out and reporting it', () => {
    const t = tempDir();
    afterAll(t.remove);
    const write = (folder: string, name: string, text: string): void => {
      mkdirSync(join(t.path, folder), { recursive: true });
      writeFileSync(join(t.path, folder, name), text);
    };
    write('drill', 'runbook.md', en);
    write('drill', 'runbook.ko.md', ko);
    write('broken', 'runbook.md', en.replace('id: drill', 'id: broken').replace('playbook: demo', 'playbook: nope'));
    write('broken', 'runbook.ko.md', ko.replace('translates: drill', 'translates: broken'));
    const set = loadRunbooks(t.path, catalogue);
    expect([...set.runbooks.keys()]).toEqual(['drill']);
    expect(set.problems.map(formatProblem)).toEqual([`${join(t.path, 'broken', 'runbook.md')}:16:11: step "demo": no playbook "nope" in the catalogue (known: demo)`]);
  });
});
