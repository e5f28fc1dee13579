/**
 * The server's code keeps the project's habits: every exported function and class carries a
 * doc comment with an `@example`, and the version a report states is the package's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEND_VERSION } from '../src/report/version.js';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('@tend/server conventions', () => {
  it('documents every exported function and class with an @example', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      const re = /^export (?:async )?(?:function|class) (\w+)/gm;
      const seen = new Set<string>();
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (seen.has(m[1])) continue; // a further overload: the doc sits on the first
        seen.add(m[1]);
        const before = text.slice(0, m.index);
        const docEnd = before.lastIndexOf('*/');
        const attached = docEnd >= 0 && /^\s*$/.test(before.slice(docEnd + 2));
        const doc = attached ? before.slice(before.lastIndexOf('/**')) : '';
        if (!doc.includes('@example')) missing.push(`${relative(SRC, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('states the package version in reports', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(TEND_VERSION).toBe(pkg.version);
  });
});
