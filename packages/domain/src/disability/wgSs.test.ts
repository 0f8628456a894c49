import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { DifficultyAnswer, difficultyLevels, WgSsAnswers, wgSsDomains } from './answers.ts';
import { type WgSsIdentifiers, wgSsIdentifiers, wgSsSevereDomains } from './wgSs.ts';

const Fixture = z.object({
  vectors: z
    .array(
      z.object({
        id: z.string(),
        note: z.string(),
        answers: WgSsAnswers.strict(),
        expected: z.object({
          disability1: z.boolean().nullable(),
          disability2: z.boolean().nullable(),
          disability3: z.boolean().nullable(),
          disability4: z.boolean().nullable(),
          missing: z.number().int(),
        }),
      }),
    )
    .min(50),
});
const fixture = Fixture.parse(JSON.parse(readFileSync(new URL('./fixtures/wg-ss-vectors.json', import.meta.url), 'utf8')));

/** The four identifiers straight from their definitions, for a vector without missing answers. */
function definition(values: readonly string[]): [boolean, boolean, boolean, boolean] {
  let some = 0;
  let severe = 0;
  let cannot = 0;
  for (const value of values) {
    if (value === 'some_difficulty') some++;
    if (value === 'a_lot_of_difficulty' || value === 'cannot_do_at_all') severe++;
    if (value === 'cannot_do_at_all') cannot++;
  }
  return [some + severe >= 1, some >= 2 || severe >= 1, severe >= 1, cannot >= 1];
}

/** Every way of filling the missing answers with a difficulty level. */
function completions(values: readonly string[], from = 0, prefix: string[] = [], out: string[][] = []): string[][] {
  if (from === values.length) {
    out.push(prefix);
    return out;
  }
  const value = values[from] ?? '';
  const options = value === 'dont_know' || value === 'refused' ? difficultyLevels : [value];
  for (const option of options) completions(values, from + 1, [...prefix, option], out);
  return out;
}

/** Independent oracle: an identifier is known when every completion agrees, else null. */
function oracle(values: readonly string[]): [boolean | null, boolean | null, boolean | null, boolean | null] {
  const outcomes = completions(values).map(definition);
  const agreed = (index: number) => {
    const first = outcomes[0]?.[index] ?? null;
    return outcomes.every((outcome) => outcome[index] === first) ? first : null;
  };
  return [agreed(0), agreed(1), agreed(2), agreed(3)];
}

function asTuple(result: WgSsIdentifiers) {
  return [result.disability1, result.disability2, result.disability3, result.disability4];
}

function vector(values: readonly DifficultyAnswer[]): WgSsAnswers {
  return Object.fromEntries(wgSsDomains.map((domain, index) => [domain, values[index]])) as WgSsAnswers;
}

describe('wgSsIdentifiers: fixture of hand-derived vectors', () => {
  for (const { id, note, answers, expected } of fixture.vectors) {
    test(`${id}: ${note}`, () => {
      assert.deepEqual(wgSsIdentifiers(answers), expected);
    });
  }

  test('the fixture has no duplicate vectors and covers every level and every identifier value', () => {
    const ids = fixture.vectors.map((entry) => entry.id.replace(/^wg\d+-/, ''));
    assert.equal(new Set(ids).size, ids.length);
    for (const level of DifficultyAnswer.options) {
      assert.ok(
        fixture.vectors.some((entry) => Object.values(entry.answers).includes(level)),
        level,
      );
    }
    for (const key of ['disability1', 'disability2', 'disability3', 'disability4'] as const) {
      for (const value of [true, false, null]) {
        assert.ok(
          fixture.vectors.some((entry) => entry.expected[key] === value),
          `${key}=${value}`,
        );
      }
    }
  });
});

describe('wgSsIdentifiers: every one of the 6^6 answer vectors', () => {
  const all = completionsOfAll();
  function completionsOfAll(): DifficultyAnswer[][] {
    return wgSsDomains.reduce<DifficultyAnswer[][]>(
      (partials) => partials.flatMap((partial) => DifficultyAnswer.options.map((answer) => [...partial, answer])),
      [[]],
    );
  }

  test('agrees with the oracle: null exactly when the missing answers could change the identifier', () => {
    assert.equal(all.length, 6 ** 6);
    for (const values of all) {
      assert.deepEqual(asTuple(wgSsIdentifiers(vector(values))), oracle(values), values.join(','));
    }
  });

  test('identifiers are nested: DISABILITY4 ⊂ 3 ⊂ 2 ⊂ 1', () => {
    for (const values of all) {
      const [d1, d2, d3, d4] = asTuple(wgSsIdentifiers(vector(values)));
      if (d4 === true) assert.equal(d3, true);
      if (d3 === true) assert.equal(d2, true);
      if (d2 === true) assert.equal(d1, true);
      if (d1 === false) assert.deepEqual([d2, d3, d4], [false, false, false]);
    }
  });

  test('missing_as_no_difficulty: missing answers count as no difficulty unless all six are missing', () => {
    for (const values of all) {
      const result = wgSsIdentifiers(vector(values), { missingRule: 'missing_as_no_difficulty' });
      const filled = values.map((value) => (value === 'dont_know' || value === 'refused' ? 'no_difficulty' : value));
      const expected = result.missing === 6 ? [null, null, null, null] : definition(filled);
      assert.deepEqual(asTuple(result), expected, values.join(','));
    }
  });
});

describe('wgSsIdentifiers: examples', () => {
  test('missing counts dont know and refused', () => {
    const answers = vector(['dont_know', 'refused', 'no_difficulty', 'no_difficulty', 'no_difficulty', 'no_difficulty']);
    assert.equal(wgSsIdentifiers(answers).missing, 2);
  });

  test('missing_as_no_difficulty turns an open identifier into false, never a met one', () => {
    const answers = vector(['some_difficulty', 'dont_know', 'no_difficulty', 'no_difficulty', 'no_difficulty', 'no_difficulty']);
    assert.deepEqual(wgSsIdentifiers(answers, { missingRule: 'missing_as_no_difficulty' }), {
      disability1: true,
      disability2: false,
      disability3: false,
      disability4: false,
      missing: 1,
    });
  });

  test('wgSsSevereDomains lists the domains at the DISABILITY3 cut-off', () => {
    const answers = vector(['some_difficulty', 'a_lot_of_difficulty', 'no_difficulty', 'cannot_do_at_all', 'dont_know', 'no_difficulty']);
    assert.deepEqual(wgSsSevereDomains(answers), ['hearing', 'remembering']);
  });

  test('the schema refuses unknown answers and missing domains', () => {
    const answers = vector(['no_difficulty', 'no_difficulty', 'no_difficulty', 'no_difficulty', 'no_difficulty', 'no_difficulty']);
    assert.equal(WgSsAnswers.safeParse({ ...answers, seeing: 'mild' }).success, false);
    const { seeing: _seeing, ...withoutSeeing } = answers;
    assert.equal(WgSsAnswers.safeParse(withoutSeeing).success, false);
  });
});
