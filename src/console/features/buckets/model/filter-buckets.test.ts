import { describe, expect, it } from 'vitest';
import { filterBuckets } from './filter-buckets';

const buckets = [{ name: 'photos-1250000000' }, { name: 'logs-1250000000' }, { name: 'backup-photos-1250000001' }];

describe('filterBuckets', () => {
  it.each([
    ['empty query keeps all', '', ['photos-1250000000', 'logs-1250000000', 'backup-photos-1250000001']],
    ['substring', 'photo', ['photos-1250000000', 'backup-photos-1250000001']],
    ['case and spaces ignored', '  LOGS ', ['logs-1250000000']],
    ['app id', '1250000001', ['backup-photos-1250000001']],
    ['no match', 'video', []],
  ])('%s', (_name, query, names) => {
    expect(filterBuckets(buckets, query).map((b) => b.name)).toEqual(names);
  });
});
