import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../../test/fixtures.ts';
import { makeMe, mockFetch, type RecordedRequest, renderApp, signIn } from '../../../test/render.tsx';

const caseworker = () => makeMe(['child:create', 'child:read', 'child:list', 'case:work']);

/** The input whose label starts with `label` (plain DOM queries: role queries are slow on a form this size). */
function inputLabelled(label: string): HTMLInputElement {
  const found = [...document.querySelectorAll('label')].find((element) => element.textContent?.trim().replace(/\s*\*$/, '') === label);
  const input = found?.htmlFor ? document.getElementById(found.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no input labelled ${label}`);
  return input;
}

/** Opens the select labelled `label` and picks `option`. */
function pick(label: string, option: string) {
  fireEvent.click(inputLabelled(label));
  const listbox = document.getElementById(inputLabelled(label).getAttribute('aria-controls') ?? '');
  const choice = [...(listbox ?? document).querySelectorAll('[role="option"]')].find((element) => element.textContent === option);
  if (!choice) throw new Error(`no option ${option} for ${label}`);
  fireEvent.click(choice);
}

async function openForm(): Promise<RecordedRequest[]> {
  signIn(caseworker());
  const requests = mockFetch((req) => {
    if (req.url.endsWith('/children/duplicate-check')) return { status: 200, body: { items: [] } };
    if (req.method === 'POST' && req.url.endsWith('/children')) return { status: 201, body: makeChild() };
    return undefined;
  });
  renderApp('/children/new');
  await screen.findByRole('heading', { level: 1, name: 'Register a child' }, { timeout: 5000 });
  fireEvent.change(screen.getByRole('textbox', { name: 'Given name (part 1)' }), { target: { value: 'سمير' } });
  pick('Sex', 'Male');
  return requests;
}

async function submitted(requests: RecordedRequest[]) {
  fireEvent.click(screen.getByRole('button', { name: 'Register' }));
  await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/v1/children'))).toBe(true));
  return requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/children'))?.body as Record<string, unknown>;
}

describe('registration: functioning, route and other spellings', () => {
  it('suggests the Child Functioning Module 5–17 for a child of 11, shows the result live and sends the answers', async () => {
    const requests = await openForm();
    fireEvent.change(inputLabelled('Date of birth'), { target: { value: '2015-06-01' } });
    fireEvent.click(screen.getByRole('switch', { name: /Record a functioning screening/ }));
    expect(screen.getByText('Suggested for the child’s age: Child Functioning Module, ages 5–17')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Not enough answers');

    pick('Difficulty seeing (with glasses if worn)?', 'A lot of difficulty');
    expect(screen.getByRole('status').textContent).toBe('Functional difficulty identified: seeing');
    for (const question of [
      'Difficulty hearing (with a hearing aid if used)?',
      'Difficulty walking 100 or 500 metres on level ground?',
      'Difficulty with self-care, such as feeding or dressing?',
      'Difficulty being understood by people inside the household?',
      'Difficulty being understood by people outside the household?',
      'Difficulty learning things?',
      'Difficulty remembering things?',
      'Difficulty concentrating on an activity they enjoy?',
      'Difficulty accepting changes in routine?',
      'Compared with children of the same age, difficulty controlling their behaviour?',
      'Difficulty making friends?',
    ]) {
      pick(question, 'No difficulty');
    }
    pick('How often does the child seem very anxious, nervous or worried?', 'Daily');
    pick('How often does the child seem very sad or depressed?', 'Never');
    expect(screen.getByRole('status').textContent).toBe('Functional difficulty identified: seeing and anxiety');

    const body = await submitted(requests);
    expect(body.disability).toEqual({
      instrument: 'CFM-5-17',
      answers: {
        seeing: 'a_lot_of_difficulty',
        hearing: 'no_difficulty',
        walking: 'no_difficulty',
        selfCare: 'no_difficulty',
        communicationInsideHousehold: 'no_difficulty',
        communicationOutsideHousehold: 'no_difficulty',
        learning: 'no_difficulty',
        remembering: 'no_difficulty',
        concentrating: 'no_difficulty',
        acceptingChange: 'no_difficulty',
        controllingBehaviour: 'no_difficulty',
        makingFriends: 'no_difficulty',
        anxiety: 'daily',
        depression: 'never',
      },
    });
  }, 90_000);

  it('offers the module for ages 2–4 with its behaviour scale, and warns when the short set does not fit the age', async () => {
    const requests = await openForm();
    fireEvent.change(inputLabelled('Date of birth'), { target: { value: '2023-06-01' } });
    fireEvent.click(screen.getByRole('switch', { name: /Record a functioning screening/ }));
    pick('Questionnaire', 'Washington Group short set (ages 5 and over)');
    expect(screen.getByText('This questionnaire is not designed for the child’s age.')).toBeTruthy();
    pick('Questionnaire', 'Child Functioning Module, ages 2–4');
    expect(screen.queryByText('This questionnaire is not designed for the child’s age.')).toBeNull();
    for (const question of [
      'Difficulty seeing (with glasses if worn)?',
      'Difficulty hearing (with a hearing aid if used)?',
      'Difficulty walking (with equipment or help if used)?',
      'Difficulty picking up small objects with the hand?',
      'Difficulty understanding you?',
      'Difficulty being understood by you when speaking?',
      'Difficulty learning things?',
      'Difficulty playing?',
    ]) {
      pick(question, 'No difficulty');
    }
    pick('Compared with children of the same age, how much does the child kick, bite or hit other children or adults?', 'The same');
    expect(screen.getByRole('status').textContent).toBe('Not identified');
    const body = await submitted(requests);
    expect(body.disability).toMatchObject({ instrument: 'CFM-2-4', answers: { playing: 'no_difficulty', controllingBehaviour: 'same' } });
  }, 90_000);

  it('sends the route in the order set, with its dates, and other spellings of a name part', async () => {
    const requests = await openForm();
    const spellings = inputLabelled('Other spellings (part 1)');
    // Mantine ignores changes to an input that does not have the focus (autofill).
    act(() => spellings.focus());
    fireEvent.change(spellings, { target: { value: 'Samir' } });
    fireEvent.keyDown(spellings, { key: 'Enter' });
    fireEvent.change(spellings, { target: { value: 'Sameer' } });
    fireEvent.keyDown(spellings, { key: ',' });

    fireEvent.click(screen.getByRole('button', { name: 'Add a country' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a country' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a country' }));
    pick('Country (stop 1)', 'Syria');
    pick('Country (stop 2)', 'Greece');
    fireEvent.change(inputLabelled('From (stop 2)'), { target: { value: '2025-01-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove stop 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move stop 2 up' }));
    expect(screen.getByRole('button', { name: 'Move stop 1 up' })).toHaveProperty('disabled', true);

    const body = await submitted(requests);
    expect(body.route).toEqual([{ country: 'GR', from: '2025-01-10' }, { country: 'SY' }]);
    expect(body.names).toEqual([{ type: 'given', value: 'سمير', romanisations: ['Samir', 'Sameer'] }]);
  });
});
