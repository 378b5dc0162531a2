/**
 * Sends the server's e-mail: the readers' confirmation link, and the
 * moderators' sign-in links and flag digests (plain text, composed by
 * moderation/). Over SMTP when
 * SMTP_URL is set; otherwise each message is written as an .eml file and its
 * link logged, so someone running the server locally can follow it. Those
 * files hold addresses and live links: the folder is 700, the files 600.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../db/file-modes';
import { confirmationWords } from '../identities/confirmation-words';
import { SMTP_TIMEOUT_MS } from '../limits';
import type { Log } from '../log';

/** `language` is the one the browser registered with; null writes English. */
export type ConfirmationMail = { to: string; name: string; link: string; language: string | null };
/** Any other plain-text mail; its text is never put into HTML. */
export type TextMail = { to: string; subject: string; text: string };
export type Mailer = {
  sendConfirmation(mail: ConfirmationMail): Promise<void>;
  sendText(mail: TextMail): Promise<void>;
};

function compose(from: string, mail: ConfirmationMail) {
  // Plain text only: the reader's chosen name is never put into HTML.
  const words = confirmationWords(mail.language);
  return { from, to: mail.to, subject: words.subject, text: words.mail(mail.name, mail.link).join('\n') };
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
    async sendText(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export function fileMailer(dir: string, from: string, log: Log): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let prepared = false;
  const prepare = () => {
    if (prepared) return;
    ensurePrivateDir(dir, log.info);
    // Mails written by earlier versions were world-readable.
    for (const name of readdirSync(dir)) if (name.endsWith('.eml')) chmodSync(join(dir, name), PRIVATE_FILE_MODE);
    prepared = true;
  };
  async function keep(message: Parameters<typeof transport.sendMail>[0]): Promise<string> {
    const info = await transport.sendMail(message);
    prepare();
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
    await writeFile(file, info.message as Buffer, { mode: PRIVATE_FILE_MODE });
    return file;
  }
  return {
    async sendConfirmation(mail) {
      const file = await keep(compose(from, mail));
      log.info(`confirmation mail written to ${file}; link: ${mail.link}`);
    },
    async sendText(mail) {
      const file = await keep({ from, ...mail });
      log.info(`mail "${mail.subject}" written to ${file}`);
    },
  };
}
