import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionInput } from '../api/sharing.ts';
import type { ApiError } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import { readBody, sendError, sendJson } from './http-util.ts';
import type { LanSharing } from './lan-sharing.ts';
import { describeIssue } from './routes.ts';

/**
 * `POST /api/session {"code": "123456"}`: a device on the local network trades the access code
 * the organizer shows for a guest token. No token is needed to ask; wrong codes are counted,
 * from every address together (code-lockout.ts).
 */
export async function exchangeAccessCode(
  req: IncomingMessage,
  res: ServerResponse,
  sharing: LanSharing,
): Promise<void> {
  if (req.method !== 'POST') {
    const why = detail('server.wrongMethod', { method: req.method ?? '', path: '/api/session' });
    return sendError(res, 'invalid_input', 'use POST', undefined, 405, why);
  }
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, 1024)) || '{}');
  } catch {
    const why = detail('body.notJson');
    return sendError(res, 'invalid_input', 'body: not valid JSON', 'body', undefined, why);
  }
  const parsed = sessionInput.safeParse(body);
  if (!parsed.success) {
    // An unknown field is named, not blamed on the code.
    const { field, message, detail: why } = describeIssue(parsed.error.issues[0]);
    return sendError(res, 'invalid_input', `${field}: ${message}`, field, undefined, why);
  }
  const outcome = sharing.exchangeCode(
    parsed.data.code,
    req.socket.remoteAddress ?? '',
    parsed.data.role,
    req.headers['user-agent'] ?? '',
  );
  switch (outcome.kind) {
    case 'off':
      return sendError(res, 'unavailable', 'sharing is off', undefined, 503, detail('sharing.off'));
    case 'removed':
      return sendError(
        res,
        'forbidden',
        'this device was removed by the organizer: it may join again once the organizer allows it',
        undefined,
        undefined,
        detail('sharing.removed'),
      );
    case 'locked': {
      const seconds = Math.ceil(outcome.retryAfterMs / 1000);
      const body: ApiError = {
        error: {
          code: 'forbidden',
          message: `too many wrong codes: joining is shut for ${seconds} s and the code was replaced; ask the organizer for the new one`,
          field: 'code',
          ...detail('sharing.locked', { seconds }),
        },
      };
      return sendJson(res, 429, body, { 'Retry-After': String(seconds) });
    }
    case 'wrong':
      return sendError(res, 'unauthorized', 'wrong access code', 'code', undefined, {
        reason: 'sharing.wrongCode',
      });
    case 'joined': {
      const { kind: _kind, ...joined } = outcome;
      return sendJson(res, 200, joined);
    }
  }
  outcome satisfies never;
}
