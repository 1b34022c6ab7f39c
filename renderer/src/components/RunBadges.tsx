import type { FindingSeverity, FindingStatus, RunState } from '../../../main/contract/types.js';
import { useLang } from '../i18n/index.js';
import { badgeClass, runBadges } from './run-badge.js';

/** A run's state and what it found, as the Runs tab, the timeline and a check's progress show it. */
export function RunBadges(props: { state: RunState; findings: ReadonlyArray<{ severity: FindingSeverity; status: FindingStatus }> }) {
  const { t } = useLang();
  return (
    <>
      {runBadges(props.state, props.findings).map((b) => (
        <span key={b} className={`run-badge ${badgeClass(b)}`} data-testid="badge" data-badge={b}>
          {b === 'critical' || b === 'warning' || b === 'not-checked' ? t(`check.badge.${b}`) : t(`ui.state.${b}`)}
        </span>
      ))}
    </>
  );
}
