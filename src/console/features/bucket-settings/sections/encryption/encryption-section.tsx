import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The encryption section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function EncryptionSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'encryption');
  return (
    <SectionFrame target={target} setting="encryption" state={state}>
      {(value) => <SettingJson setting="encryption" value={value} />}
    </SectionFrame>
  );
}
