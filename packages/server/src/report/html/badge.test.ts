import { describe, expect, it } from 'vitest';
import { driftBadge, passBadge } from './badge.js';

describe('badges', () => {
  it('state the verdict in words, not colour alone', () => {
    expect(driftBadge(true)).toContain('drift');
    expect(driftBadge(false)).toContain('stable');
    expect(driftBadge(undefined)).toContain('not tested');
    expect(passBadge(true)).toContain('passed');
    expect(passBadge(false)).toContain('failed');
    expect(driftBadge(true)).toContain('class="badge bad"');
    expect(passBadge(true)).toContain('class="badge good"');
  });
});
