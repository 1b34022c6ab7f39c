import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../contract/api.js';
import type { OutputPage, TimelineEntry } from '../contract/types.js';
import { defaultAuthor } from './case-service.js';
import { createCore, type Core } from './core.js';
import { tempDir } from './testing/fixtures.js';

let core: Core | undefined;
let remove = (): void => undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  remove();
});

function open(): Core {
  const t = tempDir();
  remove = t.remove;
  core = createCore({ dataDir: join(t.path, 'data'), mode: 'browser', author: 'oncall-amy' });
  return core;
}

async function call<T>(c: Core, method: string, input: unknown): Promise<T> {
  const r = await c.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

/** A finished exec step holding this output. */
function recordedStep(c: Core, caseId: number, out: { stdout: string; stderr?: string }): number {
  const clusterId = c.inventory.addCluster({ name: `c${caseId}`, deployment: 'packages' }).id;
  const run = c.repos.runs.create(caseId, clusterId, 'exec', 'cat big', {}, [{ nodeId: null, nodeName: 'n1', command: 'cat big', commandSent: 'cat big' }]);
  const stepId = run.steps[0]?.id ?? 0;
  c.repos.runs.markStepRunning(stepId, new Date().toISOString());
  c.repos.runs.output.append([{ stepId, stream: 'stdout', data: out.stdout }, ...(out.stderr ? [{ stepId, stream: 'stderr' as const, data: out.stderr }] : [])]);
  return stepId;
}

describe('case service over the contract', () => {
  it('adds a note and changes the status as the configured author, announces both, and shows them on the timeline', async () => {
    const c = open();
    const seen: Array<EventPayloads['case.changed']> = [];
    c.events.subscribe((name, payload) => name === 'case.changed' && seen.push(payload as EventPayloads['case.changed']));
    const kase = await call<{ id: number }>(c, 'cases.create', { title: 'Nova API 500s', severity: 'critical' });
    const note = await call<{ author: string; text: string }>(c, 'notes.add', { caseId: kase.id, text: '  keystone **token** expiry  ' });
    expect(note).toMatchObject({ author: 'oncall-amy', text: 'keystone **token** expiry' });
    expect(await call(c, 'cases.setStatus', { caseId: kase.id, status: 'mitigated' })).toMatchObject({ status: 'mitigated' });
    expect(seen).toEqual([{ caseId: kase.id }, { caseId: kase.id }]);
    const timeline = await call<TimelineEntry[]>(c, 'cases.timeline', { caseId: kase.id });
    expect(timeline.map((e) => `${e.kind}:${e.author}`)).toEqual(['opened:oncall-amy', 'note:oncall-amy', 'status:oncall-amy']);
    expect(await call(c, 'app.info', {})).toMatchObject({ author: 'oncall-amy' });
    expect(await c.dispatch('notes.add', { caseId: 4242, text: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.dispatch('notes.add', { caseId: kase.id, text: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await c.dispatch('cases.setStatus', { caseId: kase.id, status: 'closed' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('pages a big output so that the pages put back together are the output, never splitting a character', async () => {
    const c = open();
    const kase = await call<{ id: number }>(c, 'cases.create', { title: 'big output' });
    // 3 MB with emoji (surrogate pairs) and Korean spread over page boundaries.
    const line = 'node-1 ERROR 한국어 😀 ' + 'x'.repeat(80) + '\n';
    // The first page (65,537 units) would end between the two halves of this emoji.
    const stdout = 'a'.repeat(65_536) + '😀\n' + line.repeat(Math.ceil((3 * 1024 * 1024) / line.length));
    const stepId = recordedStep(c, kase.id, { stdout, stderr: 'warn\n' });

    // While the step runs, a page reads what has arrived so far.
    const live = await call<OutputPage>(c, 'steps.output', { stepId, stream: 'stderr' });
    expect(live).toMatchObject({ text: 'warn\n', complete: false, total: 5 });
    c.repos.runs.finishStep(stepId, { state: 'succeeded', exitCode: 0, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 9 });

    const pages: string[] = [];
    let offset = 0;
    let page: OutputPage;
    do {
      page = await call<OutputPage>(c, 'steps.output', { stepId, stream: 'stdout', offset, length: 65_537 });
      expect(page.offset).toBe(offset);
      const first = page.text.charCodeAt(0);
      expect(first >= 0xdc00 && first <= 0xdfff).toBe(false); // no page starts with half an emoji
      pages.push(page.text);
      offset = page.nextOffset;
    } while (offset < page.total);
    expect(page.complete).toBe(true);
    expect(pages[0]).toHaveLength(65_536);
    expect(pages.join('')).toBe(stdout);
    expect(page.step).toMatchObject({ id: stepId, nodeName: 'n1', exitCode: 0, stdoutChars: stdout.length, stderrChars: 5 });
    expect(page.step).not.toHaveProperty('stdout');
    expect(await c.dispatch('steps.output', { stepId, stream: 'stdout', length: 64 * 1024 * 1024 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await c.dispatch('steps.output', { stepId: 999_999, stream: 'stdout' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('takes the author from STACKSCOPE_AUTHOR, else the OS user', () => {
    expect(defaultAuthor({ STACKSCOPE_AUTHOR: ' night-shift ' })).toBe('night-shift');
    expect(defaultAuthor({}).length).toBeGreaterThan(0);
  });
});
