import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionInput } from '../api/sharing.ts';
import { readBody, sendError, sendJson } from './http-util.ts';
import type { LanSharing } from './lan-sharing.ts';
import { describeIssue } from './routes.ts';

/**
 * `POST /api/session {"code": "123456"}`: a device on the local network trades the access code
 * the organizer shows for a guest token. No token is needed to ask; wrong codes are counted.
 */
export async function exchangeAccessCode(
  req: IncomingMessage,
  res: ServerResponse,
  sharing: LanSharing,
  onJoined: () => void,
): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 'invalid_input', 'use POST', undefined, 405);
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, 1024)) || '{}');
  } catch {
    return sendError(res, 'invalid_input', 'body: not valid JSON', 'body');
  }
  const parsed = sessionInput.safeParse(body);
  if (!parsed.success) {
    // An unknown field is named, not blamed on the code.
    const { field, message } = describeIssue(parsed.error.issues[0]);
    return sendError(res, 'invalid_input', `${field}: ${message}`, field);
  }
  const outcome = sharing.exchangeCode(
    parsed.data.code,
    req.socket.remoteAddress ?? '',
    parsed.data.role,
    req.headers['user-agent'] ?? '',
  );
  if (outcome === 'off') return sendError(res, 'forbidden', 'sharing is off');
  if (outcome === 'locked') {
    return sendError(res, 'forbidden', 'too many wrong codes: wait a minute', 'code', 429);
  }
  if (outcome === 'wrong') return sendError(res, 'unauthorized', 'wrong access code', 'code');
  sendJson(res, 200, outcome);
  onJoined();
}
