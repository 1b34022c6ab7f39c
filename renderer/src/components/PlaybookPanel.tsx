import { useEffect, useMemo, useState } from 'react';
import type { RunStarted } from '../../../main/contract/api.js';
import type { Cluster, PlaybookCatalogue, Suggestion, SuggestionKind } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { ConfirmActions, Dialog } from './Dialog.js';
import { paramLabel, paramProblem } from './field-checks.js';
import { useSecretRetry } from './SecretDialog.js';

/** Pick a catalogue playbook for the case's cluster, fill its parameters, run it. */
export function PlaybookPanel(props: { caseId: number; cluster: Cluster; onStarted: (started: RunStarted) => void }) {
  const { api } = useApp();
  const { t, lang } = useLang();
  const [catalogue, setCatalogue] = useState<PlaybookCatalogue | null>(null);
  const [playbookId, setPlaybookId] = useState('');
  const [query, setQuery] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const secrets = useSecretRetry();
  /** Chosen nodes by name; null = every node with one of the playbook's roles. */
  const [picked, setPicked] = useState<string[] | null>(null);
  const [suggestions, setSuggestions] = useState<Partial<Record<SuggestionKind, Suggestion[] | string>>>({});

  useEffect(() => {
    api['playbooks.list']({}).then(setCatalogue, (err) => setError(errorText(err)));
  }, [api]);
  const usable = useMemo(() => {
    // Filtered by the cluster's deployment, then by what was typed (id, titles, descriptions in both languages).
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (catalogue?.playbooks ?? [])
      .filter((p) => p.appliesTo.includes(props.cluster.deployment))
      .filter((p) => {
        const hay = [p.id, p.title.en, p.title.ko, p.description.en, p.description.ko].join(' ').toLowerCase();
        return words.every((w) => hay.includes(w));
      });
  }, [catalogue, props.cluster.deployment, query]);
  const playbook = usable.find((p) => p.id === playbookId) ?? usable[0];
  const mutating = playbook?.steps.filter((s) => s.mutating) ?? [];
  const byRole = useMemo(() => props.cluster.nodes.filter((n) => playbook && n.roles.some((r) => playbook.roles.includes(r))).map((n) => n.name), [props.cluster.nodes, playbook]);
  const nodeNames = picked ?? byRole;
  // Values the cluster has, for parameters that ask for them (once per kind and cluster).
  useEffect(() => {
    for (const kind of new Set((playbook?.params ?? []).flatMap((p) => (p.suggest ? [p.suggest] : [])))) {
      if (suggestions[kind] !== undefined) continue;
      setSuggestions((s) => ({ ...s, [kind]: [] }));
      api['playbooks.suggest']({ clusterId: props.cluster.id, kind }).then(
        (list) => setSuggestions((s) => ({ ...s, [kind]: list })),
        (err) => setSuggestions((s) => ({ ...s, [kind]: errorText(err) })),
      );
    }
  }, [api, playbook, props.cluster.id, suggestions]);
  const problems = (playbook?.params ?? []).map((p) => [p.name, paramProblem(p, values[p.name] ?? '', t)] as const).filter(([, problem]) => problem);
  /** Shown once the field was typed in (an untouched required field only disables Run). */
  const problemOf = (name: string): string => (values[name] !== undefined ? (problems.find(([n]) => n === name)?.[1] ?? '') : '');

  const start = (allowMutating: boolean): void => {
    if (!playbook) return;
    setError('');
    const params = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== '' && playbook.params.some((p) => p.name === k)));
    // Only an explicit choice is sent; the default (by role) is the engine's own.
    api['playbooks.run']({ caseId: props.caseId, clusterId: props.cluster.id, playbookId: playbook.id, params, allowMutating, nodeNames: picked ?? [] }).then(
      (started) => props.onStarted(started),
      // Given the credentials, the same run again: a confirmed change stays confirmed.
      (err) => {
        if (!secrets.askThenRetry(err, () => start(allowMutating))) setError(errorText(err));
      },
    );
  };

  if (!catalogue) return error ? <p className="error">{error}</p> : null;
  return (
    <>
      <form
        className="run-panel"
        aria-label={t('ui.playbook.form')}
        onSubmit={(e) => {
          e.preventDefault();
          if (mutating.length) setConfirming(true);
          else start(false);
        }}
      >
        <div className="row">
          <input type="search" className="narrow-search" aria-label={t('ui.playbook.searchLabel')} placeholder={t('ui.playbook.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <label>
            {t('ui.playbook.label')}
            <select aria-label={t('ui.playbook.label')} value={playbook?.id ?? ''} onChange={(e) => (setPlaybookId(e.target.value), setValues({}), setPicked(null))}>
              {usable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title[lang] || p.title.en} ({p.id})
                </option>
              ))}
            </select>
          </label>
          {playbook && (
            <span className="hint">
              {playbook.description[lang] || playbook.description.en} {t('ui.playbook.runsOn', { roles: playbook.roles.join(', ') })}
            </span>
          )}
        </div>
        {playbook && playbook.params.length > 0 && (
          <div className="row params">
            {playbook.params.map((p) => (
              <label key={p.name} title={`${p.description[lang] || p.description.en} (${p.name})`} className={problemOf(p.name) ? 'invalid' : undefined}>
                {paramLabel(p, lang)}
                {p.type === 'enum' ? (
                  <select aria-label={paramLabel(p, lang)} value={values[p.name] ?? String(p.default ?? '')} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}>
                    {(p.values ?? []).map((v) => (
                      <option key={v}>{v}</option>
                    ))}
                  </select>
                ) : (
                  <input
                    aria-label={paramLabel(p, lang)}
                    aria-invalid={problemOf(p.name) ? true : undefined}
                    list={p.suggest ? `suggest-${p.name}` : undefined}
                    placeholder={p.default !== undefined ? String(p.default) : p.required ? t('ui.playbook.required') : ''}
                    inputMode={p.type === 'integer' || p.type === 'port' ? 'numeric' : undefined}
                    value={values[p.name] ?? ''}
                    onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                  />
                )}
                {p.suggest && Array.isArray(suggestions[p.suggest]) && (
                  <datalist id={`suggest-${p.name}`} data-testid={`suggest-${p.name}`}>
                    {(suggestions[p.suggest] as Suggestion[]).map((o) => (
                      <option key={o.value} value={o.value} label={o.label} />
                    ))}
                  </datalist>
                )}
                {p.suggest && typeof suggestions[p.suggest] === 'string' && <small className="hint">{t('ui.playbook.noSuggestions', { reason: suggestions[p.suggest] as string })}</small>}
                {problemOf(p.name) && (
                  <small className="error" role="status">
                    {problemOf(p.name)}
                  </small>
                )}
              </label>
            ))}
          </div>
        )}
        {playbook && (
          <div className="pick" role="group" aria-label={t('ui.playbook.nodes')}>
            {props.cluster.nodes.map((n) => (
              <label key={n.id} className="chip">
                <input
                  type="checkbox"
                  aria-label={t('ui.playbook.node', { name: n.name })}
                  checked={nodeNames.includes(n.name)}
                  onChange={(e) => setPicked(e.target.checked ? [...nodeNames, n.name] : nodeNames.filter((x) => x !== n.name))}
                />
                {n.name}
              </label>
            ))}
          </div>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={!playbook || problems.length > 0 || nodeNames.length === 0}>
            {t('ui.playbook.run')}
          </button>
          {mutating.length > 0 && <span className="sev critical">{t('ui.playbook.mutating')}</span>}
          {catalogue.problems.length > 0 && <span className="hint">{t('ui.playbook.problems', { count: catalogue.problems.length, list: catalogue.problems.join('; ') })}</span>}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {confirming && playbook && (
          <Dialog title={t('ui.playbook.confirmTitle', { id: playbook.id })} onClose={() => setConfirming(false)}>
            <p>{t('ui.playbook.confirmText')}</p>
            <ul>
              {mutating.map((s) => (
                <li key={s.id}>
                  <strong>{s.title[lang] || s.title.en}</strong> <code>{s.run ?? s.script}</code>
                </li>
              ))}
            </ul>
            <ConfirmActions
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                start(true);
              }}
              confirmLabel={t('ui.playbook.confirm')}
            />
          </Dialog>
        )}
      </form>
      {secrets.dialog}
    </>
  );
}
