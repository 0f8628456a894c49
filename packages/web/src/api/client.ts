import type { Me } from '@haven/domain';
import i18n from '../i18n/i18n.ts';
import { ApiError } from './ApiError.ts';
import { queryClient } from './queryClient.ts';
import { sessionKey } from './session.ts';

export { ApiError, type ApiIssue } from './ApiError.ts';

export interface RequestOptions {
  body?: unknown;
  /** Sent as `Idempotency-Key` so that a retried create is applied once. */
  idempotencyKey?: string;
  /** Extra headers, such as `If-Match` with the version an update is based on. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Raw bytes sent as they are (a photo, say), with their own `Content-Type`, instead of a JSON `body`. */
  bytes?: { data: Blob; contentType: string };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const BASE = '/api/v1';

/** Paths whose request must not carry the CSRF token (there is no session yet). */
const withoutCsrf = new Set(['/auth/login']);

function csrfToken(): string | undefined {
  return queryClient.getQueryData<Me | null>(sessionKey)?.csrfToken;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy error page, say): fall through to the generic message.
  }
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  const code = typeof error?.code === 'string' ? error.code : 'http_error';
  const message =
    typeof error?.message === 'string' && error.message !== '' ? error.message : i18n.t('errors.http', { status: response.status });
  return new ApiError(response.status, code, message, isRecord(error?.details) ? error.details : {});
}

/** The one way the UI talks to the server. Resolves with the parsed JSON body (`undefined` for 204). */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': i18n.resolvedLanguage ?? i18n.language ?? 'en',
  };
  if (options.bytes) headers['Content-Type'] = options.bytes.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && !withoutCsrf.has(path)) {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.bytes ? options.bytes.data : options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  /** Sends raw bytes (an image, say) with their content type. */
  putBytes: <T>(path: string, data: Blob, contentType: string, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, bytes: { data, contentType } }),
  /** Reads a binary resource (an image, say); errors are the usual JSON ones. */
  getBlob: async (path: string, options: Pick<RequestOptions, 'signal'> = {}): Promise<Blob> => {
    let response: Response;
    try {
      response = await fetch(`${BASE}${path}`, {
        method: 'GET',
        headers: { Accept: 'image/*, application/json', 'Accept-Language': i18n.resolvedLanguage ?? i18n.language ?? 'en' },
        credentials: 'same-origin',
        signal: options.signal ?? null,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, 'network_error', i18n.t('errors.network'));
    }
    if (!response.ok) throw await toApiError(response);
    return response.blob();
  },
};

/** Builds `path?key=value…`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
