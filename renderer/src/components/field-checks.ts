import type { PlaybookParam } from '../../../main/contract/types.js';
import type { Lang, T } from '../i18n/index.js';

// The same rules as the playbook engine's checkParamValue (playbooks/engine/loader.ts), which has
// the last word: the renderer may not import it, so the two are kept in step by their tests.
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+(%[\w.-]+)?$/;
/** A host name (RFC 1123 labels; `_` tolerated, as /etc/hosts and ssh take it) for a node's address. */
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$/;

export function isIp(value: string): boolean {
  return IPV4.test(value) || (value.includes(':') && value.split(':').length <= 9 && IPV6.test(value));
}

/** What is wrong with a port as typed, or ''. */
export function portProblem(value: string, t: T, min = 1, max = 65535): string {
  if (!/^\d+$/.test(value.trim())) return t('ui.check.portNumber', { min, max });
  const n = Number(value.trim());
  return n < min || n > max ? t('ui.check.portNumber', { min, max }) : '';
}

/** A node's address: an IP address or a host name; '' when acceptable. */
export function hostProblem(value: string, t: T): string {
  const v = value.trim();
  if (v === '') return t('ui.playbook.required');
  if (/^[\d.]+$/.test(v)) return IPV4.test(v) ? '' : t('ui.check.ip', { value: v.slice(0, 60) });
  return isIp(v) || HOSTNAME.test(v) ? '' : t('ui.check.host', { value: v.slice(0, 60) });
}

/** Client-side hint for a typed playbook parameter, as the user types; '' when acceptable. */
export function paramProblem(p: PlaybookParam, value: string, t: T): string {
  if (value === '') return p.required && p.default === undefined ? t('ui.playbook.required') : '';
  if (p.type === 'port') return portProblem(value, t, p.min ?? 1, p.max ?? 65535);
  if (p.type === 'integer') {
    if (!/^-?\d+$/.test(value)) return t('ui.playbook.wholeNumber');
    const n = Number(value);
    if ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) return t('ui.check.between', { min: p.min ?? '…', max: p.max ?? '…' });
  }
  if (p.type === 'ip' && !isIp(value.trim())) return t('ui.check.ip', { value: value.slice(0, 60) });
  if (p.type === 'string' && p.pattern !== undefined) {
    try {
      if (!new RegExp(`^(?:${p.pattern})$`).test(value)) return t('ui.check.pattern');
    } catch {
      return ''; // the engine reports a broken pattern when the playbook loads
    }
  }
  return '';
}

/**
 * The label a person reads for a parameter: the playbook's own description in the UI language,
 * up to its first colon or parenthesis ("Destination IP address", not `destination_ip`); the
 * rest of the description is the field's tooltip. The id only when there is no description.
 */
export function paramLabel(p: PlaybookParam, lang: Lang): string {
  const text = (p.description[lang] || p.description.en || '').trim();
  const head = text.split(/:\s|\s\(|\.\s/)[0]?.trim() ?? '';
  if (!head) return p.name;
  if (head.length <= 48) return head;
  const cut = head.slice(0, 48);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 24))}…`;
}
