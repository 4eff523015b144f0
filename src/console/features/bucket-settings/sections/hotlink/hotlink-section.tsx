import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The hotlink section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function HotlinkSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'referer');
  return (
    <SectionFrame target={target} setting="referer" state={state}>
      {(value) => <SettingJson setting="referer" value={value} />}
    </SectionFrame>
  );
}
