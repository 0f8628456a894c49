import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n.ts';
import { makeMe, mockFetch, signIn } from '../test/render.tsx';
import { ApiError, api } from './client.ts';

describe('API client', () => {
  it('sends the language, the CSRF token on writes and the idempotency key', async () => {
    signIn(makeMe([]));
    await i18n.changeLanguage('es');
    const requests = mockFetch(() => ({ status: 201, body: { id: 'x' } }));
    await api.post('/children', { givenName: 'A' }, { idempotencyKey: 'key-1' });
    await api.get('/children');
    const [post, get] = requests;
    expect(post?.headers.get('Accept-Language')).toBe('es');
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-token-123');
    expect(post?.headers.get('Idempotency-Key')).toBe('key-1');
    expect(get?.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('turns the error body into an ApiError with its issues', async () => {
    mockFetch(() => ({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Faltan algunos campos.',
          details: { issues: [{ path: 'name', message: 'Demasiado corto' }] },
        },
      },
    }));
    const error = await api.post('/agencies', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).message).toBe('Faltan algunos campos.');
    expect((error as ApiError).issues).toEqual([{ path: 'name', message: 'Demasiado corto' }]);
  });

  it('returns undefined for 204', async () => {
    mockFetch(() => ({ status: 204 }));
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });
});
