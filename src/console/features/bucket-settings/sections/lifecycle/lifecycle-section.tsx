import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The lifecycle section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function LifecycleSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'lifecycle');
  return (
    <SectionFrame target={target} setting="lifecycle" state={state}>
      {(value) => <SettingJson setting="lifecycle" value={value} />}
    </SectionFrame>
  );
}
