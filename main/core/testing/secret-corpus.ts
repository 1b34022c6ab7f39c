import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Realistic secret-bearing outputs, each secret planted as PLANTED-<n>-<tag> (see secret-corpus/SOURCE.md). */
export const corpusDir = join(import.meta.dirname, 'secret-corpus');

/** Ordinary diagnostic output that redaction must leave byte for byte. */
export const negativesFile = 'negatives.txt';

/** Every corpus file but the negatives, with its text. */
export function corpusFiles(): Array<{ name: string; text: string }> {
  return readdirSync(corpusDir)
    .filter((f) => f !== negativesFile && f !== 'SOURCE.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
}

const base64Token = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

function decodes(token: string): string {
  const b = token.replace(/-/g, '+').replace(/_/g, '/');
  return Buffer.from(b, 'base64').toString('latin1');
}

/**
 * Planted values as they appear in a text: `PLANTED…` itself (any case: a full-text index folds
 * case) and base64 tokens that decode to one (a Kubernetes Secret's data, a Basic header, a JWT).
 */
export function leaks(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/planted[-A-Za-z0-9]*/gi)) found.add(m[0]);
  for (const m of text.matchAll(base64Token)) {
    // Try the token at each alignment: a base64 run may be glued to other base64 text.
    for (let skip = 0; skip < 4; skip++) {
      const plain = decodes(m[0].slice(skip));
      const at = plain.search(/PLANTED/i);
      if (at >= 0) {
        found.add(`${m[0].slice(0, 24)}… (base64 of ${plain.slice(at, at + 24)}…)`);
        break;
      }
    }
  }
  return [...found].sort();
}

/** The base64 tokens of the corpus that hide a planted value (so a test can show they exist). */
export function encodedPlanted(text: string): string[] {
  return [...text.matchAll(base64Token)].map((m) => m[0]).filter((t) => [0, 1, 2, 3].some((s) => /PLANTED/.test(decodes(t.slice(s)))));
}
