import type { ApiErrorCode } from '../api/contract.ts';

/** The codes of failures a service names: not a bug (internal), not the machine (storage_full). */
type ServiceErrorCode = Exclude<ApiErrorCode, 'internal' | 'storage_full'>;

/** A failure the caller caused; the server turns it into a 4xx with this code and message. */
export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly field: string | undefined;
  constructor(code: ServiceErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.field = field;
  }
}

export const notFound = (what: string, id: string) =>
  new ServiceError('not_found', `${what} ${id} does not exist`);

export const invalidInput = (field: string, message: string) =>
  new ServiceError('invalid_input', `${field}: ${message}`, field);
