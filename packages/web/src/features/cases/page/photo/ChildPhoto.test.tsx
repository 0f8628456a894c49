import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseworkerId, childId, makeCaseView, makeChild } from '../../../../test/fixtures.ts';
import { makeMe, mockFetch, type RecordedRequest, renderApp, signIn } from '../../../../test/render.tsx';

type Reply = { status: number; body?: unknown } | undefined;

function caseworker() {
  const me = makeMe(['child:read', 'child:update', 'child:list', 'case:work']);
  return { ...me, user: { ...me.user, id: caseworkerId } };
}

/** A case whose child has no photo yet; uploads go to `onUpload`. */
function serve(onUpload: (request: RecordedRequest) => Reply): RecordedRequest[] {
  return mockFetch((request) => {
    if (request.url.endsWith(`/children/${childId}/photo`)) return request.method === 'PUT' ? onUpload(request) : undefined;
    if (request.url.endsWith(`/children/${childId}/case`)) return { status: 200, body: makeCaseView() };
    if (request.url.endsWith(`/children/${childId}`)) return { status: 200, body: makeChild({ hasPhoto: false }) };
    if (request.url.includes('/notifications')) return { status: 200, body: { unread: 0, items: [] } };
    if (request.url.includes('/admin-areas')) return { status: 200, body: { items: [] } };
    return undefined;
  });
}

async function choosePhoto(file: File) {
  renderApp(`/children/${childId}?tab=profile`);
  await screen.findByRole('heading', { level: 3, name: 'Photo' }, { timeout: 5000 });
  expect(screen.getByText('No photo')).toBeTruthy();
  screen.getByRole('button', { name: 'Choose a photo' });
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [file] } });
}

const uploads = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT' && r.url.endsWith('/photo'));

describe('the child’s photo', () => {
  it('uploads the chosen file as it is, with its content type and the CSRF token', async () => {
    signIn(caseworker());
    const requests = serve(() => ({ status: 204 }));
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'samir.jpg', { type: 'image/jpeg' });
    await choosePhoto(file);
    await waitFor(() => expect(uploads(requests)).toHaveLength(1));
    const [upload] = uploads(requests);
    expect(upload?.url).toBe(`/api/v1/children/${childId}/photo`);
    expect(upload?.headers.get('Content-Type')).toBe('image/jpeg');
    expect(upload?.headers.get('X-CSRF-Token')).toBe('csrf-token-123');
    expect(upload?.raw).toBe(file);
    expect(await screen.findByText('Photo saved.')).toBeTruthy();
  });

  it('explains a refusal for missing photo consent in the user’s language and leads to the consents', async () => {
    signIn(caseworker());
    serve(() => ({
      status: 409,
      body: {
        error: {
          code: 'consent_required',
          message: 'Il manque un consentement valide pour la photo.',
          details: { scope: 'photo', missing: ['child_consent'] },
        },
      },
    }));
    await choosePhoto(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'samir.png', { type: 'image/png' }));
    expect(await screen.findByText('Il manque un consentement valide pour la photo.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go to consents' }));
    expect(await screen.findByRole('heading', { name: 'Consents', level: 2 })).toBeTruthy();
  });

  it('refuses a file over 3 MB without sending it', async () => {
    signIn(caseworker());
    const requests = serve(() => ({ status: 204 }));
    await choosePhoto(new File([new Uint8Array(3 * 1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByText('This file is larger than 3 MB. Choose a smaller photo.')).toBeTruthy();
    expect(uploads(requests)).toHaveLength(0);
  });
});
