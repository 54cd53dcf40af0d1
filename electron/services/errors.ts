import type { ApiErrorCode } from '../api/contract.ts';
import type { ApiErrorDetail } from '../api/error-reasons.ts';

/** The codes of failures a service names: not a bug (internal), not the machine (storage_full). */
type ServiceErrorCode = Exclude<ApiErrorCode, 'internal' | 'storage_full'>;

/**
 * A failure the caller caused; the server turns it into a 4xx with this code and message, and
 * the reason and params the client words it by.
 */
export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly field: string | undefined;
  readonly detail: ApiErrorDetail | undefined;
  constructor(code: ServiceErrorCode, message: string, field?: string, detail?: ApiErrorDetail) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.field = field;
    this.detail = detail;
  }
}

export const notFound = (what: string, id: string) =>
  new ServiceError('not_found', `${what} ${id} does not exist`, undefined, {
    reason: 'server.notFound',
  });

export const invalidInput = (field: string, message: string, detail?: ApiErrorDetail) =>
  new ServiceError('invalid_input', `${field}: ${message}`, field, detail);
