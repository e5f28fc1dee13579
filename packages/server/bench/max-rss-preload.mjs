// Loaded with `node --import` by measure-process.ts when /usr/bin/time is missing: at exit it
// writes the process's peak resident set size (kilobytes, from the kernel's getrusage) to the
// file named by TEND_BENCH_RSS_FILE, so the measured program's own output stays untouched.
import { writeFileSync } from 'node:fs';

const file = process.env.TEND_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
