/**
 * The demo's history, put into an empty store as it would have happened: a simulated clock
 * walks the scenario's days, and at each moment the store is changed through the same service
 * functions the API calls, so every row carries the time it would have had (versions, alias
 * moves, events, labels, monitor results, alerts).
 *
 * The story (days from the first, `CREDIT_STORY` and `DEMO_TIMELINE`): version 1 is champion
 * from day 0 with its training data as reference; each day's applications are scored by the
 * champion and sent; their outcomes arrive 7 days later; the monitors evaluate every closed
 * day. Income and utilisation drift from day 30, the employment feed breaks on day 60, and from
 * day 80 medical and education loans default more and more, so recall decays. When the decay
 * forecast warns, the team registers version 2 that morning, runs it in shadow on the same
 * traffic for four days and promotes it to champion (with the reason recorded), retiring the
 * `challenger` alias.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { precisionScore, type Rng, recallScore, rocAucScore } from '@tend/core';
import { AlertNotifier } from '../alerts/alert-notifier.js';
import { putRule } from '../alerts/alert-rules.js';
import type { LabelEvent, PredictionEvent } from '../ingest/event-schemas.js';
import { ingestLabels } from '../ingest/ingest-outcomes.js';
import { ingestPredictions } from '../ingest/ingest-predictions.js';
import { readFrame } from '../io/read-frame.js';
import { Monitoring } from '../monitors/monitoring.js';
import { putMonitor } from '../monitors/monitors.js';
import { profileFrame, setReference } from '../profiles/reference.js';
import { deleteAlias, setAlias } from '../registry/aliases.js';
import type { Actor, RegistryContext } from '../registry/context.js';
import { createModel } from '../registry/models.js';
import { createVersion } from '../registry/versions.js';
import {
  DEMO_MODEL,
  DEMO_MODEL_INPUT,
  DEMO_MONITORS,
  DEMO_RULES,
  versionInput,
} from './credit-demo-model.js';
import {
  type Application,
  applicantStream,
  DECISION_THRESHOLD,
  drawApplication,
  scoreApplicant,
} from './credit-world.js';

/** When the team acts. */
export const DEMO_TIMELINE = {
  /**
   * Version 2 is registered and run in shadow at 10:00 on the morning the decay forecast first
   * warns (the `recall-forecast` rule fires just after midnight, when the monitors evaluate),
   * or on this day if it has not by then.
   */
  registerV2AtLatest: 100,
  /** Days of shadow traffic before version 2 is promoted to champion, at 09:00. */
  shadowDays: 4,
  /** Outcomes of a day's applications arrive this many days later. */
  labelDelayDays: 7,
} as const;

export interface DemoOptions {
  /** Seed of the world (default 1): the same seed gives the same history. */
  seed?: number;
  /** Days of traffic (default 120); the story's days past the end do not happen. */
  days?: number;
  /** Applications on an ordinary weekday (default 1 000; weekends have 60 %). */
  perDay?: number;
  /** The end of the last day (default: today's midnight UTC, so the history ends now). */
  end?: Date;
  /** Where the training files of the versions are written (their references read them). */
  dir: string;
  /** Told after each simulated day. */
  onDay?: (day: number, days: number) => void;
}

export interface DemoSummary {
  days: number;
  /** The day version 2 was registered (null: the history ended first). */
  registeredV2: string | null;
  predictions: number;
  labels: number;
  windowsEvaluated: number;
  firstDay: string;
}

const DAY_MS = 86_400_000;
const TEAM: Record<string, Actor> = {
  lead: { name: 'maria.silva', role: 'admin' },
  scientist: { name: 'tom.becker', role: 'editor' },
  pipeline: { name: 'train-pipeline', role: 'editor' },
};

/** Share of a day's applications in each hour (UTC): quiet nights, busy office hours. */
const HOURLY = [1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 8, 7, 7, 8, 8, 7, 6, 5, 4, 3, 2, 2, 1].map(
  (w, _, all) => w / all.reduce((s, x) => s + x, 0),
);

/** One application as the serving system logged it. */
interface Served {
  id: string;
  at: number;
  application: Application;
}

function applicationsOf(seed: number, day: number, perDay: number, start: number): Served[] {
  const rng = applicantStream(seed, day);
  const date = new Date(start + day * DAY_MS);
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  const count = Math.round(perDay * (weekend ? 0.6 : 1) * (0.9 + 0.2 * rng.next()));
  const out: Served[] = [];
  for (let i = 0; i < count; i++) {
    const at = start + day * DAY_MS + timeOfDay(rng);
    out.push({ id: `app-${day}-${i}`, at, application: drawApplication(rng, day) });
  }
  return out.sort((a, b) => a.at - b.at);
}

