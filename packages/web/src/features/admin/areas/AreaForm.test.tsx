import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeMe, mockFetch, renderWithProviders, signIn } from '../../../test/render.tsx';
import type { AdminArea } from '../../codes/adminAreas.ts';
import { AreaForm } from './AreaForm.tsx';

const attica: AdminArea = {
  code: 'GR-I',
  jurisdiction: 'GR',
  parentCode: null,
  level: 1,
  names: { en: 'Attica', fr: 'Attique', es: 'Ática', ar: 'أتيكا' },
};

const puts = () => mockFetch((req) => (req.method === 'PUT' ? { status: 200, body: { saved: 1 } } : undefined));

describe('area form', () => {
  it('adds an area under its parent, one level down, with the names given', async () => {
    signIn(makeMe(['agency:read', 'agency:manage']));
    const requests = puts();
    const onDone = vi.fn();
    renderWithProviders(<AreaForm edit={{ mode: 'add', parent: attica, jurisdiction: 'GR' }} onDone={onDone} />);
    const code = screen.getByRole('textbox', { name: /Code/ }) as HTMLInputElement;
    expect(code.value).toBe('GR-I-');
    fireEvent.change(code, { target: { value: 'gr-i-pir' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Name in English/ }), { target: { value: 'Piraeus' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Name in Arabic/ }), { target: { value: 'بيريوس' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.url).toBe('/api/v1/admin-areas');
    expect(requests[0]?.body).toEqual({
      areas: [{ code: 'GR-I-PIR', jurisdiction: 'GR', parentCode: 'GR-I', level: 2, names: { en: 'Piraeus', ar: 'بيريوس' } }],
    });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('refuses a code that does not extend the parent’s, and a missing English name', async () => {
    signIn(makeMe(['agency:read', 'agency:manage']));
    const requests = puts();
    renderWithProviders(<AreaForm edit={{ mode: 'add', parent: attica, jurisdiction: 'GR' }} onDone={() => {}} />);
    fireEvent.change(screen.getByRole('textbox', { name: /Code/ }), { target: { value: 'GR-A-PIR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The code must start with the code of the area it is in, then a dash.')).toBeTruthy();
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it('renames an area in every language, keeping its place in the hierarchy', async () => {
    signIn(makeMe(['agency:read', 'agency:manage']));
    const requests = puts();
    renderWithProviders(<AreaForm edit={{ mode: 'rename', area: attica }} onDone={() => {}} />);
    expect(screen.queryByRole('textbox', { name: /Code/ })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: /Name in French/ }), { target: { value: 'Attique (région)' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Name in Spanish/ }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toEqual({
      areas: [
        { code: 'GR-I', jurisdiction: 'GR', parentCode: null, level: 1, names: { en: 'Attica', fr: 'Attique (région)', ar: 'أتيكا' } },
      ],
    });
  });
});
