import type { Locator, Page } from '@playwright/test';
import { GUEST_ROLES, type GuestRole } from '../electron/api/sharing.ts';
import { SCREEN_PATHS, type ScreenPath } from '../renderer/screenPaths.ts';
import { CONSOLE_PANELS } from '../renderer/views/console/consolePanels.ts';
import { PAGE_OF_ROLE } from '../renderer/views/join/rolePages.ts';
import { addPeopleOneOnLeaveOneSubstituted, loadSampleMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';
import { enterAccessCode, startSharing } from './join-steps.ts';
import { copyWithLateSignIn } from './late-sign-in-steps.ts';
import {
  checkScreen,
  checkStage,
  chooseLanguage,
  LANGUAGES,
  startingWith,
  walkDraw,
  wordsOf,
} from './narrow-walk-steps.ts';

/** The tablet at the door, the narrowest screen the organizer's pages are made for. */
const TABLET = { width: 1024, height: 768 };
/** A phone, which the door's sign-in also has to work on. */
const PHONE = { width: 390, height: 844 };

/**
 * What each screen shows once it has the meeting (started, with its participants). A new route
 * in renderer/screenPaths.ts is a type error here until it says, and then it is walked.
 */
const LOADED: Record<ScreenPath, (page: Page) => Locator> = {
  '/': (page) => page.getByTestId('agenda-totals'),
  '/projector': (page) => page.getByTestId('speaker-name'),
  '/confidence': (page) => page.getByTestId('lectern-limit'),
  '/notes': (page) => page.getByTestId('notes-speaker'),
  '/door': (page) => page.locator('.door-person').first(),
};
/** The screens, and the join page of the roles, that a phone opens too. */
const ON_A_PHONE: ReadonlySet<ScreenPath> = new Set(['/door']);
const JOINS_ON_A_PHONE: ReadonlySet<GuestRole> = new Set(['door', 'notetaker']);

/** A day long before any day this runs: a run started today is behind the plan. */
const LONG_AGO = '2020-06-01';

test('every screen, console panel and join page fits the door tablet (1024×768), the door a phone, in every language', async ({
  page,
  context,
  serve,
}) => {
  // One walk of about forty screens in each language, two draws revealed on the hall's screen:
  // longer than one feature's test, with room on a busy machine.
  test.setTimeout(300_000);
  await page.setViewportSize(TABLET);
  await loadSampleMeeting(page, serve.openUrl);
  let meetingId = new URL(page.url()).searchParams.get('meeting') ?? '';
  const screen = (path: string) => serve.screen(`${path}?meeting=${meetingId}`);

  // Held long ago, so that the run started below is behind and 按时结束 has a plan to show.
  const details = page.getByRole('form', { name: '会议信息' });
  await details.getByLabel('日期').fill(LONG_AGO);
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  // Before the run, in each language: the hall's screen shows the agenda, and lots are drawn
  // (only before the first speaker: a run begun refuses a draw).
  const projector = await context.newPage();
  await projector.setViewportSize(TABLET);
  await projector.goto(screen('/projector'));
  for (const [drawsBefore, locale] of LANGUAGES.entries()) {
    await chooseLanguage(page, locale);
    // A screen takes the language when it opens.
    await projector.reload();
    await expect(projector.getByTestId('projector-agenda')).toBeVisible();
    await checkStage(projector, `${locale}-screen-projector-agenda`);
    await walkDraw(page, projector, locale, drawsBefore);
  }
  await chooseLanguage(page, 'zh-CN');

  // Participants from the roster, one on leave and one sending a substitute.
  await addPeopleOneOnLeaveOneSubstituted(page);
  // Found by where they are, not by the panel's name: the walk goes on in other languages.
  const rows = page.locator('[data-console-panel="participants"] .participants-table > tbody > tr');
  // One of them signed in at the console: the 签到 column then holds a time and 撤销 beside the
  // others' ticks, and the door's list a signed-in card.
  await rows.nth(3).locator('.participant-signin').getByRole('button').click();
  await expect(rows.nth(3).getByRole('button', { name: /^撤销.+的签到$/ })).toBeVisible();
  // Another signed in seven minutes after the start on the meeting's own day: a 迟到 cell here
  // and a late card at the door, whatever day the walk runs. The server stamps its own clock,
  // so the time goes in through the meeting's file, and the walk goes on with that copy.
  const late = await copyWithLateSignIn(serve, meetingId);
  meetingId = late.meetingId;
  await page.goto(serve.screen(`/?meeting=${meetingId}`));
  await projector.goto(screen('/projector'));
  await expect(
    rows.filter({ hasText: late.lateName }).locator('.participant-signin'),
  ).toContainText('迟到');

  // The run started, twenty minutes behind: the timing chart and 按时结束's plan have content.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  await page.getByRole('checkbox', { name: '按实际开始计算' }).check();
  for (let i = 0; i < 20; i++) await page.getByRole('button', { name: '+1 分钟' }).click();
  await expect(page.getByTestId('run-offset')).toContainText(/落后 (19|20) 分钟/);
  await page.getByRole('button', { name: '按时结束' }).click();
  await expect(page.getByRole('region', { name: /^按时结束/ })).toBeVisible();
  await expect(page.getByTestId('timing-chart')).toBeVisible();

  // Returned replies read and waiting in their preview, the file's long name in each row.
  const notice = page.getByRole('region', { name: '会议通知' });
  await notice.locator('input[type="file"]').setInputFiles({
    name: '平湖坪地横岗街道参会回执（第二批补报）.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '单位,姓名,是否参会,请假事由,代会人员\r\n' +
        '平湖街道,林一平,参会,,\r\n坪地街道,陈二坪,请假,外出学习,\r\n横岗街道,黄三横,代会,,王代表\r\n',
      'utf8',
    ),
  });
  // Read in a worker thread: on a busy machine it takes a few seconds.
  await expect(
    notice.getByRole('region', { name: /^回执导入预览/ }).locator('tbody tr'),
  ).toHaveCount(3, { timeout: 15_000 });

  // An agenda table from Excel/CSV read and waiting in its preview under the agenda.
  await page.getByLabel('从 Excel/CSV 导入…').setInputFiles({
    name: '各街道交流发言安排（定稿）.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '单位,姓名,职务,发言题目,时长\r\n' +
        '平湖街道,林一平,党工委书记,4个河道整治攻坚临时党支部：把支部建在项目上,8\r\n' +
        '坪地街道,陈二坪,党工委书记,临时党支部建在土地整备一线,8\r\n',
      'utf8',
    ),
  });
  await expect(page.locator('.table-import').first()).toBeVisible({ timeout: 15_000 });

  // The news brief drafted from the meeting.
  const brief = page.getByRole('region', { name: '会议信息（新闻稿）' });
  await brief.getByRole('button', { name: '起草会议信息' }).click();
  // Drafted in a worker thread: on a busy machine it takes a few seconds.
  await expect(brief.getByLabel('标题')).not.toHaveValue('', { timeout: 15_000 });

  // Sharing on, its code shown; the roster open under the agenda.
  const { code } = await startSharing(page);
  await page.locator('.roster-panel > summary').click();

  for (const locale of LANGUAGES) {
    const t = wordsOf(locale);
    const named = (name: string) => `${locale}-${name}`;
    await chooseLanguage(page, locale);
    await projector.reload();
    await expect(LOADED['/projector'](projector)).toBeVisible();

    // Every panel of the console, from the list it renders from, in this state.
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen(page, named('console-top'));
    for (const id of CONSOLE_PANELS) {
      const panel = page.locator(`[data-console-panel="${id}"]`);
      await panel.scrollIntoViewIfNeeded();
      const box = await panel.boundingBox();
      expect
        .soft(box?.height ?? 0, `the console's ${id} panel shows something`)
        .toBeGreaterThan(40);
      await checkScreen(page, named(`console-${id}`), `[data-console-panel="${id}"]`, panel);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen(page, named('console-meeting-list'), '.meeting-list');
    await page.getByText(t('export.menu'), { exact: true }).click();
    await checkScreen(page, named('console-export-menu'));
    await page.getByText(t('export.menu'), { exact: true }).click();
    await expect(page.getByRole('button', { name: t('export.slides.pptx') })).toBeHidden();

    // States a panel only shows on a click: a participant's row open for editing, a new
    // meeting's form.
    const firstPerson = rows.nth(0);
    await firstPerson.getByRole('button', { name: t('agenda.edit') }).click();
    await firstPerson.scrollIntoViewIfNeeded();
    await checkScreen(
      page,
      named('console-participant-editing'),
      '[data-console-panel="participants"]',
    );
    await firstPerson.getByRole('button', { name: t('meeting.cancel') }).click();
    await page.getByRole('button', { name: t('meetings.new'), exact: true }).click();
    const newMeeting = page.getByRole('form', { name: t('meeting.newHeading') });
    await expect(newMeeting).toBeVisible();
    await checkScreen(page, named('console-new-meeting'));
    await newMeeting.getByRole('button', { name: t('meeting.cancel') }).click();
    await page.getByText('交流座谈会（示例）').first().click();
    await expect(page.getByTestId('agenda-totals')).toContainText('13');

    // Every other screen of the app, from the router's list, on the running meeting.
    for (const path of SCREEN_PATHS.filter((p) => p !== '/')) {
      const other = await context.newPage();
      await other.setViewportSize(TABLET);
      await other.goto(screen(path));
      await expect(LOADED[path](other)).toBeVisible();
      const name = named(`screen-${path.slice(1)}`);
      await checkStage(other, `${name}-1024x768`);
      if (ON_A_PHONE.has(path)) {
        await other.setViewportSize(PHONE);
        await checkScreen(other, `${name}-390x844`);
      }
      await other.close();
    }

    // The hall's screen asked to show the seating chart: 请按座次入座.
    const onProjector = page.getByLabel(t('seating.onProjector'));
    await onProjector.click();
    await expect(onProjector).toBeChecked();
    await expect(projector.getByTestId('seating-screen')).toBeVisible();
    await checkStage(projector, named('screen-projector-seating'));
    await onProjector.click();
    await expect(onProjector).not.toBeChecked();

    // The logo screen, asked for from the console.
    const logo = page.getByRole('button', { name: startingWith(t('run.logo')) });
    await logo.click();
    await expect(projector.getByTestId('logo-screen')).toBeVisible();
    await checkStage(projector, named('screen-projector-logo'));
    await logo.click();
    await expect(projector.getByTestId('logo-screen')).toBeHidden();

    // 黑屏: the hall's screen black, and the console saying so on its button and its preview.
    const blackout = page.getByRole('button', { name: startingWith(t('run.blackout')) });
    await blackout.click();
    await expect(blackout).toHaveAttribute('aria-pressed', 'true');
    await expect(projector.getByTestId('blackout')).toBeVisible();
    await checkStage(projector, named('screen-projector-blackout'));
    for (const id of ['run', 'stagePreviews'] as const) {
      const panel = page.locator(`[data-console-panel="${id}"]`);
      await panel.scrollIntoViewIfNeeded();
      await checkScreen(
        page,
        named(`console-${id}-blackout`),
        `[data-console-panel="${id}"]`,
        panel,
      );
    }
    await blackout.click();
    await expect(projector.getByTestId('blackout')).toBeHidden();

    // Each role's join page, as a device without a token first sees it.
    for (const role of GUEST_ROLES) {
      const guest = await context.newPage();
      await guest.setViewportSize(TABLET);
      await guest.goto(`${serve.origin}${PAGE_OF_ROLE[role]}`);
      await expect(guest.getByRole('button', { name: t('join.submit') })).toBeVisible();
      await checkScreen(guest, named(`join-${role}-1024x768`));
      if (JOINS_ON_A_PHONE.has(role)) {
        await guest.setViewportSize(PHONE);
        await checkScreen(guest, named(`join-${role}-390x844`));
      }
      if (role === 'door') {
        // Joined with the code, as the tablet at the door is: its screen as a guest, on a phone.
        await enterAccessCode(guest, code, t);
        await expect(
          guest.getByRole('heading', { name: startingWith(`${t('door.heading')} · `) }),
        ).toBeVisible();
        await expect(LOADED['/door'](guest)).toBeVisible();
        await checkScreen(guest, named('door-joined-390x844'));
      }
      await guest.close();
    }
  }

  // Last, as it leaves the run on a finished speaker: 再次开始该项？, asked when one is started
  // again, in each language. The opening is done once the next speaker starts.
  await chooseLanguage(page, 'zh-CN');
  await page.getByRole('button', { name: startingWith('下一位') }).click();
  await expect(page.getByTestId('run-current')).not.toHaveText('主持人开场');
  const agendaRows = page.getByRole('list', { name: '议程与发言顺序' }).getByRole('listitem');
  await agendaRows.nth(0).getByRole('button', { name: '跳到此项' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('待开始');
  for (const locale of LANGUAGES) {
    const t = wordsOf(locale);
    await chooseLanguage(page, locale);
    await page.getByRole('button', { name: startingWith(t('run.start')) }).click();
    const dialog = page.getByRole('dialog', { name: t('run.againTitle') });
    await expect(dialog).toBeVisible();
    await checkScreen(page, `${locale}-console-run-again`, '[data-testid="run-again"]', page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});
