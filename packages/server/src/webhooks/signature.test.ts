import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeaders, signPayload, verifySignature } from './signature.js';

const SECRET = 'whsec_test_4f9a';
const ID = 'evt_01HZX3';
const TS = 1_700_000_000;
const BODY = '{"type":"model.promoted","model":"churn","version":"7","note":"größer ✓"}';

/** The signature computed here, apart from the module, so the test is a real vector. */
function expected(secret: string, id: string, ts: number, body: string): string {
  const hmac = createHmac('sha256', Buffer.from(secret, 'utf8'));
  hmac.update(Buffer.from(`${id}.${ts}.${body}`, 'utf8'));
  return `sha256=${hmac.digest('hex')}`;
}

describe('signPayload', () => {
  it('is sha256= and the hex HMAC-SHA256 of id.timestamp.body (UTF-8)', () => {
    const header = signPayload(SECRET, ID, TS, BODY);
    expect(header).toBe(expected(SECRET, ID, TS, BODY));
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('matches a fixed vector, so a change of scheme cannot pass unnoticed', () => {
    expect(signPayload('secret', 'evt_1', 1, '{}')).toBe(
      `sha256=${createHmac('sha256', 'secret').update('evt_1.1.{}').digest('hex')}`,
    );
  });

  it('refuses an empty secret and a timestamp that is not whole seconds', () => {
    expect(() => signPayload('', ID, TS, BODY)).toThrow(TypeError);
    expect(() => signPayload(SECRET, ID, TS + 0.5, BODY)).toThrow(/timestamp/);
    expect(() => signPayload(SECRET, ID, Number.NaN, BODY)).toThrow(/timestamp/);
    expect(() => signPayload(SECRET, ID, -1, BODY)).toThrow(/timestamp/);
  });
});

describe('verifySignature', () => {
  const header = expected(SECRET, ID, TS, BODY);

  it('accepts the signature of the same secret, id, timestamp and body', () => {
    expect(verifySignature(SECRET, ID, TS, BODY, header, { now: TS })).toBe(true);
    expect(
      verifySignature(SECRET, ID, TS, BODY, header.toUpperCase().replace('SHA256', 'sha256'), {
        now: TS,
      }),
    ).toBe(true);
  });

  it('rejects a tampered body, id or timestamp, and another secret', () => {
    const at = { now: TS };
    expect(verifySignature(SECRET, ID, TS, `${BODY} `, header, at)).toBe(false);
    expect(verifySignature(SECRET, ID, TS, BODY.replace('7', '8'), header, at)).toBe(false);
    expect(verifySignature(SECRET, 'evt_01HZX4', TS, BODY, header, at)).toBe(false);
    expect(verifySignature(SECRET, ID, TS + 1, BODY, header, { now: TS + 1 })).toBe(false);
    expect(verifySignature('whsec_other', ID, TS, BODY, header, at)).toBe(false);
  });

  it('accepts a timestamp exactly at the tolerance and rejects one a second beyond, both ways', () => {
    const sign = (ts: number) => expected(SECRET, ID, ts, BODY);
    expect(verifySignature(SECRET, ID, TS, BODY, sign(TS), { now: TS + 300 })).toBe(true);
    expect(verifySignature(SECRET, ID, TS, BODY, sign(TS), { now: TS + 301 })).toBe(false);
    expect(verifySignature(SECRET, ID, TS, BODY, sign(TS), { now: TS - 300 })).toBe(true);
    expect(verifySignature(SECRET, ID, TS, BODY, sign(TS), { now: TS - 301 })).toBe(false);
    const tight = { toleranceSeconds: 10 };
    expect(verifySignature(SECRET, ID, TS, BODY, sign(TS), { ...tight, now: TS + 10 })).toBe(true);
    expect(verifySignature(SECRET, ID, TS, BODY, sign(TS), { ...tight, now: TS + 11 })).toBe(false);
  });

  it('checks against the clock when no `now` is given', () => {
    const ts = Math.floor(Date.now() / 1000);
    expect(verifySignature(SECRET, ID, ts, BODY, expected(SECRET, ID, ts, BODY))).toBe(true);
    expect(verifySignature(SECRET, ID, TS, BODY, header)).toBe(false); // 2023: long expired
  });

  it('returns false, without throwing, for malformed headers and inputs', () => {
    const hex = header.slice('sha256='.length);
    const sha1 = `sha1=${createHmac('sha1', SECRET).update(`${ID}.${TS}.${BODY}`).digest('hex')}`;
    const at = { now: TS };
    for (const bad of [
      sha1,
      '',
      hex, // no scheme
      'sha256=',
      `sha256=${'z'.repeat(64)}`, // not hex
      `sha256=${hex.slice(0, 63)}`, // odd length
      `sha256=${hex.slice(0, 62)}`, // a byte short
      `sha256=${hex}00`, // a byte long
      ` ${header}`,
      `${header},${header}`,
      `sha256=${hex}\n`,
      undefined,
      [header, header],
    ]) {
      expect(verifySignature(SECRET, ID, TS, BODY, bad, at), String(bad)).toBe(false);
    }
    expect(verifySignature('', ID, TS, BODY, expected('', ID, TS, BODY), at)).toBe(false);
    expect(verifySignature(SECRET, ID, Number.NaN, BODY, header, at)).toBe(false);
    expect(verifySignature(SECRET, ID, TS + 0.5, BODY, header, { now: TS })).toBe(false);
    expect(
      verifySignature(SECRET, ID, TS, BODY, header, { now: TS, toleranceSeconds: Number.NaN }),
    ).toBe(false);
  });
});

describe('signatureHeaders', () => {
  it('carries the id, timestamp, signature, JSON content type and user agent', () => {
    expect(signatureHeaders(SECRET, ID, BODY, TS)).toEqual({
      'X-Tend-Event-Id': ID,
      'X-Tend-Timestamp': '1700000000',
      'X-Tend-Signature': expected(SECRET, ID, TS, BODY),
      'content-type': 'application/json',
      'user-agent': 'tend-webhooks/1',
    });
  });

  it('drops a fraction of a second, so the header is the integer that was signed', () => {
    const headers = signatureHeaders(SECRET, ID, BODY, TS + 0.9);
    expect(headers['X-Tend-Timestamp']).toBe(String(TS));
    const ts = Number(headers['X-Tend-Timestamp']);
    expect(verifySignature(SECRET, ID, ts, BODY, headers['X-Tend-Signature'], { now: TS })).toBe(
      true,
    );
  });
});
