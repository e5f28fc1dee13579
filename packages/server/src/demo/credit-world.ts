/**
 * The world of the demo: loan applicants of a lender, whether each defaults, and the two
 * versions of the lender's credit-default model, day by day over a scenario's days. Seeded, so
 * the same seed gives the same applicants, scores and outcomes on every machine.
 *
 * What happens to it (day numbers from the scenario's first day, `CREDIT_STORY`):
 * - from day 30, applicants' monthly income and their credit utilisation both rise, a little
 *   each day (gradual data drift of two features, whose effects on risk nearly cancel);
 * - on day 60 the employment feed breaks: `employment_years` arrives missing all day;
 * - from day 80 layoffs begin in hospitality: an applicant employed there is more likely to
 *   default than before with the same inputs, more so each day (concept drift: the inputs keep their meaning for the model, not
 *   for the world), so the first version's recall decays;
 * - version 2, fitted to the world after day 80, is what the lender registers later.
 */
import { createRng, ndtri, type Rng } from '@tend/core';

/** Days of the story, from the scenario's first day. */
export const CREDIT_STORY = {
  /** Income and utilisation start rising. */
  driftFrom: 30,
  /** The day `employment_years` arrives missing. */
  pipelineBreak: 60,
  /** Defaults start rising for the same inputs. */
  conceptDriftFrom: 80,
} as const;

/** Applicants' features, as the model receives them. */
export interface Applicant {
  age: number;
  monthly_income: number;
  credit_utilization: number;
  debt_to_income: number;
  late_payments_12m: number;
  open_credit_lines: number;
  employment_years: number | null;
  loan_amount: number;
  loan_purpose: string;
  home_ownership: string;
  employment_sector: string;
}

/** An applicant with where they applied, and whether they will default. */
export interface Application {
  features: Applicant;
  segment: { region: string; channel: string };
  /** The chance the world gives them of defaulting. */
  risk: number;
  /** 1 if they default (known only when the label arrives). */
  defaulted: 0 | 1;
}

const PURPOSES: [string, number][] = [
  ['debt_consolidation', 0.35],
  ['car', 0.2],
  ['home_improvement', 0.15],
  ['medical', 0.12],
  ['education', 0.1],
  ['business', 0.08],
];
const HOMES: [string, number][] = [
  ['mortgage', 0.45],
  ['rent', 0.4],
  ['own', 0.15],
];
const SECTORS: [string, number][] = [
  ['services', 0.25],
  ['hospitality', 0.25],
  ['retail', 0.15],
  ['manufacturing', 0.15],
  ['public', 0.12],
  ['technology', 0.08],
];
const REGIONS: [string, number][] = [
  ['north', 0.3],
  ['south', 0.25],
  ['east', 0.25],
  ['west', 0.2],
];
const CHANNELS: [string, number][] = [
  ['web', 0.55],
  ['branch', 0.3],
  ['partner', 0.15],
];

const normal = (rng: Rng) => ndtri(Math.min(Math.max(rng.next(), 1e-12), 1 - 1e-12));
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function pick(rng: Rng, options: [string, number][]): string {
  let u = rng.next();
  for (const [value, p] of options) {
    u -= p;
    if (u < 0) return value;
  }
  return options[options.length - 1][0];
}

