import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The website section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function WebsiteSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'website');
  return (
    <SectionFrame target={target} setting="website" state={state}>
      {(value) => <SettingJson setting="website" value={value} />}
    </SectionFrame>
  );
}
