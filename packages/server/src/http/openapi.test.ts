/**
 * The document at `/openapi.json` is a valid OpenAPI 3.1 document by the OpenAPI Initiative's
 * own JSON Schema, so generators and API tools read it without complaint.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../test/support/test-app.js';
import type { TendApp } from './app.js';

let tend: TendApp;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ tend, dispose } = await openTestApp('sqlite'));
});
afterAll(async () => dispose());

describe('/openapi.json', () => {
  it('validates against the OpenAPI 3.1 schema', async () => {
    const doc = (await tend.app.inject({ url: '/openapi.json' })).json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });
});
