// Preloaded (node --import) into a process whose peak memory a benchmark reads: at exit, write
// the peak resident set size in kB (getrusage's ru_maxrss) to STACKSCOPE_RSS_FILE, and its own CPU
// time (user + system, ms) to STACKSCOPE_CPU_FILE when set.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.STACKSCOPE_RSS_FILE) writeFileSync(process.env.STACKSCOPE_RSS_FILE, String(u.maxRSS));
  if (process.env.STACKSCOPE_CPU_FILE) writeFileSync(process.env.STACKSCOPE_CPU_FILE, String(Math.round((u.userCPUTime + u.systemCPUTime) / 1000)));
});
