/**
 * cinder-volumes: Cinder services that are down or disabled (a down cinder-volume is a backend no
 * volume can be created on, attached from or deleted on), and volumes left in a transitional or
 * error state for longer than `stuck_minutes`, measured from their updated_at against the clock of
 * the controller that asked (volumes.sh prints it first, so Stackscope's own clock never counts).
 * A cloud without Cinder in its catalog is an info fact, never ok and never a problem.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { parseServices, parseVolumes, whyFailed, type VolumeShown } from './parse.js';

const SERVICES = 'volume-services';
const VOLUMES = 'volumes';

/** The advice for a stuck state (main/shared/finding-texts/cinder-volumes.ts `cinder-volumes.stuck.<kind>.*`). */
function kindOf(status: string): 'attach' | 'delete' | 'create' | 'error' | 'other' {
  if (/^(attaching|detaching|reserved)$/.test(status)) return 'attach';
  if (/^(deleting|error_deleting)$/.test(status)) return 'delete';
  if (status === 'creating') return 'create';
  if (/^error/.test(status)) return 'error';
  return 'other';
}

const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim()) ?? '';

const duration = (sec: number): FindingMessage => {
  const min = Math.floor(sec / 60);
  return min >= 120 ? say('cinder-volumes.hours', { h: Math.floor(min / 60), m: min % 60 }) : say('cinder-volumes.minutes', { m: min });
};

function failure(out: StepOutput, what: 'services' | 'volumes'): Finding {
  const line = firstLine(out);
  const why = whyFailed(allText(out));
  if (why === 'no-cinder') {
    // A fact read from the cloud (no Block Storage in its catalog), not a check that failed.
    return finding({
      check: 'cinder.not-here',
      severity: 'info',
      ...texts({ title: say('cinder-volumes.not-here.title'), explanation: say('cinder-volumes.not-here.explanation', { node: out.node }) }),
      evidence: line ? [evidence(out, [line])] : [],
    });
  }
  const t = texts({
    title: say(`cinder-volumes.${what}.failed.title`),
    explanation: say('cinder-volumes.failed.explanation', { node: out.node, line: line || say('cinder-volumes.exit-code', { code: out.exitCode ?? '?' }) }),
    ...(why !== 'other' ? { likelyCause: say(`cinder-volumes.failed.cause.${why}`) } : {}),
    nextStep: say('cinder-volumes.failed.next'),
  });
  const f = skipped(`cinder.${what}`, t.title, t.explanation, line ? [evidence(out, [line])] : []);
  return { ...f, likelyCause: t.likelyCause, nextStep: t.nextStep, text: t.text };
}

function serviceFindings(out: StepOutput): Finding[] {
  const services = parseServices(out.stdout);
  if (!services) return [failure(out, 'services')];
  const found: Finding[] = [];
  for (const s of services) {
    const backend = s.binary === 'cinder-volume' ? say('cinder-volumes.backend', { host: s.host }) : say('cinder-volumes.service', { binary: s.binary, host: s.host });
    if (s.state === 'down') {
      found.push(
        finding({
          check: 'cinder.service-down',
          severity: s.status === 'disabled' ? 'warning' : 'critical',
          ...texts({
            title: say('cinder-volumes.down.title', { who: backend }),
            explanation: say('cinder-volumes.down.explanation', { who: backend, heartbeat: s.updatedAt || '?', effect: say(s.binary === 'cinder-volume' ? 'cinder-volumes.down.effect.volume' : s.binary === 'cinder-scheduler' ? 'cinder-volumes.down.effect.scheduler' : 'cinder-volumes.down.effect.other') }),
            likelyCause: say(s.binary === 'cinder-volume' ? 'cinder-volumes.down.cause.volume' : 'cinder-volumes.down.cause'),
            nextStep: say('cinder-volumes.down.next', { binary: s.binary, host: s.host }),
          }),
          evidence: [evidence(out, s.lines)],
        }),
      );
    } else if (s.status === 'disabled') {
      found.push(
        finding({
          check: 'cinder.service-disabled',
          severity: 'warning',
          ...texts({
            title: say('cinder-volumes.disabled.title', { who: backend }),
            explanation: say('cinder-volumes.disabled.explanation', { who: backend, reason: s.disabledReason ? say('cinder-volumes.disabled.reason', { reason: s.disabledReason }) : '' }),
            nextStep: say('cinder-volumes.disabled.next', { binary: s.binary, host: s.host }),
          }),
          evidence: [evidence(out, s.lines)],
        }),
      );
    }
  }
  if (!found.length) {
    found.push(
      finding({
        check: 'cinder.services',
        severity: 'ok',
        ...texts({ title: say('cinder-volumes.services.ok.title', { count: services.length }), explanation: say('cinder-volumes.services.ok.explanation', { backends: services.filter((s) => s.binary === 'cinder-volume').map((s) => s.host).join(', ') || '-' }) }),
        evidence: [evidence(out, services.flatMap((s) => s.lines.filter((l) => /"(Host|State)"/.test(l))).slice(0, 20))],
      }),
    );
  }
  return found;
}

