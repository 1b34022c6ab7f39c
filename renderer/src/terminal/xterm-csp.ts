import type { Terminal } from '@xterm/xterm';

/**
 * xterm.js under our CSP (`style-src 'self'`, no 'unsafe-inline').
 *
 * Its DOM renderer writes theme colours and cell sizes into <style> elements, and 24-bit colours
 * into `style` attributes; the CSP blocks both (https://github.com/xtermjs/xterm.js/issues/4445),
 * which leaves a terminal without its palette and console errors on every resize. Loosening the
 * policy for the whole app is not worth a terminal, so:
 *
 * - while `term.open()` runs (that is when xterm creates its three <style> elements), a <style>
 *   requested from `document` becomes an inert <xterm-style> element whose text goes into a
 *   constructed style sheet (CSSOM, which the CSP does not govern), adopted by the document while
 *   the element is connected;
 * - the renderer's style-attribute helper sets the same declarations through CSSOM instead.
 */

const TAG = 'xterm-style';

function defineStyleElement(): void {
  if (customElements.get(TAG)) return;
  customElements.define(
    TAG,
    class XtermStyle extends HTMLElement {
      private readonly sheet = new CSSStyleSheet();
      private text = '';

      override get textContent(): string {
        return this.text;
      }

      override set textContent(value: string | null) {
        this.text = value ?? '';
        this.sheet.replaceSync(this.text);
      }

      connectedCallback(): void {
        if (!document.adoptedStyleSheets.includes(this.sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
      }

      disconnectedCallback(): void {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
      }
    },
  );
}

/** `term.open(parent)`, with xterm's <style> elements turned into constructed style sheets. */
export function openTerminal(term: Terminal, parent: HTMLElement): void {
  defineStyleElement();
  const own = Object.getOwnPropertyDescriptor(document, 'createElement');
  const original = Document.prototype.createElement as (this: Document, tag: string, options?: ElementCreationOptions) => HTMLElement;
  document.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    return original.call(this, tag.toLowerCase() === 'style' ? TAG : tag, options);
  } as typeof document.createElement;
  try {
    term.open(parent);
  } finally {
    if (own) Object.defineProperty(document, 'createElement', own);
    else delete (document as { createElement?: unknown }).createElement;
  }
  patchStyleAttributes(term);
}

interface RowFactory {
  _addStyle?: (element: HTMLElement, style: string) => void;
}

/**
 * 24-bit colours: xterm 6.0's row factory appends `color:#rrggbb` to a `style` attribute. The same
 * declaration set through `element.style` is allowed. This reaches into xterm's internals (pinned
 * at 6.0.0); if they move, the patch does nothing and those colours fall back to the default.
 */
function patchStyleAttributes(term: Terminal): void {
  const core = (term as unknown as { _core?: { _renderService?: { _renderer?: { value?: { _rowFactory?: RowFactory } } } } })._core;
  const factory = core?._renderService?._renderer?.value?._rowFactory;
  const proto = factory ? (Object.getPrototypeOf(factory) as RowFactory & { __cspSafe?: boolean }) : undefined;
  if (!proto || typeof proto._addStyle !== 'function' || proto.__cspSafe) return;
  proto._addStyle = (element: HTMLElement, style: string): void => {
    const colon = style.indexOf(':');
    if (colon > 0) element.style.setProperty(style.slice(0, colon).trim(), style.slice(colon + 1).trim());
  };
  proto.__cspSafe = true;
}