function timeOfDay(rng: Rng): number {
  let u = rng.next();
  let hour = 0;
  while (hour < 23 && u >= HOURLY[hour]) u -= HOURLY[hour++];
  return hour * 3_600_000 + Math.floor(rng.next() * 3_600_000);
}

/** A prediction event of `version` for an application. */
function predictionEvent(s: Served, version: 1 | 2, rng: Rng, idSuffix = ''): PredictionEvent {
  const p = scoreApplicant(version, s.application.features);
  const failed = rng.next() < 0.002;
  // Version 2 is a larger model: a little slower. A few calls time out.
  const latency = failed
    ? 1000
    : Math.round(Math.exp(Math.log(version === 1 ? 18 : 24) + 0.35 * (rng.next() - 0.5) * 2) * 10) /
      10;
  return {
    id: `${s.id}${idSuffix}`,
    version,
    timestamp: new Date(s.at).toISOString(),
    features: { ...s.application.features },
    prediction: failed ? null : p >= DECISION_THRESHOLD ? 1 : 0,
    ...(failed
      ? { error: 'scoring service timed out' }
      : { probabilities: { '0': 1 - p, '1': p } }),
    latencyMs: latency,
    segment: s.application.segment,
  };
}

/** A training set of a version: `rows` applications of the days given, scored by it. */
function trainingSet(
  seed: number,
  version: 1 | 2,
  days: number[],
  rows: number,
): { applications: Application[]; scores: number[] } {
  const applications: Application[] = [];
  for (let i = 0; i < rows; i++) {
    const day = days[i % days.length];
    applications.push(drawApplication(applicantStream(seed + 7919 * version, day * 1000 + i), day));
  }
  return { applications, scores: applications.map((a) => scoreApplicant(version, a.features)) };
}

/** The holdout metrics of a version, as its training run would report them. */
function holdoutMetrics(set: { applications: Application[]; scores: number[] }) {
  const yTrue = set.applications.map((a) => a.defaulted);
  const yPred = set.scores.map((p) => (p >= DECISION_THRESHOLD ? 1 : 0));
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    rocAuc: round(rocAucScore(yTrue, set.scores)),
    recall: round(recallScore(yTrue, yPred)),
    precision: round(precisionScore(yTrue, yPred)),
  };
}

