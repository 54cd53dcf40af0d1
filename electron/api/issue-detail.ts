import type { z } from 'zod';
import { detail, type ApiErrorDetail } from './error-reasons.ts';

/** A schema's issue as a reason the client words: the limit it broke, by kind. */
export function issueDetail(issue: z.core.$ZodIssue, field: string): ApiErrorDetail {
  const isString = 'origin' in issue && issue.origin === 'string';
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (isString && min <= 1) return detail('field.required', { field });
      return detail(isString ? 'field.tooShort' : 'field.tooSmall', { field, min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return detail(isString ? 'field.tooLong' : 'field.tooBig', { field, max });
    }
    case 'invalid_type':
      return detail('field.invalidType', { field });
    case 'invalid_format':
      return detail('field.invalidFormat', { field });
    case 'invalid_value':
      return detail('field.invalidValue', { field });
    case 'unrecognized_keys':
      return detail('field.unknown', { field });
    default:
      return detail('field.invalid', { field });
  }
}
