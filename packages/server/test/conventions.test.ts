/**
 * The server's code keeps the project's habits: every exported function and class carries a
 * doc comment with an `@example`, and the version a report states is the package's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportsWithoutExample } from '../../../scripts/doc-examples.js';
import { TEND_VERSION } from '../src/report/version.js';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('@tend/server conventions', () => {
  it('documents every exported function and class with an @example', () => {
    expect(exportsWithoutExample(SRC)).toEqual([]);
  });

  it('states the package version in reports', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(TEND_VERSION).toBe(pkg.version);
  });
});
