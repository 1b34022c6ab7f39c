import { Fragment } from 'react';
import { findingRefs } from '../../../main/shared/findings-summary.js';
import { useLang } from '../i18n/index.js';

/** The finding a check reference points to, as far as the reader can see it. */
export interface RefTarget {
  id: number;
  title: string;
}

/**
 * A finding's text with its references to other checks ("follow the galera.bootstrap finding") as
 * links named by the referenced finding's title; a reference to a check that did not report stays
 * as written, never as a link with an internal id on it.
 */
export function RefText(props: { text: string; resolve: (check: string) => RefTarget | undefined; onJump: (findingId: number) => void; plain?: 'code' }) {
  const { t } = useLang();
  const parts = findingRefs(props.text).map((p) => ('check' in p ? { ...p, target: props.resolve(p.check) } : p));
  const linked = parts.some((p) => 'target' in p && p.target);
  // A next step without references is a command: keep it in code, as before.
  if (!linked) return props.plain === 'code' ? <code>{props.text}</code> : <>{props.text}</>;
  return (
    <span className="ref-text">
      {parts.map((p, i) =>
        'target' in p && p.target ? (
          <Fragment key={i}>
            “
            <button type="button" className="link finding-ref" aria-label={t('check.sum.goTo', { title: p.target.title })} onClick={() => props.onJump((p.target as RefTarget).id)}>
              {p.target.title}
            </button>
            ”
          </Fragment>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </span>
  );
}
