import type { BucketTarget } from '../../../../cos/cos-client';
import { SectionFrame } from '../../components/section-frame';
import { SettingJson } from '../../components/setting-json';
import { useSetting } from '../../hooks/use-setting';

/** The domains section: to be replaced by its editor (placeholder shows the value as COS keeps it). */
export function DomainsSection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'domain');
  return (
    <SectionFrame target={target} setting="domain" state={state}>
      {(value) => <SettingJson setting="domain" value={value} />}
    </SectionFrame>
  );
}
