/**
 * The e-mail channel against a local SMTP server (smtp-server): the message arrives with its
 * subject and details; a recipient the server refuses (550) is not retried; a server that
 * cannot be reached is retried, then reported.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Alert, alertFingerprint } from './alert.js';
import { sendAlert } from './send-alert.js';

const labels = { feature: 'age' };
const alert: Alert = {
  fingerprint: alertFingerprint('feature-drift', 'churn', labels),
  rule: 'feature-drift',
  model: 'churn',
  severity: 'warning',
  status: 'firing',
  summary: 'age drifted',
  labels,
  value: 0.2,
  startsAt: '2026-03-03T14:00:00.000Z',
};
const quick = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3, timeoutMs: 2000 };

/** The Subject header of a raw message, its RFC 2047 quoted-printable words decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, word: string) =>
      Buffer.from(
        word
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          ),
        'latin1',
      ).toString('utf8'),
    );
}

const received: { to: string[]; data: string }[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        const refusal = Object.assign(new Error('no such mailbox'), { responseCode: 550 });
        callback(refusal);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (c) => {
        data += c;
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the e-mail channel', () => {
  it('delivers the alert to each recipient with its subject and details', async () => {
    const settings = {
      host: '127.0.0.1',
      port,
      from: 'tend@example.org',
      to: ['ml@example.org', 'oncall@example.org'],
    };
    const result = await sendAlert('email', settings, alert, quick);
    expect([result.ok, result.attempts.length]).toEqual([true, 1]);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['ml@example.org', 'oncall@example.org']);
    expect(subjectOf(received[0].data)).toBe('[FIRING warning] churn · feature-drift: age drifted');
    expect(received[0].data).toContain('feature: age');
    expect(received[0].data).toContain('value: 0.2');
  });

  it('does not retry a refusal, retries an unreachable server, and checks its settings', async () => {
    const refused = await sendAlert(
      'email',
      { host: '127.0.0.1', port, from: 'tend@example.org', to: 'nobody@example.org' },
      alert,
      quick,
    );
    expect([refused.ok, refused.attempts.length]).toEqual([false, 1]);
    expect(refused.error).toMatch(/no such mailbox|550/);
    const down = await sendAlert(
      'email',
      { host: '127.0.0.1', port: 1, from: 'tend@example.org', to: ['a@example.org'] },
      alert,
      quick,
    );
    expect([down.ok, down.attempts.length]).toEqual([false, 3]);
    await expect(
      sendAlert('email', { host: 'x', from: 'not-an-address', to: ['a@b.c'] }, alert),
    ).rejects.toThrow('from must be an e-mail address');
    await expect(sendAlert('email', { host: 'x', from: 'a@b.c', to: [] }, alert)).rejects.toThrow(
      'to must be one or more e-mail addresses',
    );
  });
});
