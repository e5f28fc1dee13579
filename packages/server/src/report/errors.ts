/**
 * Input `tend report` cannot use: a mapped column that is not there, a target with no
 * values, a bad condition. The command prints the message alone and exits with code 2.
 *
 * @example
 * throw new ReportInputError('reference.csv: the target column "y" is not in the file');
 */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}
