// Preloaded (node --import) into a process whose peak memory a benchmark reads: at exit, write
// the peak resident set size in kB (getrusage's ru_maxrss) to STACKSCOPE_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.STACKSCOPE_RSS_FILE) writeFileSync(process.env.STACKSCOPE_RSS_FILE, String(process.resourceUsage().maxRSS));
});
