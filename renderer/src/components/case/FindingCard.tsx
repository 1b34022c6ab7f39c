import type { ReactNode } from 'react';
import type { CaseFinding } from '../../../../main/contract/types.js';
import { useLang } from '../../i18n/index.js';
import { RefText, type RefTarget } from '../RefText.js';
import { findFragment } from '../output/find-fragment.js';
import { TimeAgo } from './Bits.js';

export interface FindingCardProps {
  f: CaseFinding;
  /** The same problem seen again (another run or playbook): "also seen by". */
  also?: CaseFinding[];
  open: boolean;
  focused: boolean;
  resolve: (check: string) => RefTarget | undefined;
  onJump: (findingId: number) => void;
  onOpenOutput: (stepId: number, stream: 'stdout' | 'stderr', find: string) => void;
}

/**
 * One finding: what is wrong, where and since when, its explanation, likely cause and next step
 * (references to other findings as links), and the exact output lines that prove it, each with one
 * click to the whole output of its step. A check that could not be made says so and why, in grey.
 */
export function FindingCard(props: FindingCardProps) {
  const { t } = useLang();
  const { f } = props;
  const skipped = f.status === 'SKIPPED';
  const ref = (text: string, plain?: 'code'): ReactNode => <RefText text={text} resolve={props.resolve} onJump={props.onJump} plain={plain} />;
  const also = (props.also ?? []).map((a) => (a.evidence[0]?.node ? t('check.sum.on', { playbook: a.playbook, node: a.evidence[0].node }) : a.playbook));
  return (
    <details
      id={`finding-${f.id}`}
      className={`finding ${skipped ? 'not-checked' : f.severity}${f.latest ? '' : ' older'}${props.focused ? ' focused' : ''}`}
      data-testid="case-finding"
      data-severity={f.severity}
      data-status={f.status}
      data-check={f.check}
      open={props.open}
    >
      <summary>
        <span className={`sev ${skipped ? 'skipped' : f.severity}`}>{skipped ? t('check.sum.couldNot') : t(`common.${f.severity}`)}</span>
        <span className="finding-title">{f.title}</span>
        <span className="hint finding-where">
          {f.playbook} · <TimeAgo iso={f.runStartedAt} />
          {!f.latest && ` · ${t('cases.findings.earlierRun')}`}
        </span>
      </summary>
      {skipped && <p className="could-not">{t('check.sum.couldNotWhy', { reason: f.skippedReason ?? f.title })}</p>}
      {f.explanation && <p>{ref(f.explanation)}</p>}
      {f.likelyCause && (
        <p>
          <strong>{t('cases.findings.cause')}</strong> {ref(f.likelyCause)}
        </p>
      )}
      {f.nextStep && (
        <div className="next-step">
          <strong>{t('cases.findings.next')}</strong>
          {ref(f.nextStep, 'code')}
        </div>
      )}
      {also.length > 0 && (
        <p className="also-seen hint" data-testid="also-seen">
          {t('check.sum.alsoSeen')} {[...new Set(also)].join(', ')}
        </p>
      )}
      {f.evidence.map((e, i) => (
        <figure key={i} className="evidence">
          <figcaption>
            <span>
              {e.node} · {e.step} · {e.stream}
            </span>
            {e.stepId !== null && (
              <button type="button" className="small" onClick={() => props.onOpenOutput(e.stepId ?? 0, e.stream, findFragment(e.lines.find((l) => l.trim()) ?? ''))}>
                {t('cases.findings.openOutput')}
              </button>
            )}
          </figcaption>
          <pre data-testid="evidence">{e.lines.join('\n')}</pre>
        </figure>
      ))}
    </details>
  );
}
