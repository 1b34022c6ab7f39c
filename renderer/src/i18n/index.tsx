/**
 * UI text in English and Korean. Each feature keeps its strings in its own dictionary file
 * (`<feature>.ts`: `{ en: {...}, ko: {...} }`, keys namespaced `feature.key`); this module merges
 * them. `t('key', { n: 3 })` replaces `{n}`; a key missing in Korean falls back to English, a
 * key missing everywhere shows itself (and tests catch it).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { access } from './access.js';
import { cases } from './cases.js';
import { check } from './check.js';
import { common } from './common.js';
import { inv } from './inv.js';
import { node } from './node.js';
import { report } from './report.js';
import { runbooks } from './runbooks.js';
import { terminal } from './terminal.js';
import { ui } from './ui.js';

export type Lang = 'en' | 'ko';
export const languages: Array<{ id: Lang; label: string }> = [
  { id: 'en', label: 'English' },
  { id: 'ko', label: '한국어' },
];

export type Dictionary = Record<Lang, Record<string, string>>;

const dictionaries: Dictionary[] = [common, ui, cases, check, terminal, runbooks, report, node, inv, access];

const merged: Dictionary = { en: {}, ko: {} };
for (const d of dictionaries) {
  Object.assign(merged.en, d.en);
  Object.assign(merged.ko, d.ko);
}

export function translate(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const text = merged[lang][key] ?? merged.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type T = (key: string, vars?: Record<string, string | number>) => string;

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: T;
}

const STORAGE_KEY = 'stackscope.lang';
const LangContext = createContext<LangState | null>(null);

function initialLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'en' || saved === 'ko') return saved;
  return typeof navigator !== 'undefined' && navigator.language.startsWith('ko') ? 'ko' : 'en';
}

export function LangProvider(props: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: ((key, vars) => translate(lang, key, vars)) as T }), [lang, setLang]);
  return <LangContext.Provider value={value}>{props.children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const v = useContext(LangContext);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}

/** The language picker every screen shows in its header. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <select className="lang" aria-label={t('common.language')} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
      {languages.map((l) => (
        <option key={l.id} value={l.id}>
          {l.label}
        </option>
      ))}
    </select>
  );
}
