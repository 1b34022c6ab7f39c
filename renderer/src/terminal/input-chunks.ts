/**
 * Terminal input travels in pieces of at most this many UTF-16 code units. A paste can be megabytes;
 * one call per piece keeps each WebSocket frame far below the server's 8 MB limit (even when JSON
 * escapes every character to six) and each call below the contract's 1 MiB cap on `data`.
 */
export const INPUT_CHUNK = 64 * 1024;

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Split typed or pasted text into pieces of at most `max` code units, in order, never between the
 * two halves of a surrogate pair (a split emoji would reach the node as two replacement characters).
 */
export function inputChunks(data: string, max = INPUT_CHUNK): string[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`inputChunks: max must be an integer of at least 2 (a surrogate pair), got ${max}`);
  const chunks: string[] = [];
  for (let at = 0; at < data.length; ) {
    let end = Math.min(at + max, data.length);
    if (end < data.length && isHighSurrogate(data.charCodeAt(end - 1)) && isLowSurrogate(data.charCodeAt(end))) end--;
    chunks.push(data.slice(at, end));
    at = end;
  }
  return chunks;
}
