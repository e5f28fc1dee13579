/**
 * Tend's version, written into every report. Kept in step with packages/server/package.json
 * by a test.
 *
 * @example
 * TEND_VERSION; // '0.1.0'
 */
export const TEND_VERSION = '0.1.0';
