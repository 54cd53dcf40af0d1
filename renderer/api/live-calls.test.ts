import { describe, expect, it } from 'vitest';
import { ApiCallError } from './api-call-error.ts';
import { answerArrived, callOverLive, liveSocketClosed, liveSocketOpened } from './live-calls.ts';

/** A socket as live.ts hands it over: what was sent on it is kept. */
function fakeSocket() {
  const sent: { id: number; method: string; input: unknown }[] = [];
  const socket = {
    readyState: WebSocket.OPEN as number,
    send: (text: string) => sent.push(JSON.parse(text) as (typeof sent)[number]),
  };
  return { socket: socket as unknown as WebSocket, sent, raw: socket };
}

describe('calls on the live socket, on the screen side', () => {
  it('sends a run command or a note write on the open socket and answers with its output', async () => {
    const { socket, sent } = fakeSocket();
    liveSocketOpened(socket);
    const answer = callOverLive('run.pause', { id: 'm1' });
    expect(answer).toBeInstanceOf(Promise);
    expect(sent).toEqual([
      { kind: 'call', id: expect.any(Number), method: 'run.pause', input: { id: 'm1' } },
    ]);
    const id = sent[0]?.id as number;
    expect(answerArrived({ kind: 'answer', id, ok: true, output: { meetingId: 'm1' } })).toBe(true);
    await expect(answer).resolves.toEqual({ meetingId: 'm1' });
    liveSocketClosed(socket);
  });

  it('leaves reads, edits and files to HTTP, and everything when the socket is not open', () => {
    const { socket, raw } = fakeSocket();
    liveSocketOpened(socket);
    expect(callOverLive('meetings.get', { id: 'm1' })).toBeUndefined();
    expect(callOverLive('agenda.add', { id: 'm1' })).toBeUndefined();
    raw.readyState = WebSocket.CLOSING;
    expect(callOverLive('run.pause', { id: 'm1' })).toBeUndefined();
    liveSocketClosed(socket);
    expect(callOverLive('run.pause', { id: 'm1' })).toBeUndefined();
  });

  it('sends a note too large for a message over HTTP', () => {
    const { socket } = fakeSocket();
    liveSocketOpened(socket);
    const text = '长'.repeat(30_000); // 90,000 bytes in UTF-8
    expect(callOverLive('notes.create', { id: 'm1', itemId: 'i1', text })).toBeUndefined();
    liveSocketClosed(socket);
  });

  it('fails with the server’s refusal, worded by its reason', async () => {
    const { socket, sent } = fakeSocket();
    liveSocketOpened(socket);
    const answer = callOverLive('run.pause', { id: 'm1' });
    const error = { code: 'conflict', message: 'not running', reason: 'run.notRunning' };
    answerArrived({ kind: 'answer', id: sent[0]?.id, ok: false, status: 409, error });
    const thrown = await answer?.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiCallError);
    expect(thrown).toMatchObject({ status: 409, code: 'conflict', reason: 'run.notRunning' });
    liveSocketClosed(socket);
  });

  it('fails a call whose socket closed before the answer, and does not send it again', async () => {
    const { socket, sent } = fakeSocket();
    liveSocketOpened(socket);
    const answer = callOverLive('notes.create', { id: 'm1', itemId: 'i1', text: '一条' });
    liveSocketClosed(socket);
    const thrown = await answer?.catch((e: unknown) => e);
    expect(thrown).toMatchObject({ status: 0, code: 'network' });
    // A late answer for it (there is none on a closed socket) would change nothing.
    expect(answerArrived({ kind: 'answer', id: sent[0]?.id, ok: true, output: {} })).toBe(true);
    expect(sent).toHaveLength(1);
  });
});
