import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal, type ITerminalInitOnlyOptions, type ITerminalOptions } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { openTerminal } from './xterm-csp.js';

/** The same dark palette as command output elsewhere in the app. */
const theme: ITerminalOptions['theme'] = {
  background: '#0f1419',
  foreground: '#d8dee4',
  cursor: '#d8dee4',
  selectionBackground: '#3a5a85',
  black: '#1c232b',
  red: '#f47067',
  green: '#57ab5a',
  yellow: '#c69026',
  blue: '#539bf5',
  magenta: '#b083f0',
  cyan: '#39c5cf',
  white: '#c5ced7',
  brightBlack: '#636e7b',
  brightRed: '#ff938a',
  brightGreen: '#6bc46d',
  brightYellow: '#daaa3f',
  brightBlue: '#6cb6ff',
  brightMagenta: '#dcbdfb',
  brightCyan: '#56d4dd',
  brightWhite: '#f0f3f6',
};

export interface Screen {
  term: Terminal;
  fit: FitAddon;
  search: SearchAddon;
  /** Fit to the container if it is on screen (a hidden tab has no size). */
  refit(): void;
}

/** An xterm in `parent`, with fit and search loaded, opened the CSP-safe way (at its given size; `refit` to fill the box). */
export function createScreen(parent: HTMLElement, options: ITerminalOptions & ITerminalInitOnlyOptions = {}): Screen {
  const term = new Terminal({
    fontFamily: "'DejaVu Sans Mono', ui-monospace, Menlo, monospace",
    fontSize: 13,
    scrollback: 10_000,
    theme,
    ...options,
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  openTerminal(term, parent);
  const refit = (): void => {
    if (parent.clientWidth === 0 || parent.clientHeight === 0) return;
    const size = fit.proposeDimensions();
    if (size && Number.isFinite(size.cols) && Number.isFinite(size.rows) && (size.cols !== term.cols || size.rows !== term.rows)) fit.fit();
  };
  return { term, fit, search, refit };
}

/** A service message: Stackscope talking, not the node. Written only to the screen, never recorded. */
export function serviceLine(term: Terminal, text: string, tone: 'info' | 'problem' = 'info'): void {
  const colour = tone === 'problem' ? '\x1b[1;38;5;209m' : '\x1b[38;5;75m';
  term.write(`${term.buffer.active.cursorX > 0 ? '\r\n' : ''}${colour}▍ ${text}\x1b[0m\r\n`);
}
