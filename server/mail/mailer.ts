/**
 * Sends the server's only e-mail: the confirmation link. Over SMTP when
 * SMTP_URL is set; otherwise each message is written as an .eml file and its
 * link logged, so someone running the server locally can follow it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTP_TIMEOUT_MS } from '../limits';

export type ConfirmationMail = { to: string; name: string; link: string };
export type Mailer = { sendConfirmation(mail: ConfirmationMail): Promise<void> };

function compose(from: string, mail: ConfirmationMail) {
  // Plain text only: the reader's chosen name is never put into HTML.
  return {
    from,
    to: mail.to,
    subject: 'Confirm your name for the book canon',
    text: [
      `Hello ${mail.name},`,
      '',
      'Someone — we hope you — asked to comment on the book canon with this address.',
      'Follow this link once to publish your comments and make your ratings and tags count:',
      '',
      mail.link,
      '',
      'The link works once and expires in 48 hours. If this was not you, ignore this message.',
    ].join('\n'),
  };
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async sendConfirmation(mail) {
      await transport.sendMail(compose(from, mail));
    },
  };
}

export function fileMailer(dir: string, from: string, log: (line: string) => void): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async sendConfirmation(mail) {
      const info = await transport.sendMail(compose(from, mail));
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      await writeFile(file, info.message as Buffer);
      log(`confirmation mail written to ${file}; link: ${mail.link}`);
    },
  };
}
