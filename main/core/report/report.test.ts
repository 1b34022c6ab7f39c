import { Ajv } from 'ajv';
import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core.js';
import { tempDir } from '../testing/fixtures.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderJson } from './report-service.js';
import { Scrubber } from './scrub.js';

const t = tempDir();
let core: Core;
let caseId: number;

// What the case's outputs and notes hold; none of it may reach any export.
const secrets = ['hunter2-db-pass', 'S3cr3tRabbit', 'gAAAAABkZ3h0cmFfdG9rZW5fdmFsdWVfaGVyZQ', 'ost-admin-pw-77', 'ProsePw-55'];
const rawOutput = [
  'connection = mysql+pymysql://nova:hunter2-db-pass@10.0.0.11/nova',
  'transport_url = rabbit://openstack:S3cr3tRabbit@ctl-1.example.net:5672/',
  'X-Auth-Token: gAAAAABkZ3h0cmFfdG9rZW5fdmFsdWVfaGVyZQ',
  'OS_PASSWORD=ost-admin-pw-77',
  'wsrep_cluster_address = gcomm://10.0.0.11,10.0.0.12,fd00::12',
  'ctl-1.example.net WSREP: non-Primary view, peer ctl-2 at 10.0.0.12',
].join('\n');

beforeAll(async () => {
  core = createCore({ dataDir: join(t.path, 'data'), mode: 'cli', author: 'alice' });
  const h = core.handlers;
  const cl = await h['clusters.add']({ name: 'prod', deployment: 'packages' });
  const n1 = await h['nodes.add']({ clusterId: cl.id, name: 'ctl-1', host: 'ctl-1.example.net', port: 22, user: 'opsadmin', roles: ['controller'], auth: { method: 'agent' }, jumpNodeId: null });
  await h['nodes.add']({ clusterId: cl.id, name: 'ctl-2', host: '10.0.0.12', port: 22, user: 'opsadmin', roles: ['controller'], auth: { method: 'agent' }, jumpNodeId: null });
  caseId = core.repos.cases.create('Galera lost quorum on prod', 'critical', cl.id);
  const run = core.repos.runs.create(caseId, cl.id, 'playbook', 'galera-health', {}, [{ nodeId: n1.id, nodeName: 'ctl-1', stepKey: 'wsrep-status', command: 'mysql -e "SHOW STATUS LIKE \'wsrep%\'"', commandSent: 'x' }]);
  const step = run.steps[0]!;
  core.repos.runs.markStepRunning(step.id, new Date().toISOString());
  // Straight into the log, bypassing the storage redaction: the export must redact on its own.
  core.repos.runs.output.append([{ stepId: step.id, stream: 'stdout', data: rawOutput }]);
  core.repos.runs.finishStep(step.id, { state: 'succeeded', exitCode: 0, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 1234 });
  core.repos.runs.finishRun(run.id, 'succeeded');
  core.db
    .prepare("INSERT INTO findings (run_id, check_id, severity, status, title, explanation, evidence, likely_cause, remediation, created_at) VALUES (?, 'galera.non-primary', 'critical', 'FAILED', 'ctl-1 is non-Primary', ?, ?, 'quorum lost', 'bootstrap the most advanced node', ?)")
    .run(run.id, 'ctl-1 (10.0.0.11) cannot reach its peers', JSON.stringify([{ node: 'ctl-1', step: 'wsrep-status', lines: rawOutput.split('\n').filter((_, i) => i === 0 || i === 5) }]), new Date().toISOString());
  core.db
    .prepare("INSERT INTO findings (run_id, check_id, severity, status, title, explanation, evidence, likely_cause, remediation, created_at) VALUES (?, 'galera.sst', 'ok', 'OK', 'No SST in progress on ctl-1', '', '[]', '', '', ?)")
    .run(run.id, new Date().toISOString());
  await h['notes.add']({ caseId, text: 'opsadmin@ctl-1.example.net says db password: hunter2-db-pass; see 10.0.0.12' });
  await h['cases.setStatus']({ caseId, status: 'mitigated' });
  await h['cases.updateReport']({ caseId, summary: 'Galera lost quorum after ctl-2 (10.0.0.12) rebooted.', impact: 'API errors for 12 minutes.' });
  const f = await h['followups.add']({ caseId, text: 'Alert on wsrep_cluster_size < 3' });
  await h['followups.toggle']({ id: f.id, done: true });
  await h['followups.add']({ caseId, text: 'Document the bootstrap procedure' });
  await h['notes.add']({ caseId, text: 'Rotate it: the admin password is ProsePw-55 since the bootstrap' });
});

