import type { ApiErrorCode } from '../api/contract.ts';

/** A failure the caller caused; the server turns it into a 4xx with this code and message. */
export class ServiceError extends Error {
  readonly code: Exclude<ApiErrorCode, 'internal'>;
  readonly field: string | undefined;
  constructor(code: Exclude<ApiErrorCode, 'internal'>, message: string, field?: string) {
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
