import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { enterAccessCode, openDevice, shownAccessCode, startSharing } from './join-steps.ts';
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

    await expect(laptop.getByTestId('sharing')).toContainText('未共享');
    const { sharing, code, shared } = await startSharing(laptop);
    expect(code).toMatch(/^\d{6}$/);
    expect(shared).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    await expect(sharing.getByRole('img', { name: `扫码打开 ${shared}` })).toBeVisible();
    await expect(sharing.getByText('还没有设备加入。')).toBeVisible();
    await test
      .info()
      .attach('console-sharing', { body: await laptop.screenshot(), contentType: 'image/png' });

    const tablet = await openDevice(browser, shared, { width: 1024, height: 768 });
    await expect(tablet.getByRole('heading', { name: '输入访问码' })).toBeVisible();
    await expect(tablet.getByRole('radio', { name: /记录/ })).toBeChecked();
    await test
      .info()
      .attach('tablet-join', { body: await tablet.screenshot(), contentType: 'image/png' });
    await enterAccessCode(tablet, code === '000000' ? '111111' : '000000');
    await expect(tablet.getByRole('alert')).toHaveText(
      '访问码不正确。请核对会务组当前显示的 6 位访问码后重新输入。',
    );
    await enterAccessCode(tablet, code);
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
    const hall = await openDevice(browser, `${shared}projector`, { width: 1280, height: 720 });
    await expect(hall.getByRole('radio', { name: /投屏/ })).toBeChecked();
    await test
      .info()
      .attach('hall-join', { body: await hall.screenshot(), contentType: 'image/png' });
    await enterAccessCode(hall, code);
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
    expect(await confirmed).toMatch(
      /^确定让“记录设备 127\.0\.0\.1（Chrome \d+ · Linux）”退出？.*在您允许之前，它不能再加入。$/,
    );
    await expect(devices.getByRole('listitem')).toHaveCount(1);
    await expect(devices).toContainText('投屏');
    // The tablet's connection is cut; reconnecting, it is refused and is back at the access code,
    // as 记录. The hall's screen goes on. The code it knew is replaced on the console at once.
    await expect(tablet.getByRole('heading', { name: '输入访问码' })).toBeVisible({
      timeout: 10_000,
    });
    await expect(tablet.getByRole('radio', { name: /记录/ })).toBeChecked();
    await expect(hall.getByTestId('speaker-screen')).toBeVisible();
    await expect(laptop.getByTestId('share-code')).not.toContainText(code);
    const codeAfterRevoke = await shownAccessCode(laptop);
    expect(codeAfterRevoke).toMatch(/^\d{6}$/);

    // Reading the new code off the screen is not enough: the tablet stays out until the
    // organizer, who sees it knocking under 已移出, lets it back.
    await enterAccessCode(tablet, codeAfterRevoke);
    await expect(tablet.getByRole('alert')).toHaveText(
      '本设备已被会务组移出，暂时不能加入。如需重新加入，请联系会务组在控制台中允许本设备。',
    );
    const removed = sharing.getByTestId('share-removed');
    await expect(sharing.getByRole('heading', { name: '已移出（1）' })).toBeVisible();
    await expect(removed.getByRole('listitem')).toHaveCount(1);
    await expect(removed).toContainText('记录');
    await expect(removed).toContainText('127.0.0.1');
    await expect(removed).toContainText('尝试重新加入');
    await test.info().attach('sharing-removed', {
      body: await sharing.screenshot(),
      contentType: 'image/png',
    });
    await removed.getByRole('button', { name: '允许重新加入' }).click();
    await expect(removed).toHaveCount(0);
    await enterAccessCode(tablet, codeAfterRevoke);
    await expect(tablet.getByTestId('notes-speaker')).toContainText('主持人开场');
    await expect(devices.getByRole('listitem')).toHaveCount(2);

    // Ten wrong codes, from whatever device, shut joining for everyone and replace the code: the
    // console shows the new code and the pause, and the device is told what to do. The tablet's
    // typo above was the first (a revoke replaces the code, not the count); eight more, then the
    // tenth typed on the join page.
    const stranger = await openDevice(browser, shared);
    const wrongCodes = Array.from({ length: 8 }, (_, i) =>
      String((Number(codeAfterRevoke) + 1 + i) % 1_000_000).padStart(6, '0'),
    );
    const answered = await stranger.evaluate(async (codes) => {
      const statuses: number[] = [];
      for (const c of codes) {
        const res = await fetch('/api/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code: c }),
        });
        statuses.push(res.status);
      }
      return statuses;
    }, wrongCodes);
    expect(answered).toEqual(Array(8).fill(401));
    await enterAccessCode(stranger, wrongCodes[0] as string);
    await expect(stranger.getByRole('alert')).toHaveText(
      '访问码输错次数过多，已暂停加入，访问码也已更换。请约 1 分钟后，向会务组索取新的访问码再试。',
    );
    await expect(sharing.getByTestId('share-locked')).toContainText(
      '访问码输错次数过多，已自动更换访问码',
    );
    await expect(laptop.getByTestId('share-code')).not.toContainText(codeAfterRevoke);
    await test.info().attach('sharing-locked', {
      body: await sharing.screenshot(),
      contentType: 'image/png',
    });
    await expect(hall.getByTestId('speaker-screen')).toBeVisible();

    await sharing.getByRole('button', { name: '关闭共享' }).click();
    await expect(sharing).toContainText('未共享');
  } finally {
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
