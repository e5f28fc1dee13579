/**
 * The demo's world: the same seed gives the same applicants; the story's changes happen on
 * their days and are large enough to see in a day's traffic.
 */
import { describe, expect, it } from 'vitest';
import {
  type Application,
  applicantStream,
  CREDIT_STORY,
  DECISION_THRESHOLD,
  drawApplication,
  scoreApplicant,
} from './credit-world.js';

function day(seed: number, d: number, n = 4000): Application[] {
  const rng = applicantStream(seed, d);
  return Array.from({ length: n }, () => drawApplication(rng, d));
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function recall(version: 1 | 2, apps: Application[]): number {
  const defaulters = apps.filter((a) => a.defaulted === 1);
  const caught = defaulters.filter(
    (a) => scoreApplicant(version, a.features) >= DECISION_THRESHOLD,
  );
  return caught.length / defaulters.length;
}

describe('the credit world', () => {
  it('gives the same applicants for the same seed and day, and others for another seed', () => {
    expect(day(3, 10, 50)).toEqual(day(3, 10, 50));
    expect(day(4, 10, 50)).not.toEqual(day(3, 10, 50));
  });

  it('drifts income and utilisation upward after day 30, and not before', () => {
    const income = (d: number) => mean(day(1, d).map((a) => a.features.monthly_income));
    const utilization = (d: number) => mean(day(1, d).map((a) => a.features.credit_utilization));
    expect(income(29) / income(0)).toBeCloseTo(1, 1);
    expect(income(110) / income(29)).toBeGreaterThan(1.25);
    expect(utilization(110) - utilization(29)).toBeGreaterThan(0.1);
  });

  it('loses employment_years for the whole of day 60 only', () => {
    const missing = (d: number) =>
      day(1, d, 500).filter((a) => a.features.employment_years === null).length;
    expect(missing(CREDIT_STORY.pipelineBreak)).toBe(500);
    expect(missing(CREDIT_STORY.pipelineBreak - 1)).toBe(0);
    expect(missing(CREDIT_STORY.pipelineBreak + 1)).toBe(0);
  });

  it("raises defaults for the same inputs after day 80, which version 1's recall misses and version 2's does not", () => {
    const rate = (d: number) => mean(day(1, d).map((a) => a.defaulted));
    expect(rate(110)).toBeGreaterThan(rate(79) + 0.1);
    // The world's risk of the same applicant is higher after the change, for those it hits.
    const before = day(1, 79);
    const after = day(1, 110);
    const hospitality = (apps: Application[]) =>
      mean(apps.filter((a) => a.features.employment_sector === 'hospitality').map((a) => a.risk));
    expect(hospitality(after)).toBeGreaterThan(2 * hospitality(before));
    expect(recall(1, before) - recall(1, after)).toBeGreaterThan(0.1);
    expect(recall(2, after)).toBeGreaterThan(recall(1, after) + 0.2);
  });
});