afterAll(async () => {
  await core.close();
  t.remove();
});

const hideAll = { hideIps: true, hideHostnames: true, hideUsers: true, timeZone: 'Europe/Berlin' };

describe('incident report', () => {
  it('contains no password, token or connection credential in any text format', () => {
    for (const options of [{}, hideAll]) {
      const data = core.reports.data(caseId, { ...options, withOutputs: true });
      for (const text of [renderMarkdown(data), renderHtml(data), renderJson(data)]) {
        for (const s of secrets) expect(text).not.toContain(s);
        expect(text).toContain('[REDACTED]');
      }
    }
  });

  it('hides IPs, host names and users behind pseudonyms that are the same everywhere in the report', () => {
    const data = core.reports.data(caseId, { ...hideAll, withOutputs: true });
    const json = renderJson(data);
    for (const plain of ['10.0.0.11', '10.0.0.12', 'fd00::12', 'ctl-1', 'ctl-2', 'example.net', 'opsadmin', 'alice']) expect(json).not.toContain(plain);
    // ctl-1 (first seen) is controller-1 in the finding, its evidence, the note and the appendix.
    expect(data.findings[0]?.title).toBe('controller-1 is non-Primary');
    expect(data.findings[0]?.evidence[0]?.node).toBe('controller-1');
    expect(data.commands.map((c) => c.node)).toEqual(['controller-1']);
    const ip11 = /\(ip-(\d)\) cannot reach/.exec(data.findings[0]!.explanation)?.[1];
    expect(ip11).toBeDefined();
    expect(data.findings[0]?.evidence[0]?.lines[0]).toContain(`@ip-${ip11}/nova`);
    const note = data.timeline.find((e) => e.kind === 'note')!;
    expect(note.text).toMatch(/^user-\d@controller-1 says/);
    expect(data.summary).toMatch(/after controller-2 \(ip-\d\) rebooted/);
    expect(data.header.people).toEqual([expect.stringMatching(/^user-\d$/)]);
  });

  it('shows names as they are without the hide options, and local times next to UTC', () => {
    const data = core.reports.data(caseId, { timeZone: 'Asia/Seoul' });
    expect(data.findings[0]?.title).toBe('ctl-1 is non-Primary');
    expect(data.header.opened.local).toMatch(/GMT\+9|KST/);
    expect(data.header.mitigated).not.toBeNull();
    expect(data.header.resolved).toBeNull();
    expect(data.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['opened', 'run', 'finding', 'note', 'status']));
    expect(data.followups).toEqual([
      { text: 'Alert on wsrep_cluster_size < 3', done: true, owner: null, due: null },
      { text: 'Document the bootstrap procedure', done: false, owner: null, due: null },
    ]);
    const md = renderMarkdown(data);
    expect(md).toContain('| ☑ | Alert on wsrep_cluster_size < 3 | – | – |');
    expect(md).toContain('### CRITICAL: ctl-1 is non-Primary');
    // Nobody wrote a root cause yet: the case's top finding stands in, and says so.
    expect(data.rootCause).toEqual({ text: 'ctl-1 is non-Primary', fromFinding: true });
    expect(md).toContain("## Root cause\n\nctl-1 is non-Primary _(from the case's top finding; write your own on the case)_");
    // What was ruled out is listed short, after the problems.
    expect(md).toContain('### Ruled out: checked and healthy (1)\n\n- `galera-health`: No SST in progress on ctl-1');
    expect(md.indexOf('Ruled out')).toBeGreaterThan(md.indexOf('### CRITICAL'));
    // Evidence names the step it came from, never the generated script; the command list is an appendix asked for.
    expect(md).toMatch(/Evidence from \*\*ctl-1\*\* · `galera-health` step `\S+`:/);
    expect(md).not.toContain('Appendix: commands run per node');
    expect(md).toMatch(/_\d+ commands? ran on \d+ nodes?; their list is in the appendix with --with-commands/);
    const full = renderMarkdown(data, { withCommands: true });
    expect(full).toContain('## Appendix: commands run per node');
    expect(full).toMatch(/\| ctl-1 \|?|### ctl-1/);
    // Raw outputs appear only in the JSON (with outputs asked for).
    expect(md).not.toContain('OS_PASSWORD');
    expect(renderJson(core.reports.data(caseId, { withOutputs: true }))).toContain('OS_PASSWORD=[REDACTED]');
    expect(renderHtml(data)).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('renders as GitHub-flavoured Markdown: tables keep their columns, quoted output cannot break out of its block', async () => {
    // Hostile text in the places people and hosts write: pipes, backticks, HTML, a fence of its own.
    const other = core.repos.cases.create('Tables | and `ticks`', 'warning', null);
    await core.handlers['notes.add']({ caseId: other, text: 'a | b\n```\n<script>alert(1)</script>' });
    await core.handlers['cases.updateReport']({ caseId: other, summary: '# not a heading of the report\n\n<img src=x onerror=alert(1)>' });
    for (const [id, timeZone] of [[caseId, 'UTC'], [caseId, 'Asia/Seoul'], [other, 'America/New_York']] as const) {
      const data = core.reports.data(id, { timeZone });
      const md = renderMarkdown(data, { withCommands: true });
      const tokens = new MarkdownIt('default', { html: false }).parse(md, {});
      const rows = (tableIndex: number): string[][] => {
        const opens = tokens.map((t, i) => (t.type === 'table_open' ? i : -1)).filter((i) => i >= 0);
        const start = opens[tableIndex]!;
        const out: string[][] = [];
        for (let i = start; tokens[i]!.type !== 'table_close'; i++) {
          if (tokens[i]!.type === 'tr_open') out.push([]);
          if (tokens[i]!.type === 'inline' && tokens[i - 1]!.type.match(/^t[hd]_open$/)) out.at(-1)!.push(tokens[i]!.content);
        }
        return out;
      };
      // Header table: 8 rows of 2 cells (+ its empty header row); timeline: one row per entry, with
      // a UTC column unless the report is in UTC already.
      expect(rows(0).slice(1).map((r) => r.length)).toEqual(Array(8).fill(2));
      const timeline = rows(1);
      expect(timeline.length - 1).toBe(data.timeline.length);
      expect(timeline.every((r) => r.length === (timeZone === 'UTC' ? 3 : 4))).toBe(true);
      expect(timeline[0]).toEqual(timeZone === 'UTC' ? ['Time (UTC)', 'What', 'Who'] : [`Time (${timeZone})`, 'UTC', 'What', 'Who']);
      // Only the report's own headings are headings.
      const headings = tokens.filter((t, i) => i > 0 && tokens[i - 1]!.type === 'heading_open' && t.type === 'inline').map((t) => t.content);
      expect(headings).not.toContain('not a heading of the report');
      expect(headings).toEqual(expect.arrayContaining(['Summary', 'Impact', 'Timeline', 'Findings', 'Root cause', 'Contributing factors', 'Action items', 'Appendix: commands run per node']));
      // A note's HTML is text.
      expect(md).not.toContain('<script>');
      // Evidence stays in its code block whatever it contains.
      for (const f of data.findings.filter((x) => x.severity !== 'ok')) {
        for (const e of f.evidence) expect(tokens.some((t) => t.type === 'fence' && t.content === `${e.lines.join('\n')}\n`)).toBe(true);
      }
    }
  });

  it('streams the JSON export step by step to the same text as the whole data, and valid', () => {
    for (const options of [{ ...hideAll, withOutputs: true }, { withOutputs: true, timeZone: 'UTC' }, { withOutputs: false }]) {
      const chunks: string[] = [];
      core.reports.writeJson(caseId, options, (text) => void chunks.push(text));
      // The only differences allowed: when it was generated and how long the (unresolved) case has lasted.
      const now = (text: string): string => text.replace(/"generatedAt": \{[^}]*\}/, '').replace(/"durationMs": \d+,\n {4}"people"/, '"people"');
      expect(now(chunks.join(''))).toBe(now(renderJson(core.reports.data(caseId, options))));
      if (options.withOutputs) expect(chunks.length).toBeGreaterThan(3); // written in pieces, not as one string
    }
    // A case with no commands at all.
    const empty = core.repos.cases.create('No commands', 'info', null);
    const chunks: string[] = [];
    core.reports.writeJson(empty, { withOutputs: true }, (text) => void chunks.push(text));
    expect(JSON.parse(chunks.join(''))).toMatchObject({ commands: [], followups: [] });
  });

  it('gives a finding in the report\'s language when the analyzer gave its texts as messages', () => {
    const cl = core.inventory.clusterByName('prod');
    const other = core.repos.cases.create('Korean finding texts', 'critical', cl.id);
    const run = core.repos.runs.create(other, cl.id, 'playbook', 'galera-health', {}, []);
    core.repos.runs.findings.add(run.id, [
      {
        check: 'galera.non-primary',
        severity: 'critical',
        status: 'FAILED',
        title: 'ctl-1 is not in the Primary component (wsrep_cluster_status non-Primary)',
        explanation: 'No node reports a Primary component: the cluster has lost quorum.',
        evidence: [],
        likelyCause: '',
        nextStep: '',
        skippedReason: null,
        text: { title: { id: 'galera.non-primary.title', params: { node: 'ctl-1', status: 'non-Primary' } }, explanation: { id: 'galera.non-primary.none' } },
      },
    ]);
    expect(renderMarkdown(core.reports.data(other, { lang: 'en' }))).toContain('### CRITICAL: ctl-1 is not in the Primary component (wsrep_cluster_status non-Primary)');
    const ko = renderMarkdown(core.reports.data(other, { lang: 'ko' }));
    expect(ko).toContain('### 심각: ctl-1이(가) Primary 컴포넌트에 없음 (wsrep_cluster_status non-Primary)');
    expect(ko).toContain('Primary 컴포넌트를 보고하는 노드가 없습니다. 클러스터가 쿼럼을 잃었습니다.');
  });

  it('speaks Korean when asked: its own words, not what the playbooks found', () => {
    const data = core.reports.data(caseId, { lang: 'ko', timeZone: 'Asia/Seoul' });
    expect(data.lang).toBe('ko');
    const md = renderMarkdown(data, { withCommands: true });
    for (const text of ['# 장애 보고서: Galera lost quorum on prod', '| 심각도 | 심각 |', '| 상태 | 완화됨 |', '(아직 해결되지 않음)', '## 요약', '## 영향', '## 타임라인', '| 시각 (Asia/Seoul) | UTC | 내용 | 누가 |', '**메모**', '상태 열림 → 완화됨', '## 발견 사항', '### 심각: ctl-1 is non-Primary', '**추정 원인:** quorum lost', '### 배제됨: 점검 결과 정상 (1)', '## 근본 원인', '## 기여 요인', '## 조치 항목', '| ☑ | Alert on wsrep_cluster_size < 3 | – | – |', '## 부록: 노드별 실행 명령', '| 성공 |']) {
      expect(md).toContain(text);
    }
    expect(md).toContain('ctl-1 is non-Primary'); // the finding as the analyzer wrote it
    expect(md).not.toMatch(/## (Summary|Timeline|Findings)/);
    const html = renderHtml(data);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<h2>타임라인</h2>');
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'report.schema.json'), 'utf8')) as object;
    expect(new Ajv().compile(schema)(JSON.parse(renderJson(data)))).toBe(true);
  });

  it('validates against the published JSON schema', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'report.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const options of [{ withOutputs: true }, { ...hideAll, withOutputs: false }]) {
      const data = JSON.parse(renderJson(core.reports.data(caseId, options))) as unknown;
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ schemaVersion: 2 })).toBe(false);
  });

  it('refuses an unknown case and an unknown time zone', async () => {
    expect(await core.dispatch('report.export', { caseId: 9999, format: 'md' })).toMatchObject({ ok: false, error: { message: 'case 9999 does not exist' } });
    expect(await core.dispatch('report.export', { caseId, format: 'md', options: { timeZone: 'Mars/Olympus' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('unknown time zone') } });
    expect(await core.dispatch('report.export', { caseId, format: 'docx' })).toMatchObject({ ok: false });
  });

  it('gives the same input the same pseudonym and different inputs different ones', () => {
    const s = new Scrubber({ hideIps: true }, [], []);
    expect(s.text('a 192.168.1.5 b 192.168.1.6 c 192.168.1.5 d 2001:db8::1 at 12:30:45')).toBe('a ip-1 b ip-2 c ip-1 d ip-3 at 12:30:45');
  });

  it('hides people, not the accounts every host has', () => {
    const s = new Scrubber({ hideUsers: true }, [{ name: 'ctl-1', host: '10.0.0.1', user: 'root', roles: ['controller'] }], ['alice']);
    expect(s.text('alice read /root/.my.cnf as root')).toBe('user-1 read /root/.my.cnf as root');
  });
});

