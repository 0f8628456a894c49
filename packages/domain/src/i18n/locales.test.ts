import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCodes } from '../errors/codes.ts';
import { errorMessages } from './errorMessages.ts';
import { direction, locales, negotiateLocale } from './locales.ts';

test('Accept-Language picks the best shipped locale, by quality', () => {
  assert.equal(negotiateLocale('ar-SD,ar;q=0.9,en;q=0.5'), 'ar');
  assert.equal(negotiateLocale('de-DE,fr;q=0.8,en;q=0.7'), 'fr');
  assert.equal(negotiateLocale('en;q=0.1, es;q=0.9'), 'es');
  assert.equal(negotiateLocale('de'), 'en');
  assert.equal(negotiateLocale(undefined), 'en');
  assert.equal(negotiateLocale('fr;q=0'), 'en');
});

test('Arabic is right-to-left, the others left-to-right', () => {
  assert.deepEqual(
    locales.map((l) => direction(l)),
    ['ltr', 'ltr', 'ltr', 'rtl'],
  );
});

test('every error code has a non-empty, distinct message in every locale', () => {
  for (const locale of locales) {
    for (const code of errorCodes) {
      const text = errorMessages[locale][code];
      assert.ok(text && text.length > 5, `${locale}.${code}`);
      if (locale !== 'en') assert.notEqual(text, errorMessages.en[code], `${locale}.${code} is untranslated`);
    }
  }
});
