/**
 * `tend report --config FILE`: the same settings as the flags, in JSON or YAML, so a team can
 * check its report setup into the repository. Flags given on the command line win.
 *
 * ```yaml
 * reference: data/train.csv
 * current: data/last-week.csv
 * target: default
 * prediction: score          # or [proba_0, proba_1], or { kind: score, columns: [score] }
 * segments: [region]
 * categorical: [zip]
 * stattest: { "*": ks, income: psi }
 * conditions:
 *   - drift.share < 0.3
 *   - missingShare(income) < 0.05
 *   - rocAuc >= 0.8
 * ```
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { ReportInputError } from '../report/errors.js';

/**
 * YAML's parser, loaded when a YAML file is read: loading it costs every other run 0.1 s.
 *
 * @example
 * parseYaml('model: credit'); // { model: 'credit' }
 */
export function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
}

/** The settings a config file may hold (camelCase names of the flags). */
export interface ReportConfig {
  reference?: string;
  current?: string;
  target?: string;
  prediction?:
    | string
    | string[]
    | { kind?: 'label' | 'score' | 'probabilities'; columns: string[] };
  timestamp?: string;
  id?: string;
  segments?: string[];
  categorical?: string[];
  numerical?: string[];
  ignore?: string[];
  delimiter?: string;
  preset?: 'tend' | 'evidently';
  stattest?: string | Record<string, string>;
  threshold?: number;
  correction?: 'benjamini-hochberg' | 'holm' | 'bonferroni' | 'none';
  driftShare?: number;
  multivariate?: boolean;
  bootstrap?: number;
  seed?: number;
  posLabel?: string;
  conditions?: string[];
  json?: string;
  html?: string;
}

const TYPES: Record<keyof ReportConfig, 'string' | 'strings' | 'number' | 'boolean' | 'any'> = {
  reference: 'string',
  current: 'string',
  target: 'string',
  prediction: 'any',
  timestamp: 'string',
  id: 'string',
  segments: 'strings',
  categorical: 'strings',
  numerical: 'strings',
  ignore: 'strings',
  delimiter: 'string',
  preset: 'string',
  stattest: 'any',
  threshold: 'number',
  correction: 'string',
  driftShare: 'number',
  multivariate: 'boolean',
  bootstrap: 'number',
  seed: 'number',
  posLabel: 'string',
  conditions: 'strings',
  json: 'string',
  html: 'string',
};

function fail(path: string, detail: string): never {
  throw new ReportInputError(`${path}: ${detail}`);
}

/**
 * Read and check a config file: unknown keys and values of the wrong type are refused by name.
 *
 * @example
 * loadConfig('tend-report.yaml').target; // 'default'
 */
export function loadConfig(path: string): ReportConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(path, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let data: unknown;
  try {
    data = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    fail(
      path,
      `is not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail(path, 'must hold a mapping of settings (target: …, prediction: …)');
  }
  for (const [key, value] of Object.entries(data)) {
    const type = TYPES[key as keyof ReportConfig];
    if (!type) fail(path, `unknown setting "${key}"; known: ${Object.keys(TYPES).join(', ')}`);
    const ok =
      type === 'any' ||
      (type === 'strings'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : typeof value === type);
    if (!ok) {
      const want = type === 'strings' ? 'a list of strings' : `a ${type}`;
      fail(path, `setting "${key}" must be ${want}, got ${JSON.stringify(value)}`);
    }
  }
  return data as ReportConfig;
}
