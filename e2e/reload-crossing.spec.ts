import type { APIResponse, Locator, Page, Route, WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { landHeldAnswer, markHeldBackAnswers } from './held-answer-steps.ts';
import { sampleRequest, type ServeProcess } from './serve-process.ts';

/**
 * A screen reloads what it shows on every (re)connect and hears changes on its socket; the two
 * cross on their way. Issue 16's known fault: a door's tick heard on the new socket while the
 * reload was on its way was undone by the reload's answer (read before the tick) landing after
 * it. The crossing is made here for certain: the reload's answer is read from the server, held
 * back while a person is ticked and the tick is shown, and only then let through.
 */

/** The organizer's calls, as a script over the HTTP control API would make them. */
const organizerOf =
  (serve: ServeProcess) =>
  (method: string, url: string, body?: unknown): Promise<Response> =>
    fetch(`${serve.origin}${url}`, {
      method,
      headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

/** The sample meeting, made as a script over the HTTP control API would make it. */
async function sampleMeeting(serve: ServeProcess) {
  const made = await fetch(
    `${serve.origin}/api/meetings/sample`,
    sampleRequest({ Authorization: `Bearer ${serve.token}` }),
  );
  return (await made.json()) as { meeting: { id: string; title: string }; items: { id: string }[] };
}

/** Keeps what `shown` looks like after the crossing with the test's results, to be looked at. */
async function keepShot(shown: Page | Locator, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await shown.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** The sample meeting with the roster's 11 people, and a door's tick by the organizer's hand. */
async function meetingWithPeople(serve: ServeProcess) {
  const organizer = organizerOf(serve);
  const meetingId = (await sampleMeeting(serve)).meeting.id;
  const added = await organizer('POST', `/api/meetings/${meetingId}/participants/from-roster`);
  const people = ((await added.json()) as { participants: { id: string; name: string }[] })
    .participants;
  const idOf = (name: string) => people.find((p) => p.name === name)?.id as string;
  const signIn = async (name: string) => {
    const path = `/api/meetings/${meetingId}/participants/${idOf(name)}/sign-in`;
    expect((await organizer('POST', path)).status).toBe(200);
  };
  return { meetingId, organizer, signIn };
}

/**
 * The test's hand on a page's socket and on its reload of `reloaded`: cut the socket as a
 * network hiccup would, hold the reconnect's answer back, and let it land when told.
 */
async function crossingOn(page: Page, reloaded: RegExp) {
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/ws/, (socket) => {
    socket.connectToServer();
    sockets.push(socket);
  });
  await markHeldBackAnswers(page);

  return {
    /**
     * Cuts the page's sockets (the console's previews of the stage have their own); resolves
     * with the reconnect's reload answered by the server, held: the first request of `reloaded`
     * made once the page has a new socket. One made before goes through untouched: a read the
     * first connection set off late (a projector reads its meeting again when its socket first
     * opens, which may come after the meeting was shown), or a screen that asks meetings.list
     * as its socket closes, to learn whether it was cut off. Any after it goes through too.
     */
    async reconnectHoldingReload() {
      const cut = [...sockets];
      expect(cut.length).toBeGreaterThan(0);
      let hold: (held: { route: Route; answer: APIResponse }) => void = () => {};
      const held = new Promise<{ route: Route; answer: APIResponse }>((done) => (hold = done));
      let taken = false;
      await page.route(reloaded, async (route) => {
        if (taken || sockets.length === cut.length) return route.continue();
        taken = true;
        hold({ route, answer: await route.fetch() });
      });
      await Promise.all(cut.map((socket) => socket.close()));
      const { route, answer } = await held;
      expect(sockets.length).toBeGreaterThan(cut.length);
      return {
        answer,
        /** Lets the held answer land, and waits until the page has taken it in. */
        async land() {
          await landHeldAnswer(page, route, answer);
          await page.unroute(reloaded);
        },
      };
    },
  };
}

test('a reload answered before a tick and landing after it leaves the projector on the newer figures', async ({
  page,
  serve,
}) => {
  const { meetingId, organizer, signIn } = await meetingWithPeople(serve);
  await organizer('PATCH', `/api/meetings/${meetingId}/seating`, { countsOnProjector: true });
  const crossing = await crossingOn(page, /\/sign-in-counts$/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(serve.screen(`/projector?meeting=${meetingId}`));
  const counts = page.getByTestId('projector-counts');
  await expect(counts).toHaveText('应到 11·已签到 0·请假 0·未到 11');

  // The reconnect's reload is answered 已签到 0, and held back.
  const reload = await crossing.reconnectHoldingReload();
  expect(((await reload.answer.json()) as { counts: { signedIn: number } }).counts.signedIn).toBe(
    0,
  );
  // A door ticks someone meanwhile: the new socket brings it, and the projector shows it.
  await signIn('林一平');
  await expect(counts).toHaveText('应到 11·已签到 1·请假 0·未到 10');
  // The older answer lands last; the newer figures stay.
  await reload.land();
  await expect(counts).toHaveText('应到 11·已签到 1·请假 0·未到 10');
  await keepShot(page, 'projector-after-the-crossing');

  // And the next tick still goes up from there, live.
  await signIn('陈二坪');
  await expect(counts).toHaveText('应到 11·已签到 2·请假 0·未到 9');
});

test('a reload answered before a tick and landing after it leaves the door on the newer list', async ({
  page,
  serve,
}) => {
  const { signIn } = await meetingWithPeople(serve);
  const crossing = await crossingOn(page, /\/api\/door$/);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(serve.screen('/door'));
  const counts = page.getByLabel('人数');
  await expect(counts).toHaveText('应到 11已签到 0请假 0未到 11');
  const ticked = page.getByRole('button', { name: '为林一平签到' });
  await expect(ticked).toHaveAttribute('aria-pressed', 'false');

  // Another door ticks 林一平 while this one's reload (read before) is on its way.
  const reload = await crossing.reconnectHoldingReload();
  await signIn('林一平');
  await expect(ticked).toHaveAttribute('aria-pressed', 'true');
  await reload.land();
  await expect(ticked).toHaveAttribute('aria-pressed', 'true');
  await expect(counts).toHaveText('应到 11已签到 1请假 0未到 10');

  await signIn('陈二坪');
  await expect(counts).toHaveText('应到 11已签到 2请假 0未到 9');
});

test('a reload answered before the stage changed and landing after it leaves the projector on the meeting now on stage', async ({
  page,
  serve,
}) => {
  const organizer = organizerOf(serve);
  const meetingTitled = async (title: string) => {
    const made = await organizer('POST', '/api/meetings', { title, date: '2026-11-25' });
    const id = ((await made.json()) as { meeting: { id: string } }).meeting.id;
    await organizer('POST', `/api/meetings/${id}/items`, { speaker: '林一平' });
    return id;
  };
  const morning = await meetingTitled('上午场座谈会');
  const afternoon = await meetingTitled('下午场座谈会');
  expect((await organizer('POST', '/api/stage', { meetingId: morning })).status).toBe(200);
  const crossing = await crossingOn(page, /\/api\/stage$/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(serve.screen('/projector'));
  const title = page.getByTestId('projector-title');
  await expect(title).toHaveText('上午场座谈会');

  // The organizer puts the afternoon on stage while the projector's reload (read before) waits.
  const reload = await crossing.reconnectHoldingReload();
  expect(((await reload.answer.json()) as { meetingId: string }).meetingId).toBe(morning);
  expect((await organizer('POST', '/api/stage', { meetingId: afternoon })).status).toBe(200);
  await expect(title).toHaveText('下午场座谈会');
  await reload.land();
  await expect(title).toHaveText('下午场座谈会');
});

test('a reload answered before the seating changed and landing after it leaves the projector on the newer chart', async ({
  page,
  serve,
}) => {
  const { meetingId, organizer } = await meetingWithPeople(serve);
  const seating = `/api/meetings/${meetingId}/seating`;
  expect((await organizer('PATCH', seating, { onProjector: true })).status).toBe(200);
  const crossing = await crossingOn(page, /\/seating$/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(serve.screen(`/projector?meeting=${meetingId}`));
  const chart = page.getByTestId('seating-screen');
  await expect(chart).toBeVisible();

  // The organizer takes 请按座次入座 off the screen while the projector's reload waits.
  const reload = await crossing.reconnectHoldingReload();
  expect(((await reload.answer.json()) as { settings: { onProjector: boolean } }).settings).toEqual(
    expect.objectContaining({ onProjector: true }),
  );
  expect((await organizer('PATCH', seating, { onProjector: false })).status).toBe(200);
  await expect(chart).toHaveCount(0);
  await reload.land();
  await expect(chart).toHaveCount(0);
  await expect(page.getByTestId('projector-agenda')).toBeVisible();
});

test('a reload answered before a person was added and landing after it leaves the console’s 参会人员 on the newer list', async ({
  page,
  serve,
}) => {
  const { meetingId, organizer } = await meetingWithPeople(serve);
  const crossing = await crossingOn(page, /\/participants$/);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.screen(`/?meeting=${meetingId}`));
  const panel = page.getByRole('region', { name: /^参会人员（/ });
  const rows = panel.locator('tbody tr');
  await expect(rows).toHaveCount(11);

  // Another organizer's screen (here its HTTP API) adds 周会务 while the console's reload waits.
  const reload = await crossing.reconnectHoldingReload();
  const answered = (await reload.answer.json()) as { participants: unknown[] };
  expect(answered.participants).toHaveLength(11);
  const added = await organizer('POST', `/api/meetings/${meetingId}/participants`, {
    name: '周会务',
    role: 'staff',
  });
  expect(added.status).toBe(201);
  await expect(rows).toHaveCount(12);
  await reload.land();
  await expect(rows).toHaveCount(12);
  await expect(rows.nth(11)).toContainText('周会务');
  await keepShot(panel, 'console-participants-after-the-crossing');
});

test('a reload answered before another note-taker saved a note and landing after it leaves the note on the notes screen', async ({
  page,
  serve,
}) => {
  const organizer = organizerOf(serve);
  const sample = await sampleMeeting(serve);
  const meetingId = sample.meeting.id;
  await organizer('POST', `/api/meetings/${meetingId}/run/next`);
  await organizer('POST', `/api/meetings/${meetingId}/run/next`); // 平湖 is speaking
  const crossing = await crossingOn(page, /\/api\/meetings\/[^/]+\/notes(\?.*)?$/);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(serve.screen(`/notes?meeting=${meetingId}`));
  await expect(page.getByTestId('notes-speaker')).toContainText('平湖街道 林一平');
  const notes = page.getByTestId('note');
  await expect(notes).toHaveCount(3);

  // Another note-taker saves a note on 平湖 while this screen's reload (read before) waits.
  const reload = await crossing.reconnectHoldingReload();
  const written = await organizer(
    'POST',
    `/api/meetings/${meetingId}/items/${sample.items[1]?.id}/notes`,
    {
      kind: 'takeaway',
      text: '另一位记录人写的一条',
    },
  );
  expect(written.status).toBe(201);
  await expect(notes).toHaveCount(4);
  await reload.land();
  await expect(notes).toHaveCount(4);
  await expect(notes.filter({ hasText: '另一位记录人写的一条' })).toHaveCount(1);
  await keepShot(page, 'notes-after-the-crossing');
});

test('a reload answered before an agenda item was added and landing after it leaves the console’s agenda on the newer list', async ({
  page,
  serve,
}) => {
  const organizer = organizerOf(serve);
  const meetingId = (await sampleMeeting(serve)).meeting.id;
  // The console's previews of the stage read the meeting too: hidden, so the reload held back
  // is the console's own.
  await page.addInitScript(() => localStorage.setItem('roundtable.stagePreviews', 'hidden'));
  const crossing = await crossingOn(page, /\/api\/meetings\/[^/?]+$/);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.screen(`/?meeting=${meetingId}`));
  const rows = page.getByRole('list', { name: '议程与发言顺序' }).getByRole('listitem');
  await expect(rows).toHaveCount(13);

  // Another organizer's screen (here its HTTP API) adds 周会务's speech while the reload waits.
  const reload = await crossing.reconnectHoldingReload();
  expect(((await reload.answer.json()) as { items: unknown[] }).items).toHaveLength(13);
  const added = await organizer('POST', `/api/meetings/${meetingId}/items`, {
    kind: 'exchange',
    speaker: '周会务',
    organization: '会务组',
  });
  expect(added.status).toBe(201);
  await expect(rows).toHaveCount(14);
  await reload.land();
  await expect(rows).toHaveCount(14);
  await expect(rows.nth(13)).toContainText('周会务');
  await expect(page.getByTestId('agenda-totals')).toContainText('共 14 项');
  await keepShot(
    page.getByRole('region', { name: '议程与发言顺序' }),
    'console-agenda-after-the-crossing',
  );
});

test('a reload answered before the meeting was retitled and landing after it leaves the projector on the new title', async ({
  page,
  serve,
}) => {
  const organizer = organizerOf(serve);
  const sample = (await sampleMeeting(serve)).meeting;
  const meetingId = sample.id;
  const crossing = await crossingOn(page, /\/api\/meetings\/[^/?]+$/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(serve.screen(`/projector?meeting=${meetingId}`));
  const title = page.getByTestId('projector-title');
  await expect(title).toHaveText(sample.title);

  // The organizer corrects the title while the projector's reload (read before) waits.
  const reload = await crossing.reconnectHoldingReload();
  const answered = (await reload.answer.json()) as { meeting: { title: string } };
  expect(answered.meeting.title).toBe(sample.title);
  const retitled = await organizer('PATCH', `/api/meetings/${meetingId}`, {
    title: '龙岗区基层党建工作经验交流座谈会（第二期）',
  });
  expect(retitled.status).toBe(200);
  await expect(title).toHaveText('龙岗区基层党建工作经验交流座谈会（第二期）');
  await reload.land();
  await expect(title).toHaveText('龙岗区基层党建工作经验交流座谈会（第二期）');
  await keepShot(page, 'projector-title-after-the-crossing');
});

test('a reload answered before the meeting was retitled and landing after it leaves the console’s meeting list on the new title', async ({
  page,
  serve,
}) => {
  const organizer = organizerOf(serve);
  const sample = (await sampleMeeting(serve)).meeting;
  // The previews of the stage would ask for the list too when their sockets close: hidden.
  await page.addInitScript(() => localStorage.setItem('roundtable.stagePreviews', 'hidden'));
  const crossing = await crossingOn(page, /\/api\/meetings$/);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.screen(`/?meeting=${sample.id}`));
  const listed = page.getByRole('navigation', { name: '会议' }).getByRole('listitem');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(sample.title);

  // The console's list reload (after the check it makes as its socket closes) waits while
  // another organizer's screen (here its HTTP API) retitles the meeting and adds a second one.
  const reload = await crossing.reconnectHoldingReload();
  expect(((await reload.answer.json()) as { meetings: unknown[] }).meetings).toHaveLength(1);
  const newTitle = '龙岗区基层党建工作经验交流座谈会（第二期）';
  expect((await organizer('PATCH', `/api/meetings/${sample.id}`, { title: newTitle })).status).toBe(
    200,
  );
  const second = await organizer('POST', '/api/meetings', {
    title: '下午场座谈会',
    date: '2026-11-25',
  });
  expect(second.status).toBe(201);
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: newTitle })).toHaveCount(1);
  await reload.land();
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: newTitle })).toHaveCount(1);
  await expect(listed.filter({ hasText: '下午场座谈会' })).toHaveCount(1);
  await keepShot(
    page.getByRole('navigation', { name: '会议' }),
    'console-meeting-list-after-the-crossing',
  );
});

test('a reload answered before the meeting was deleted and landing after it leaves the projector without it', async ({
  page,
  serve,
}) => {
  const organizer = organizerOf(serve);
  const sample = (await sampleMeeting(serve)).meeting;
  const crossing = await crossingOn(page, /\/api\/meetings\/[^/?]+$/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(serve.screen(`/projector?meeting=${sample.id}`));
  const title = page.getByTestId('projector-title');
  await expect(title).toHaveText(sample.title);

  // The organizer deletes the meeting while the projector's reload (read before) waits.
  const reload = await crossing.reconnectHoldingReload();
  expect(((await reload.answer.json()) as { meeting: { title: string } }).meeting.title).toBe(
    sample.title,
  );
  expect((await organizer('DELETE', `/api/meetings/${sample.id}`)).status).toBe(200);
  await expect(page.getByText('尚无会议')).toBeVisible();
  await reload.land();
  await expect(page.getByText('尚无会议')).toBeVisible();
  await expect(title).toHaveCount(0);
});
