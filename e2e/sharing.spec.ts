import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe } from './serve-process.ts';

test('a tablet on the network joins with the access code and takes notes the organizer sees', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-share-'));
  // 127.0.0.2 stands in for the laptop's LAN address: nothing leaves this machine.
  const serve = await startServe(dataDir, ['--lan-address', '127.0.0.2']);
  try {
    const laptop = await browser.newPage({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
    });
    await laptop.goto(serve.openUrl);
    await laptop.getByRole('button', { name: '载入示例会议' }).click();
    await expect(laptop.getByTestId('run-status')).toHaveText('未开始');
    await laptop.keyboard.press('Space');
    await expect(laptop.getByTestId('run-status')).toHaveText('发言中');

    const sharing = laptop.getByTestId('sharing');
    await expect(sharing).toContainText('未共享');
    await sharing.getByRole('button', { name: '开启共享' }).click();
    const code = ((await laptop.getByTestId('share-code').textContent()) ?? '').replace(/\D/g, '');
    expect(code).toMatch(/^\d{6}$/);
    const shared = (await sharing.locator('code').first().textContent()) ?? '';
    expect(shared).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    await expect(sharing.getByRole('img', { name: `扫码打开 ${shared}` })).toBeVisible();
    await expect(sharing.getByText('还没有设备加入。')).toBeVisible();
    await test
      .info()
      .attach('console-sharing', { body: await laptop.screenshot(), contentType: 'image/png' });

    const tablet = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } })
    ).newPage();
    await tablet.goto(shared);
    await expect(tablet.getByRole('heading', { name: '输入访问码' })).toBeVisible();
    await expect(tablet.getByRole('radio', { name: /记录/ })).toBeChecked();
    await test
      .info()
      .attach('tablet-join', { body: await tablet.screenshot(), contentType: 'image/png' });
    await tablet
      .getByLabel('访问码', { exact: true })
      .fill(code === '000000' ? '111111' : '000000');
    await tablet.getByRole('button', { name: '加入' }).click();
    await expect(tablet.getByRole('alert')).toHaveText('访问码不正确。');
    await tablet.getByLabel('访问码', { exact: true }).fill(code);
    await tablet.getByRole('button', { name: '加入' }).click();
    await expect(tablet.getByTestId('notes-speaker')).toContainText('主持人开场');

    const composer = tablet.getByRole('textbox', { name: /记录要点/ });
    await composer.fill('平板记录：围绕党建引领中心工作讲心得、聊干货');
    await composer.press('Enter');
    await expect(tablet.getByTestId('save-status')).toHaveText('已保存');
    await expect(laptop.getByTestId('console-notes')).toContainText('平板记录');
    await test
      .info()
      .attach('tablet-notes', { body: await tablet.screenshot(), contentType: 'image/png' });

    // The hall's PC opens the projector's address: 投屏 is already chosen there, and it only shows.
    const hall = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } })
    ).newPage();
    await hall.goto(`${shared}projector`);
    await expect(hall.getByRole('radio', { name: /投屏/ })).toBeChecked();
    await test
      .info()
      .attach('hall-join', { body: await hall.screenshot(), contentType: 'image/png' });
    await hall.getByLabel('访问码', { exact: true }).fill(code);
    await hall.getByRole('button', { name: '加入' }).click();
    await expect(hall.getByTestId('speaker-screen')).toBeVisible();
    // The root is the organizer's console: a device that joined gets its own screen there.
    await hall.goto(shared);
    await expect(hall).toHaveURL(/\/projector$/);
    await expect(hall.getByTestId('speaker-screen')).toBeVisible();

    // The organizer sees both devices, online, and removes the tablet.
    const devices = sharing.getByTestId('share-devices');
    await expect(devices.getByRole('listitem')).toHaveCount(2);
    const tabletRow = devices.getByRole('listitem').filter({ hasText: '记录' });
    await expect(tabletRow).toContainText('127.0.0.1');
    await expect(tabletRow).toContainText('Chrome');
    await expect(devices.getByText('在线')).toHaveCount(2);
    await test.info().attach('console-sharing-devices', {
      body: await laptop.screenshot(),
      contentType: 'image/png',
    });
    await test.info().attach('sharing-panel', {
      body: await sharing.screenshot(),
      contentType: 'image/png',
    });
    const confirmed = new Promise<string>((resolve) =>
      laptop.once('dialog', (d) => {
        resolve(d.message());
        void d.accept();
      }),
    );
    await tabletRow.getByRole('button', { name: '移出' }).click();
    expect(await confirmed).toMatch(/^确定让“记录设备 127\.0\.0\.1（Chrome \d+ · Linux）”退出？/);
    await expect(devices.getByRole('listitem')).toHaveCount(1);
    await expect(devices).toContainText('投屏');
    // The tablet's connection is cut; reconnecting, it is refused and is back at the access code,
    // ready to join again as 记录. The hall's screen goes on.
    await expect(tablet.getByRole('heading', { name: '输入访问码' })).toBeVisible({
      timeout: 10_000,
    });
    await expect(tablet.getByRole('radio', { name: /记录/ })).toBeChecked();
    await expect(hall.getByTestId('speaker-screen')).toBeVisible();

    await sharing.getByRole('button', { name: '关闭共享' }).click();
    await expect(sharing).toContainText('未共享');
  } finally {
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
