import type { ApiError } from '../../electron/api/contract.ts';

/** A failed call, with the server's code, message and the field it blames. */
export class ApiCallError extends Error {
  readonly status: number;
  readonly code: ApiError['error']['code'] | 'network';
  readonly field: string | undefined;
  /** Why, for the catalogs to word (`reason.<name>`), and what the wording needs. */
  readonly reason: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(
    status: number,
    body: ApiError['error'] | { code: 'network'; message: string; field?: string },
  ) {
    super(body.message);
    this.name = 'ApiCallError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.reason = 'reason' in body ? body.reason : undefined;
    this.params = 'params' in body ? body.params : undefined;
  }
}
