import { type ErrorCode, errorMessage, HavenError, type Locale } from '@haven/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { isUniqueViolation } from '../db/databaseErrors.ts';
import { httpStatus } from './httpStatus.ts';

/** A request that failed schema validation, with the raw issues so they can be worded per locale. */
export class RequestValidationError extends Error {
  readonly issues: readonly $ZodIssue[];
  readonly part: string;
  constructor(issues: readonly $ZodIssue[], part: string) {
    super('validation failed');
    this.issues = issues;
    this.part = part;
  }
}

const zodLocales: Record<Locale, () => { localeError: (issue: never) => unknown }> = {
  en: z.locales.en,
  fr: z.locales.fr,
  es: z.locales.es,
  ar: z.locales.ar,
};

function localiseIssue(issue: $ZodIssue, locale: Locale): string {
  const text = zodLocales[locale]().localeError(issue as never);
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object' && 'message' in text && typeof text.message === 'string') return text.message;
  return issue.message;
}

/** Fastify error codes for malformed requests: the user's input, so 4xx, never 500. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_INVALID_URL: 'bad_request',
  FST_ERR_BAD_URL: 'bad_request',
};

export function sendError(reply: FastifyReply, locale: Locale, code: ErrorCode, details: Record<string, unknown> = {}): FastifyReply {
  return reply.status(httpStatus(code)).send({ error: { code, message: errorMessage(locale, code), details } });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale;
    if (error instanceof HavenError) return sendError(reply, locale, error.code, error.details);
    if (error instanceof RequestValidationError) {
      return sendError(reply, locale, 'validation_failed', {
        part: error.part,
        issues: error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: localiseIssue(issue, locale) })),
      });
    }
    // Repositories check uniqueness first; this is the request that lost a race between check and write.
    if (isUniqueViolation(error)) return sendError(reply, locale, 'conflict');
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendError(reply, locale, mapped);
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      return sendError(reply, locale, error.statusCode === 429 ? 'rate_limited' : 'bad_request');
    }
    // Unknown: log the error (never the request body) and say nothing of the cause.
    request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, 'unhandled error');
    return sendError(reply, locale, 'internal_error');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, request.locale, 'route_not_found'));
}
