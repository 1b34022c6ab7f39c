import { useLang } from '../../i18n/index.js';

/** Find in the output: Enter for the next hit, Shift+Enter for the previous one. */
export function FindBar(props: {
  query: string;
  onQuery: (q: string) => void;
  caseSensitive: boolean;
  onCaseSensitive: (on: boolean) => void;
  onGo: (dir: 1 | -1) => void;
  /** "3 of 17", "searching… 40%", "no match". */
  count: string;
}) {
  const { t } = useLang();
  return (
    <form
      className="find"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        props.onGo(1);
      }}
    >
      <input
        type="search"
        aria-label={t('cases.viewer.find')}
        placeholder={t('cases.viewer.find')}
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.shiftKey) {
            e.preventDefault();
            props.onGo(-1);
          }
        }}
      />
      <span className="count" data-testid="viewer-matches" aria-live="polite">
        {props.count}
      </span>
      <button type="button" onClick={() => props.onGo(-1)} aria-label={t('cases.viewer.prev')} title={t('cases.viewer.prevHint')}>
        ↑
      </button>
      <button type="submit" aria-label={t('cases.viewer.next')} title={t('cases.viewer.nextHint')}>
        ↓
      </button>
      <label className="inline small">
        <input type="checkbox" checked={props.caseSensitive} onChange={(e) => props.onCaseSensitive(e.target.checked)} />
        {t('cases.viewer.matchCase')}
      </label>
    </form>
  );
}

export async function copyToClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API denied (the desktop shell grants no permissions): the classic way, inside this click.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('the clipboard refused the text');
  }
}
