/** The reader's journey, step by step, the same in every browser (see driver.ts). */
import { expect } from 'vitest';
import { WE_THINK } from '../canon-pages';
import type { Surface } from './driver';

/** The sidebar starts collapsed to a small tab; the reader opens it (it stays open from then on). */
export async function expandSidebar(sidebar: Surface): Promise<void> {
  await sidebar.click(/open/i);
}

/** The sidebar shows the canon book: its title, canon status and a chapter from the canon. */
export async function seesCanonBook(sidebar: Surface): Promise<void> {
  await sidebar.waitForHeading(WE_THINK.title);
  await sidebar.waitForText('You are what you share');
  await sidebar.waitForText('In the canon', { exact: true });
}

/** Saves a name and e-mail address in the options page; the server mails a confirmation link. */
export async function saveIdentity(options: Surface, name: string, email: string): Promise<void> {
  await options.fill('Name', name);
  await options.fill('E-mail address', email);
  await options.click('Save and send confirmation');
  await options.waitForText(/Check your inbox/);
}

/** A freshly opened options page shows the saved identity, waiting for its confirmation. */
export async function seesSavedIdentity(options: Surface, name: string, email: string): Promise<void> {
  await options.waitForText(`${name} · ${email}`);
  await options.waitForText(`Check your inbox at ${email}`);
}

/** Rates four stars in the popup, key by key, each answered on screen before the next. */
export async function rateFourStarsInPopup(popup: Surface): Promise<void> {
  for (const [key, value] of [
    ['End', '5'],
    ['ArrowLeft', '4.5'],
    ['ArrowLeft', '4'],
  ] as const) {
    await popup.press('Your rating', key);
    await expect.poll(() => popup.attribute('Your rating', 'aria-valuenow')).toBe(value);
  }
  await popup.waitForText('Your rating is provisional until you follow the link we sent to your address.');
}

/** The sidebar, open all along, counts the unconfirmed reader's rating. */
export async function seesWaitingRating(sidebar: Surface): Promise<void> {
  await sidebar.waitForText('1 more rating waits for its reader to confirm.', { timeoutMs: 20_000 });
}

/** Posts `body` from the sidebar; it is listed as waiting for the reader's confirmation. */
export async function postWaitingComment(sidebar: Surface, body: string): Promise<void> {
  await sidebar.fill('Your comment', body);
  await sidebar.click('Post comment');
  await sidebar.waitForItem(body, 'Waiting for your confirmation', { timeoutMs: 20_000 });
}

/** The comment is listed as published: no longer waiting. */
export async function seesPublishedComment(sidebar: Surface, body: string): Promise<void> {
  await sidebar.waitForItem(body, 'Waiting for your confirmation', { gone: true, timeoutMs: 20_000 });
}