describe('the timeline of a whole-cluster check', () => {
  it('folds the playbooks of one check that found nothing critical or warning into one row; the others stay apart', async () => {
    const cl = core.inventory.clusterByName('prod');
    const node = core.inventory.nodeByName(cl, 'ctl-1');
    const id = core.repos.cases.create('Check of prod', 'critical', cl.id);
    const ran = (title: string, severity: 'critical' | 'ok'): void => {
      const run = core.repos.runs.create(id, cl.id, 'playbook', title, {}, [{ nodeId: node.id, nodeName: 'ctl-1', stepKey: 's', command: 'true', commandSent: 'true' }]);
      const step = run.steps[0]!;
      core.repos.runs.markStepRunning(step.id, new Date().toISOString());
      core.repos.runs.finishStep(step.id, { state: 'succeeded', exitCode: 0, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 5 });
      core.repos.runs.finishRun(run.id, 'succeeded');
      core.db
        .prepare("INSERT INTO findings (run_id, check_id, severity, status, title, explanation, evidence, likely_cause, remediation, created_at) VALUES (?, 'x.y', ?, ?, ?, '', '[]', '', '', ?)")
        .run(run.id, severity, severity === 'ok' ? 'OK' : 'FAILED', `${title}: ${severity}`, new Date().toISOString());
    };
    for (const [title, sev] of [['ceph-health', 'ok'], ['galera-health', 'critical'], ['kernel-log', 'ok'], ['ovn-health', 'ok']] as const) ran(title, sev);
    const rows = core.reports.data(id, {}).timeline.filter((r) => r.kind === 'run').map((r) => r.text);
    expect(rows).toEqual(['Playbooks ceph-health, kernel-log, ovn-health on ctl-1: succeeded, nothing critical or warning', 'Playbook galera-health on ctl-1: succeeded (1 critical)']);
    // Every run on its own when every event is asked for.
    expect(core.reports.data(id, { allEvents: true }).timeline.filter((r) => r.kind === 'run')).toHaveLength(4);
    expect(core.reports.data(id, { lang: 'ko' }).timeline.filter((r) => r.kind === 'run')[0]?.text).toBe('플레이북 ceph-health, kernel-log, ovn-health (ctl-1): 성공, 심각·경고 없음');

    // With problems to show, more than 12 healthy playbooks are named only (the lead's report of a
    // 30-playbook check went to 4 pages); at 12 or fewer each keeps its line.
    expect(renderMarkdown(core.reports.data(id, {}))).toContain('- `ceph-health`: ceph-health: ok');
    for (let i = 0; i < 10; i++) ran(`more-${String(i).padStart(2, '0')}`, 'ok');
    const md = renderMarkdown(core.reports.data(id, {}));
    expect(md).toContain('`ceph-health`, `kernel-log`, `more-00`, `more-01`');
    expect(md).toContain("13 checks in all; each one's result is in the case and the JSON export.");
    expect(md).not.toContain('- `ceph-health`: ceph-health: ok');
    expect(renderHtml(core.reports.data(id, {}))).toContain('<p class="healthy"><code>ceph-health</code>, <code>kernel-log</code>');
    // What could not be checked stays, every item, run on as one paragraph.
    const run0 = core.repos.runs.ofCase(id, 0)[0]!;
    for (const t of ['No keystone pod on ctl-1', 'Could not list the volumes']) {
      core.db
        .prepare("INSERT INTO findings (run_id, check_id, severity, status, title, explanation, evidence, likely_cause, remediation, created_at) VALUES (?, 'x.z', 'info', 'SKIPPED', ?, '', '[]', '', '', ?)")
        .run(run0.id, t, new Date().toISOString());
    }
    expect(renderMarkdown(core.reports.data(id, {}))).toMatch(/^(No keystone pod on ctl-1|Could not list the volumes) \(`[a-z-]+`\) · (No keystone pod on ctl-1|Could not list the volumes) \(`[a-z-]+`\)$/m);
  });
});
