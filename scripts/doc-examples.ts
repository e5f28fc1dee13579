/**
 * Finds exported functions, classes (and, when asked, constants) whose doc comment lacks an
 * `@example`: the check behind each package's conventions test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The .ts files under `dir`, tests left out.
 *
 * @example
 * sourceFiles('packages/core/src').length; // 160
 */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * `file: name` of every export under `dir` without an `@example` in the doc comment right
 * above it; `include(name)` narrows which exports count (e.g. the package's public names).
 *
 * @example
 * exportsWithoutExample('packages/server/src'); // []
 */
export function exportsWithoutExample(
  dir: string,
  options: { constants?: boolean; include?: (name: string) => boolean } = {},
): string[] {
  const kinds = options.constants ? 'function|class|const' : 'function|class';
  const missing: string[] = [];
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const re = new RegExp(`^export (?:async )?(?:${kinds}) (\\w+)`, 'gm');
    const seen = new Set<string>();
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (options.include && !options.include(m[1])) continue;
      if (seen.has(m[1])) continue; // a further overload: the doc sits on the first
      seen.add(m[1]);
      const before = text.slice(0, m.index);
      const docEnd = before.lastIndexOf('*/');
      const attached = docEnd >= 0 && /^\s*$/.test(before.slice(docEnd + 2));
      const doc = attached ? before.slice(before.lastIndexOf('/**')) : '';
      if (!doc.includes('@example')) missing.push(`${relative(dir, file)}: ${m[1]}`);
    }
  }
  return missing;
}
