// Checks a value against an API schema and says, in one line, where and why it does not fit.
import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';

const collect = (iterator: Iterable<ValueError>): ValueError[] => [...iterator];

/**
 * The error to report for a union that no variant matched: the variant the value was meant to be is
 * the one whose literals (`kind`, `role`) it matches — fewest literal mismatches, then fewest errors.
 */
function unionError(error: ValueError): ValueError {
  let best: ValueError[] | undefined;
  let bestScore: [number, number] = [Infinity, Infinity];
  for (const variant of error.errors) {
    const errors = collect(variant);
    const score: [number, number] = [errors.filter((e) => e.type === ValueErrorType.Literal).length, errors.length];
    if (errors.length > 0 && (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1]))) {
      best = errors;
      bestScore = score;
    }
  }
  const first = best?.[0];
  return first ? deepest(first) : error;
}

const deepest = (error: ValueError): ValueError => (error.type === ValueErrorType.Union && error.errors.length > 0 ? unionError(error) : error);

function reason(error: ValueError): string {
  const allowed: unknown = (error.schema as { enum?: unknown }).enum;
  if (Array.isArray(allowed)) return `must be one of ${allowed.join(', ')}`;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty: return 'is required';
    case ValueErrorType.Literal: return `must be ${JSON.stringify((error.schema as { const?: unknown }).const)}`;
    case ValueErrorType.StringFormat: return `must be a ${String((error.schema as { format?: unknown }).format)} string`;
    case ValueErrorType.StringMinLength: {
      const min = (error.schema as { minLength?: unknown }).minLength;
      return min === 1 ? 'must not be empty' : `must be at least ${String(min)} characters long`;
    }
    default: return /^Expected \w+$/.test(error.message) ? error.message.replace(/^Expected /, 'must be ') : `does not fit (${error.message})`;
  }
}

/** Undefined when `value` fits `schema`; else `<JSON pointer> <reason>` for the first misfit (`/entries/0/outcome must be one of …`). */
export function schemaMisfit(schema: TSchema, value: unknown): string | undefined {
  if (Value.Check(schema, value)) return undefined;
  const first = Value.Errors(schema, value).First();
  if (!first) return '/ does not fit';
  const error = deepest(first);
  return `${error.path === '' ? '/' : error.path} ${reason(error)}`;
}
