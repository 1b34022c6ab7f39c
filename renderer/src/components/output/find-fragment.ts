/** A line this short is searched for whole: it is what the person reads in the evidence. */
const WHOLE_UP_TO = 60;
/** The most a fragment holds: enough to find the line, short enough for a search box and an address. */
const FRAGMENT_MAX = 40;

/**
 * What the output viewer searches for when it opens on an evidence line: the line itself when it
 * is short, else its most distinctive piece (the longest word-like run, e.g. a UUID or an error
 * text, never the JSON punctuation around it), at most FRAGMENT_MAX characters. A 700-character
 * JSON line pre-filled whole overflows the box and the URL (issue 14); '' when nothing fits.
 */
export function findFragment(line: string): string {
  const trimmed = line.trim();
  if (trimmed.length <= WHOLE_UP_TO) return trimmed;
  // Runs of text between JSON/shell punctuation; a run may hold spaces ("WSREP has not yet prepared node").
  const pieces = trimmed
    .split(/["{}[\],;=|<>]+|:\s|\s{2,}/)
    .map((p) => p.trim())
    .filter((p) => /[A-Za-z]/.test(p) && p.length >= 4);
  const best = pieces.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (best.length <= FRAGMENT_MAX) return best;
  // Cut at a word boundary so the fragment is something a person would have typed.
  const cut = best.slice(0, FRAGMENT_MAX);
  const space = cut.lastIndexOf(' ');
  return space >= FRAGMENT_MAX / 2 ? cut.slice(0, space) : cut;
}