/** Write a training set as CSV, with the version's prediction, score and the outcome. */
function writeTrainingCsv(path: string, set: { applications: Application[]; scores: number[] }) {
  const names = Object.keys(set.applications[0].features);
  const lines = [[...names, 'prediction', '1', 'defaulted'].join(',')];
  set.applications.forEach((a, i) => {
    const f = a.features as unknown as Record<string, unknown>;
    const cells = names.map((n) => (f[n] === null ? '' : String(f[n])));
    const p = set.scores[i];
    lines.push([...cells, p >= DECISION_THRESHOLD ? 1 : 0, p, a.defaulted].join(','));
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

async function registerVersion(
  ctx: RegistryContext,
  version: 1 | 2,
  trainingDays: number[],
  options: DemoOptions,
  seed: number,
): Promise<void> {
  const set = trainingSet(seed, version, trainingDays, 5000);
  await createVersion(ctx, TEAM.pipeline, DEMO_MODEL, versionInput(version, holdoutMetrics(set)));
  const file = join(options.dir, `${DEMO_MODEL}-v${version}-training.csv`);
  writeTrainingCsv(file, set);
  const frame = await readFrame(file);
  const columns = profileFrame(frame, {
    prediction: 'prediction',
    label: 'defaulted',
    probabilities: ['1'],
  });
  await setReference(ctx, TEAM.pipeline, DEMO_MODEL, version, columns, file);
}

/** Whether the decay forecast's rule has fired. */
async function forecastWarned(ctx: RegistryContext): Promise<boolean> {
  const fired = await ctx.db
    .selectFrom('alerts')
    .innerJoin('alert_rules', 'alert_rules.id', 'alerts.rule_id')
    .select('alerts.id')
    .where('alert_rules.name', '=', 'recall-forecast')
    .executeTakeFirst();
  return fired !== undefined;
}

/**
 * Put the demo's history into the store of `base` (which must not hold the demo model yet).
 *
 * @example
 * await seedDemo(ctx, { dir: join(dataDir, 'demo') }); // { days: 120, predictions: 111883, … } (seed 1, ending 2026-11-26)
 */
export async function seedDemo(base: RegistryContext, options: DemoOptions): Promise<DemoSummary> {
  const seed = options.seed ?? 1;
  const days = options.days ?? 120;
  const perDay = options.perDay ?? 1000;
  const endDay = Math.floor((options.end ?? new Date()).getTime() / DAY_MS) * DAY_MS;
  const start = endDay - days * DAY_MS;
  mkdirSync(options.dir, { recursive: true });
  let clock = start;
  const ctx: RegistryContext = { ...base, now: () => new Date(clock).toISOString() };
  const at = (day: number, hour = 0) => {
    clock = start + day * DAY_MS + hour * 3_600_000;
  };
  // No channel is set up: alerts are raised and kept, and sent nowhere.
  const monitoring = new Monitoring(ctx, new AlertNotifier(ctx.db, {}, ctx.now));

  at(-14, 10);
  await createModel(ctx, TEAM.lead, DEMO_MODEL_INPUT);
  await registerVersion(ctx, 1, [-90, -75, -60, -45, -30, -15], options, seed);
  at(-14, 15);
  for (const [name, monitor] of Object.entries(DEMO_MONITORS)) {
    await putMonitor(ctx, TEAM.lead, DEMO_MODEL, name, monitor);
  }
  for (const [name, rule] of Object.entries(DEMO_RULES)) {
    await putRule(ctx, TEAM.lead, DEMO_MODEL, name, rule);
  }
  at(-1, 16);
  await setAlias(ctx, TEAM.lead, DEMO_MODEL, 'champion', {
    version: 1,
    reason: 'First release: holdout ROC AUC and recall signed off by the risk committee.',
  });

  // The outcome of each prediction sent, by day, until it arrives.
  const outcomesByDay = new Map<number, LabelEvent[]>();
  let predictions = 0;
  let labels = 0;
  let windowsEvaluated = 0;
  let registerDay: number | null = null;
  for (let day = 0; day < days; day++) {
    const served = applicationsOf(seed, day, perDay, start);
    if (registerDay === null && day === DEMO_TIMELINE.registerV2AtLatest) registerDay = day;
    if (day === registerDay) {
      at(day, 10);
      await registerVersion(ctx, 2, [84, 86, 88, 90, 92], options, seed);
      await setAlias(ctx, TEAM.scientist, DEMO_MODEL, 'challenger', {
        version: 2,
        reason: 'Shadow run on live traffic: the decay forecast says recall falls below 0.6.',
      });
    }
    const promoteDay: number | null =
      registerDay === null ? null : registerDay + DEMO_TIMELINE.shadowDays;
    const promotedAt =
      promoteDay === null ? Number.POSITIVE_INFINITY : start + promoteDay * DAY_MS + 9 * 3_600_000;
    if (day === promoteDay) {
      at(day, 9);
      await setAlias(ctx, TEAM.lead, DEMO_MODEL, 'champion', {
        version: 2,
        reason:
          'v2 recalled more defaulters than v1 on four days of shadow traffic with the same ' +
          'precision; v1 was forecast to fall below recall 0.6.',
      });
      await deleteAlias(ctx, TEAM.lead, DEMO_MODEL, 'challenger', 'promoted to champion');
    }
    // The day's traffic, sent in batches as the day ends: the champion's predictions, and in
    // the shadow days the challenger's on the same applications.
    at(day, 23.99);
    const rng = applicantStream(seed + 1, day);
    const events: PredictionEvent[] = [];
    const outcomeOf = new Map<string, number>();
    for (const s of served) {
      outcomeOf.set(s.id, s.application.defaulted);
      outcomeOf.set(`${s.id}-shadow`, s.application.defaulted);
      const champion = s.at < promotedAt ? 1 : 2;
      events.push(predictionEvent(s, champion, rng));
      if (registerDay !== null && day >= registerDay && s.at < promotedAt) {
        events.push(predictionEvent(s, 2, rng, '-shadow'));
      }
    }
    outcomesByDay.set(
      day,
      events.map((e) => ({ id: e.id, label: outcomeOf.get(e.id) as number })),
    );
    for (let from = 0; from < events.length; from += 1000) {
      predictions += (await ingestPredictions(ctx, DEMO_MODEL, events.slice(from, from + 1000)))
        .accepted;
    }
    // The outcomes of a week ago arrive (for shadow predictions too).
    const outcomes = outcomesByDay.get(day - DEMO_TIMELINE.labelDelayDays);
    if (outcomes !== undefined) {
      for (let from = 0; from < outcomes.length; from += 5000) {
        labels += (await ingestLabels(ctx, DEMO_MODEL, outcomes.slice(from, from + 5000))).accepted;
      }
      outcomesByDay.delete(day - DEMO_TIMELINE.labelDelayDays);
    }
    // Just after midnight the monitors evaluate the day that closed, and the week-old one
    // whose outcomes came.
    at(day + 1, 0.1);
    windowsEvaluated += await monitoring.tick();
    if (registerDay === null && (await forecastWarned(ctx))) registerDay = day + 1;
    options.onDay?.(day, days);
  }
  await monitoring.stop();
  return {
    days,
    registeredV2:
      registerDay === null ? null : new Date(start + registerDay * DAY_MS).toISOString(),
    predictions,
    labels,
    windowsEvaluated,
    firstDay: new Date(start).toISOString(),
  };
}
