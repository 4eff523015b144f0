import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The cors section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function CorsSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'cors');
  return (
    <SectionFrame target={target} setting="cors" state={state}>
      {(value) => <SettingJson setting="cors" value={value} />}
    </SectionFrame>
  );
}
