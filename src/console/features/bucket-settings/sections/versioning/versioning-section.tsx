import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The versioning section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function VersioningSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'versioning');
  return (
    <SectionFrame target={target} setting="versioning" state={state}>
      {(value) => <SettingJson setting="versioning" value={value} />}
    </SectionFrame>
  );
}
