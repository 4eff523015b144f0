import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { storageClassKey } from './storage-class';

describe('storageClassKey', () => {
  it('names every class the catalog translates', () => {
    for (const cls of Object.keys(en.storageClass)) expect(storageClassKey(cls)).toBe(`storageClass.${cls}`);
  });

  it.each(['GLACIER', 'standard', ''])('leaves %j untranslated', (cls) => {
    expect(storageClassKey(cls)).toBeUndefined();
  });
});