function volumeFindings(out: StepOutput, stuckMin: number): Finding[] {
  const v = parseVolumes(out.stdout);
  if (out.state !== 'succeeded' || v.listed === null) return [failure(out, 'volumes')];
  const now = v.now;
  const stuck: Array<{ vol: VolumeShown; age: number }> = [];
  for (const vol of v.shown) {
    if (now === null || vol.updatedSec === null) continue;
    const age = now - vol.updatedSec;
    if (age > stuckMin * 60) stuck.push({ vol, age });
  }
  const found = stuck.map(({ vol, age }) => {
    const kind = kindOf(vol.status);
    return finding({
      check: 'cinder.volume-stuck',
      severity: 'warning',
      ...texts({
        title: say('cinder-volumes.stuck.title', { name: vol.name || vol.id, status: vol.status, age: duration(age) }),
        explanation: say('cinder-volumes.stuck.explanation', {
          id: vol.id,
          status: vol.status,
          updated: vol.updatedAt,
          age: duration(age),
          limit: stuckMin,
          node: out.node,
          host: vol.host ? say('cinder-volumes.stuck.host', { host: vol.host }) : '',
          server: vol.attachedTo.length ? say('cinder-volumes.stuck.server', { servers: vol.attachedTo.join(', ') }) : '',
        }),
        likelyCause: say(`cinder-volumes.stuck.${kind}.cause`),
        nextStep: say(`cinder-volumes.stuck.${kind}.next`, { id: vol.id }),
      }),
      evidence: [evidence(out, vol.lines)],
    });
  });
  if (!found.length) {
    found.push(
      finding({
        check: 'cinder.volumes',
        severity: 'ok',
        ...texts({ title: say('cinder-volumes.volumes.ok.title', { limit: stuckMin }), explanation: say('cinder-volumes.volumes.ok.explanation', { count: v.listed, transit: v.shown.length, limit: stuckMin }) }),
        evidence: [evidence(out, lines(out.stdout).filter((l) => l.startsWith('== now: ') || l === '== volume list'))],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const stuckMin = Number(input.params.stuck_minutes ?? 30) || 30;
  const findings: Finding[] = [];
  const svc = completed(input, SERVICES)[0];
  const vols = completed(input, VOLUMES)[0];
  if (svc) findings.push(...serviceFindings(svc));
  if (vols) {
    const fs = volumeFindings(vols, stuckMin);
    // No Cinder is said once.
    findings.push(...fs.filter((f) => !(f.check === 'cinder.not-here' && findings.some((x) => x.check === 'cinder.not-here'))));
  }
  if (!svc && !vols) {
    const any = [...outputsOf(input, SERVICES), ...outputsOf(input, VOLUMES)][0];
    const t = texts({ title: say('cinder-volumes.not-run.title'), explanation: say('cinder-volumes.not-run.explanation', { why: any?.error ?? any?.state ?? say('cinder-volumes.not-run.none') }) });
    findings.push({ ...skipped('cinder.services', t.title, t.explanation), text: t.text });
  }
  return findings;
};
