/**
 * The `tend` command: `tend report` compares two datasets; `tend serve` runs the server
 * (registry, ingestion, monitoring, alerts), and the other commands (`models`, `versions`,
 * `alias`, `rollback`, `lineage`, `reference`, `ingest`, `monitors`, `alerts`, `channels`,
 * `keys`, `audit`) talk to it.
 */
import { Command, Option } from 'commander';
import { TEND_VERSION } from '../report/version.js';
import { addRegistryCommands } from './registry-commands.js';
import { runReport } from './report-command.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const program = new Command('tend')
  .description('Tend manages machine-learning models after they ship.')
  .version(TEND_VERSION);

program
  .command('report')
  .description(
    'Compare a current dataset with a reference: data quality, drift per column and for the dataset, prediction and target drift, multivariate drift, and model performance.',
  )
  .argument('[reference]', 'reference data: .csv, .tsv, .ndjson/.jsonl or .parquet')
  .argument('[current]', 'current data, in any of the same formats')
  .option('-c, --config <file>', 'settings in JSON or YAML (flags win over it)')
  .option('--target <column>', 'the ground truth column')
  .option(
    '--prediction <columns>',
    'prediction column: labels or a score, or one probability column per class (comma-separated)',
  )
  .addOption(
    new Option(
      '--prediction-kind <kind>',
      'how to read --prediction (inferred when absent)',
    ).choices(['label', 'score', 'probabilities']),
  )
  .option('--timestamp <column>', 'a time column (not tested for drift)')
  .option('--id <column>', 'a row id column (not tested for drift)')
  .option(
    '--segment <column>',
    'a column to break performance and fairness down by (repeatable)',
    collect,
  )
  .option(
    '--categorical <columns>',
    'treat these columns as categorical (repeatable, comma-separated)',
    collect,
  )
  .option(
    '--numerical <columns>',
    'treat these columns as numerical (repeatable, comma-separated)',
    collect,
  )
  .option('--ignore <columns>', 'leave these columns out (repeatable, comma-separated)', collect)
  .option('--delimiter <char>', 'CSV field delimiter (detected when absent)')
  .addOption(
    new Option(
      '--preset <name>',
      "drift rules: Tend's (significant and large enough, corrected for many columns) or Evidently's",
    ).choices(['tend', 'evidently']),
  )
  .option(
    '--stattest <test>',
    'force a drift test for all columns (ks) or one (age=psi); repeatable',
    collect,
  )
  .option(
    '--threshold <number>',
    "every column's threshold: the p-value level of tests, the distance of distances",
  )
  .addOption(
    new Option('--correction <method>', 'multiple-testing correction across columns').choices([
      'benjamini-hochberg',
      'holm',
      'bonferroni',
      'none',
    ]),
  )
  .option(
    '--drift-share <share>',
    'the dataset drifts when this share of features drifts (default 0.5)',
  )
  .option('--no-multivariate', 'skip the domain classifier and PCA reconstruction')
  .option('--bootstrap <n>', 'bootstrap resamples for metric intervals, 0 for none (default 200)')
  .option('--seed <n>', 'seed of every random step (default 0)')
  .option('--pos-label <label>', 'the positive class of a binary target')
  .option(
    '--condition <expr>',
    'a test-suite condition, e.g. "drift.share < 0.3" (repeatable)',
    collect,
  )
  .option('--json <file>', 'write the report as JSON (schema: packages/server/report.schema.json)')
  .option('--html <file>', 'write the report as one self-contained HTML page')
  .option('-q, --quiet', 'print nothing on success')
  .addHelpText(
    'after',
    `
Exit codes: 0 no condition failed, 1 a condition failed, 2 bad input (the message names
the file, line and column).

Examples:
  tend report train.csv today.csv --target y --prediction score --json report.json
  tend report ref.parquet cur.parquet --stattest ks --condition "drift.share < 0.3"
  tend report --config tend-report.yaml --html report.html`,
  )
  .action(async (reference: string | undefined, current: string | undefined, flags) => {
    process.exitCode = await runReport(reference, current, flags);
  });

program
  .command('serve')
  .description(
    'Run the server: the registry, ingestion, monitoring and alerts behind an HTTP API, its OpenAPI document (/openapi.json) and docs (/docs).',
  )
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port to listen on', '4700')
  .option('--data-dir <dir>', 'where the SQLite database and artifacts live', '.tend')
  .option('--database-url <url>', 'use PostgreSQL (postgres://…) instead; or TEND_DATABASE_URL')
  .option('--auth', 'require API keys on loopback too (always on beyond loopback)')
  .option('--insecure', 'serve a public address without API keys (not recommended)')
  .option('--log', 'log every request as JSON lines')
  .option(
    '--evaluate-every <seconds>',
    'how often closed windows are looked for, evaluated and alerted on (0: only on demand)',
    '30',
  )
  .option(
    '--demo',
    'fill an empty store with a simulated 120-day history of a credit-default model first (docs/demo.md)',
  )
  .option('--demo-seed <n>', 'the seed of the demo world (default 1)')
  .addHelpText(
    'after',
    `
The registry commands reach the server at TEND_URL (default http://127.0.0.1:4700) with the
key in TEND_API_KEY. With auth on and no admin key yet, the server prints one at start.

Examples:
  tend serve
  tend serve --demo --data-dir /tmp/tend-demo
  tend serve --host 0.0.0.0 --database-url postgres://tend@db:5432/tend`,
  )
  .action(async (flags) => {
    const { runServe } = await import('./serve-command.js');
    process.exitCode = await runServe(flags);
  });

program
  .command('ingest <file>')
  .description(
    "Backfill a model's production history from a CSV, NDJSON or Parquet file: each row a prediction event",
  )
  .requiredOption('--model <name>', 'the registered model')
  .requiredOption('--prediction <column>', "the model's output")
  .option('--version <n>', 'the version that predicted (default: the alias champion)')
  .option('--alias <alias>', 'or the alias it was served under')
  .option('--id <column>', 'event ids (default: file name and row number)')
  .option('--timestamp <column>', 'event times (default: when received)')
  .option('--probabilities <columns>', 'one probability column per class, comma-separated')
  .option('--segment <column>', 'a segment attribute (repeatable)', collect)
  .option('--label <column>', 'the ground truth, sent as labels')
  .option(
    '--ignore <columns>',
    'columns that are not features (repeatable, comma-separated)',
    collect,
  )
  .option('--batch <n>', 'events per request', '1000')
  .addHelpText(
    'after',
    `
Every other column is a feature. Sending the same file again stores nothing twice.

Example:
  tend ingest history.csv --model churn --version 3 --prediction score --id request_id \\
    --timestamp ts --segment region --label churned`,
  )
  .action(async (file: string, flags) => {
    const { runIngest } = await import('./ingest-command.js');
    await runIngest(file, flags);
  });

addRegistryCommands(program);

await program.parseAsync();
