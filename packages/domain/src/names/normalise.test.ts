import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseName } from './normalise.ts';

describe('normaliseName', () => {
  test('Arabic: alef variants, alef maqsura, ta marbuta, tatweel and harakat', () => {
    assert.equal(normaliseName('أحمد'), 'احمد');
    assert.equal(normaliseName('إبراهيم'), 'ابراهيم');
    assert.equal(normaliseName('آمنة'), 'امنه');
    assert.equal(normaliseName('ٱلحسن'), 'الحسن');
    assert.equal(normaliseName('مصطفى'), 'مصطفي');
    assert.equal(normaliseName('فاطمة'), 'فاطمه');
    assert.equal(normaliseName('مُحَمَّد'), 'محمد');
    assert.equal(normaliseName('محـــمد'), 'محمد');
  });

  test('Arabic: hamza seats fold to their base letters', () => {
    assert.equal(normaliseName('عائشة'), normaliseName('عايشة'));
    assert.equal(normaliseName('رؤوف'), 'رووف');
  });

  test('Persian and Pashto letters fold to the Arabic base letters', () => {
    assert.equal(normaliseName('کریم'), normaliseName('كريم'));
    assert.equal(normaliseName('ګل'), 'كل');
    assert.equal(normaliseName('ټ ډ ړ ږ ښ ګ ڼ ې ۍ'), 'ت د ر ز ش ك ن ي ي');
  });

  test('Ethiopic: homophone series and their vowel orders collapse', () => {
    assert.equal(normaliseName('ሐጎስ'), normaliseName('ሀጎስ'));
    assert.equal(normaliseName('ኀይሌ'), normaliseName('ሀይሌ'));
    assert.equal(normaliseName('ሠላም'), normaliseName('ሰላም'));
    assert.equal(normaliseName('ዐወት'), normaliseName('አወት'));
    assert.equal(normaliseName('ፀጋ'), normaliseName('ጸጋ'));
    assert.equal(normaliseName('ሑሴን'), normaliseName('ሁሴን'));
    // First and fourth orders of the laryngeals sound alike: ኣብርሃም (Tigrinya) = አብርሃም (Amharic).
    assert.equal(normaliseName('ኣብርሃም'), normaliseName('አብርሃም'));
    assert.equal(normaliseName('ሃይሉ'), normaliseName('ሀይሉ'));
  });

  test('Latin, Cyrillic and Greek: diacritics stripped, lowercased', () => {
    assert.equal(normaliseName('Müller'), 'muller');
    assert.equal(normaliseName('ŞÜKRÜ Çelik'), 'sukru celik');
    assert.equal(normaliseName('Łukasz Øster'), 'lukasz oster');
    assert.equal(normaliseName('Ёлка'), 'елка');
    assert.equal(normaliseName('Γιώργος'), 'γιωργος');
  });

  test('collapses spaces and hyphens, drops apostrophes, keeps the Ethiopian abbreviation slash', () => {
    assert.equal(normaliseName('  Al-Hassan   ʿAbd’ul  '), 'al hassan abdul');
    assert.equal(normaliseName("Sa'id"), 'said');
    assert.equal(normaliseName('G / Medhin'), 'g/medhin');
  });

  test('does not strip the vowel signs of Indic scripts', () => {
    assert.equal(normaliseName('राम', 'Deva'), 'राम');
  });
});
