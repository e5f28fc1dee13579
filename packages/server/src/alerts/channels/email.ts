/**
 * E-mail over SMTP (nodemailer): one message per alert change, the subject saying status,
 * model, rule and summary, the body the details, to each recipient. A delivery is retried with
 * the same backoff as HTTP channels when the SMTP server cannot be reached or answers 4xx
 * (try later); a 5xx answer (refused) is not retried.
 */
import nodemailer from 'nodemailer';
import { type DeliverOptions, type DeliveryResult, retrying } from '../../webhooks/deliver.js';
import type { Alert } from '../alert.js';
import type { Channel } from './channel.js';

export interface EmailSettings {
  /** SMTP server. */
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  to: string[];
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/**
 * The subject and text of an alert's e-mail.
 *
 * @example
 * emailMessage(alert).subject; // '[FIRING critical] churn · feature-drift: age drifted'
 */
export function emailMessage(alert: Alert): { subject: string; text: string } {
  const status = alert.status === 'firing' ? `FIRING ${alert.severity}` : 'RESOLVED';
  const lines = [
    alert.summary,
    ...(alert.description ? ['', alert.description] : []),
    '',
    `model: ${alert.model}`,
    `rule: ${alert.rule}`,
    ...Object.entries(alert.labels).map(([k, v]) => `${k}: ${v}`),
    ...(alert.value !== undefined ? [`value: ${alert.value}`] : []),
    `since: ${alert.startsAt}`,
    ...(alert.endsAt ? [`resolved: ${alert.endsAt}`] : []),
    ...(alert.url ? ['', alert.url] : []),
  ];
  return {
    subject: `[${status}] ${alert.model} · ${alert.rule}: ${alert.summary}`,
    text: `${lines.join('\n')}\n`,
  };
}

/**
 * The e-mail channel.
 *
 * @example
 * await emailChannel.deliver!(emailChannel.check({ host: 'smtp.example.org', port: 587, from: 'tend@example.org', to: ['ml@example.org'] }), alert, {});
 */
export const emailChannel: Channel<EmailSettings> = {
  type: 'email',
  check(settings) {
    const s = (settings ?? {}) as Record<string, unknown>;
    if (typeof s.host !== 'string' || s.host === '')
      throw new TypeError('host must be the SMTP server');
    const port = s.port ?? 587;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw new TypeError('port must be a port number');
    }
    if (typeof s.from !== 'string' || !ADDRESS.test(s.from))
      throw new TypeError('from must be an e-mail address');
    const to = typeof s.to === 'string' ? [s.to] : s.to;
    if (
      !Array.isArray(to) ||
      to.length === 0 ||
      !to.every((a) => typeof a === 'string' && ADDRESS.test(a))
    ) {
      throw new TypeError('to must be one or more e-mail addresses');
    }
    return {
      host: s.host,
      port,
      secure: s.secure === true,
      user: typeof s.user === 'string' ? s.user : undefined,
      password: typeof s.password === 'string' ? s.password : undefined,
      from: s.from,
      to: to as string[],
    };
  },
  async deliver(settings, alert, options: DeliverOptions): Promise<DeliveryResult> {
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      connectionTimeout: options.timeoutMs ?? 10_000,
      greetingTimeout: options.timeoutMs ?? 10_000,
    });
    const { subject, text } = emailMessage(alert);
    try {
      return await retrying(options, async (record) => {
        try {
          await transport.sendMail({ from: settings.from, to: settings.to, subject, text });
          return { retry: false };
        } catch (error) {
          record.error = String((error as Error).message).slice(0, 200);
          // 5xx: the server refused the message; sending it again would be refused again.
          const code = (error as { responseCode?: number }).responseCode;
          return { retry: code === undefined || code < 500 };
        }
      });
    } finally {
      transport.close();
    }
  },
};
