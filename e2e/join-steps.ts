import type { Browser, Page } from '@playwright/test';
import type { MessageKey } from '../renderer/i18n/i18n.tsx';
import zhCN from '../renderer/i18n/zh-CN.json' with { type: 'json' };

/*
 * Joining over LAN sharing, as a tablet, a phone at the door or the hall's PC does it: the
 * organizer switches sharing on and reads out the code, the device opens the shared address and
 * types it. Each spec then checks what the device lands on; these steps check nothing of it, so
 * a wrong code is typed the same way.
 */

/** The words the join page shows in Chinese, the language the specs' devices use. */
const inChinese = (key: MessageKey) => zhCN[key];

/** The six-digit access code the console shows now (it changes on a revoke or a lock). */
export async function shownAccessCode(consolePage: Page) {
  return ((await consolePage.getByTestId('share-code').textContent()) ?? '').replace(/\D/g, '');
}

/**
 * Switches sharing on in the console's 局域网共享 panel; answers the panel, the access code and the
 * shared address (`http://<LAN address>:<port>/`) a device opens.
 */
export async function startSharing(consolePage: Page) {
  const sharing = consolePage.getByTestId('sharing');
  await sharing.getByRole('button', { name: '开启共享' }).click();
  const code = await shownAccessCode(consolePage);
  const shared = (await sharing.locator('code').first().textContent()) ?? '';
  return { sharing, code, shared };
}

/**
 * A device on the network opening `url`: a browser context of its own, so it holds none of the
 * console's tokens and sees the join page.
 */
export async function openDevice(
  browser: Browser,
  url: string,
  viewport?: { width: number; height: number },
) {
  const page = await (
    await browser.newContext({ locale: 'zh-CN', ...(viewport && { viewport }) })
  ).newPage();
  await page.goto(url);
  return page;
}

/** Types `code` on the join page and presses 加入; `t` words it in the page's language. */
export async function enterAccessCode(page: Page, code: string, t = inChinese) {
  await page.getByLabel(t('join.code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: t('join.submit') }).click();
}

/** A device that opens `url` and joins with `code` straight away. */
export async function joinDevice(
  browser: Browser,
  url: string,
  code: string,
  viewport?: { width: number; height: number },
) {
  const page = await openDevice(browser, url, viewport);
  await enterAccessCode(page, code);
  return page;
}
