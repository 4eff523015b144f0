import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The policy section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function PolicySection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'policy');
  return (
    <SectionFrame target={target} setting="policy" state={state}>
      {(value) => <SettingJson setting="policy" value={value} />}
    </SectionFrame>
  );
}
