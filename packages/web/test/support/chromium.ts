/**
 * Debian's Chromium for the dashboard's tests and benches, launched by playwright-core with
 * the flags this machine needs: headless, no sandbox (as root), no GPU, and none of the
 * background connections its closed network would refuse.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A new headless Chromium.
 *
 * @example
 * const browser = await launchChromium(); const page = await browser.newPage(); await browser.close();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
