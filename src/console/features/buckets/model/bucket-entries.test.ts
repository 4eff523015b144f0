import { describe, expect, it } from 'vitest';
import { bucketEntries, type BucketEntry } from './bucket-entries';

const B = 'photos-1250000000';

describe('bucketEntries', () => {
  it.each<[string, string[], BucketEntry[]]>([
    ['the bucket root (admins, whole-bucket grants): the name alone', [''], [{ prefix: '', text: B, label: B }]],
    ['one granted prefix', ['2025/'], [{ prefix: '2025/', text: `${B} › 2025/`, label: `${B} › 2025/` }]],
    ['several: the bucket named once, every link labelled in full', ['2025/', 'team/'], [
      { prefix: '2025/', text: `${B} › 2025/`, label: `${B} › 2025/` },
      { prefix: 'team/', text: '› team/', label: `${B} › team/` },
    ]],
    ['nothing to list', [], []],
  ])('%s', (_case, prefixes, expected) => {
    expect(bucketEntries(B, prefixes)).toEqual(expected);
  });
});
