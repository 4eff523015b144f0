import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The acl section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function AclSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'acl');
  return (
    <SectionFrame target={target} setting="acl" state={state}>
      {(value) => <SettingJson setting="acl" value={value} />}
    </SectionFrame>
  );
}
