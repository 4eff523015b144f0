import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The replication section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function ReplicationSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'replication');
  return (
    <SectionFrame target={target} setting="replication" state={state}>
      {(value) => <SettingJson setting="replication" value={value} />}
    </SectionFrame>
  );
}
