import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The tags section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function TagsSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'tagging');
  return (
    <SectionFrame target={target} setting="tagging" state={state}>
      {(value) => <SettingJson setting="tagging" value={value} />}
    </SectionFrame>
  );
}