/** A Poisson draw by inversion (small means only). */
function poisson(rng: Rng, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rng.next();
  while (u > cdf && k < 100) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * The log-odds of default of an applicant, as a model of the given coefficients sees it: the
 * world uses the same form with the day's intercept shift.
 */
function logOdds(a: Applicant, c: Coefficients): number {
  const employment = a.employment_years ?? 0; // a missing value is read as none
  return (
    c.intercept +
    c.utilization * (a.credit_utilization - 0.32) +
    c.debtToIncome * (a.debt_to_income - 0.28) +
    c.latePayments * a.late_payments_12m -
    c.income * Math.log(a.monthly_income / 4200) -
    0.02 * (a.age - 42) -
    0.05 * (employment - 6) +
    (a.loan_purpose === 'business' ? 0.35 : 0) +
    (a.home_ownership === 'rent' ? 0.25 : 0)
  );
}

interface Coefficients {
  intercept: number;
  utilization: number;
  debtToIncome: number;
  latePayments: number;
  income: number;
}

/** The world before day 80, which version 1 learned. */
const BEFORE: Coefficients = {
  intercept: -2.7,
  utilization: 4,
  debtToIncome: 3,
  latePayments: 0.9,
  income: 1,
};

/**
 * The world's shift of the log-odds of default on `day`, for applicants employed in
 * hospitality: none before day 80, then 0.2 more a day.
 *
 * @example
 * conceptShift(90); // 2
 */
export function conceptShift(day: number): number {
  return day < CREDIT_STORY.conceptDriftFrom ? 0 : 0.2 * (day - CREDIT_STORY.conceptDriftFrom);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Applicants the change of day 80 hit: those employed in hospitality, where layoffs began. */
const hardHit = (a: Applicant) => a.employment_sector === 'hospitality';

/**
 * The probability of default each version of the model gives an applicant. Version 1 learned
 * the world before day 80; version 2 was fitted on labelled applications of days 84–92, where
 * defaults had risen.
 *
 * @example
 * scoreApplicant(1, drawApplication(createRng(1), 0).features); // 0.0408
 */
export function scoreApplicant(version: 1 | 2, a: Applicant): number {
  if (version === 1) return sigmoid(logOdds(a, BEFORE));
  // Fitted on the labelled applications of days 84–92, when hospitality workers had grown
  // riskier: it weighs the sector, which version 1 ignored.
  return sigmoid(logOdds(a, BEFORE) + (hardHit(a) ? 1.5 : 0));
}

/** The score at or above which a version predicts default (class "1"). */
export const DECISION_THRESHOLD = 0.15;

/**
 * One applicant of `day`, drawn from `rng`.
 *
 * @example
 * drawApplication(createRng(1), 0).features.age; // 26
 */
export function drawApplication(rng: Rng, day: number): Application {
  const drift = Math.max(0, day - CREDIT_STORY.driftFrom);
  const age = Math.round(clamp(42 + 12 * normal(rng), 21, 80));
  const income = Math.exp(Math.log(4200) + 0.45 * normal(rng)) * (1 + 0.004 * drift);
  const utilization = clamp(0.32 + 0.18 * normal(rng) + 0.0015 * drift, 0, 1.3);
  const features: Applicant = {
    age,
    monthly_income: round(income, 2),
    credit_utilization: round(utilization, 4),
    debt_to_income: round(clamp(0.28 + 0.12 * normal(rng), 0, 1.5), 4),
    late_payments_12m: poisson(rng, 0.4),
    open_credit_lines: poisson(rng, 6),
    employment_years: round(-6 * Math.log(1 - rng.next()), 1),
    loan_amount: round(Math.exp(Math.log(12000) + 0.6 * normal(rng)), 0),
    loan_purpose: pick(rng, PURPOSES),
    home_ownership: pick(rng, HOMES),
    employment_sector: pick(rng, SECTORS),
  };
  const risk = sigmoid(logOdds(features, BEFORE) + (hardHit(features) ? conceptShift(day) : 0));
  const defaulted = rng.next() < risk ? 1 : 0;
  // The feed breaks after the world has seen the real value: the applicant is the same.
  if (day === CREDIT_STORY.pipelineBreak) features.employment_years = null;
  return {
    features,
    segment: { region: pick(rng, REGIONS), channel: pick(rng, CHANNELS) },
    risk,
    defaulted,
  };
}

/**
 * A seeded stream of applicants: the same seed and day give the same applicants.
 *
 * @example
 * drawApplication(applicantStream(7, 12), 12); // the first applicant of day 12 in world 7
 */
export function applicantStream(seed: number, day: number): Rng {
  return createRng(seed * 100_003 + day);
}
