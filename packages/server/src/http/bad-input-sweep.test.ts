/**
 * No bad input gets a 500: every route of the OpenAPI document, with each path parameter
 * replaced by odd values and each body by malformed or mistyped JSON, answers a 4xx (or a 2xx
 * where the odd value happens to be valid) with a problem document or, under MLflow's prefix,
 * MLflow's error body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import type { TendApp } from './app.js';

let tend: TendApp;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ tend, dispose } = await openTestApp('sqlite'));
  // Something to find, so that odd input also meets existing rows.
  const post = (url: string, body: unknown) => sendJson(tend, 'POST', url, body);
  await post('/api/v1/models', { name: 'm', task: 'regression' });
  await post('/api/v1/models/m/versions', {});
});
afterAll(async () => dispose());

const PARAMS = [
  'm',
  'nope',
  '0',
  '-1',
  '1.5',
  '99999999999999999999',
  '%00',
  '%2F..%2F',
  'x'.repeat(300),
  '%F0%9F%98%80',
  "'; DROP TABLE models; --",
];
const BODIES: (string | undefined)[] = [
  undefined,
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '42',
  '{"name":42,"task":[],"version":"one","value":{},"url":7,"role":"root","events":"all"}',
  '{"version":1e309}',
  '{"version":-3,"name":"","key":""}',
  `{"a":${'['.repeat(2000)}${']'.repeat(2000)}}`,
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
];

describe('bad input never gets a 500', () => {
  it('answers every route of the OpenAPI document with a 4xx or 2xx for odd paths and bodies', async () => {
    const doc = (await tend.app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const seen: string[] = [];
    let requests = 0;
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        // Every parameter odd, and then the model one that exists with the others odd.
        // (Not DELETE on the model that exists: the routes after it would find nothing.)
        const urls = PARAMS.flatMap((param) => [
          template.replace(/\{[^}]+\}/g, param),
          ...(method === 'delete'
            ? []
            : [
                template.replace('{model}', 'm').replace(/\{[^}]+\}/g, param === 'm' ? '1' : param),
              ]),
        ]);
        for (const url of new Set(urls)) {
          for (const body of method === 'get' ? [undefined] : BODIES) {
            const res = await tend.app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              ...(body === undefined
                ? {}
                : { payload: body, headers: { 'content-type': 'application/json' } }),
            });
            requests++;
            if (res.statusCode >= 500)
              seen.push(
                `${method.toUpperCase()} ${url} ${body?.slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
          }
        }
      }
    }
    expect(seen).toEqual([]);
    expect(requests).toBeGreaterThan(4000);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
