// The sections of the bucket page's settings: the URL name, the setting each edits (if any), and the
// i18n key of its title. The order is the navigation's.
import type { SettingsSection } from '../../../navigation/paths';
import type { TrackedSetting } from '../../../../shared/settings/codecs';

export type SectionI18nKey =
  | 'cors' | 'hotlink' | 'website' | 'domains' | 'versioning' | 'replication' | 'lifecycle' | 'tags' | 'encryption'
  | 'policy' | 'acl' | 'history' | 'asCode';

export interface SectionInfo {
  section: SettingsSection;
  i18n: SectionI18nKey;
  /** The setting it reads and changes; none for history and settings as code. */
  setting?: TrackedSetting;
  group: 'settings' | 'permissions' | 'manage';
}

export const SECTIONS: readonly SectionInfo[] = [
  { section: 'cors', i18n: 'cors', setting: 'cors', group: 'settings' },
  { section: 'hotlink', i18n: 'hotlink', setting: 'referer', group: 'settings' },
  { section: 'website', i18n: 'website', setting: 'website', group: 'settings' },
  { section: 'domains', i18n: 'domains', setting: 'domain', group: 'settings' },
  { section: 'versioning', i18n: 'versioning', setting: 'versioning', group: 'settings' },
  { section: 'replication', i18n: 'replication', setting: 'replication', group: 'settings' },
  { section: 'lifecycle', i18n: 'lifecycle', setting: 'lifecycle', group: 'settings' },
  { section: 'tags', i18n: 'tags', setting: 'tagging', group: 'settings' },
  { section: 'encryption', i18n: 'encryption', setting: 'encryption', group: 'settings' },
  { section: 'policy', i18n: 'policy', setting: 'policy', group: 'permissions' },
  { section: 'acl', i18n: 'acl', setting: 'acl', group: 'permissions' },
  { section: 'history', i18n: 'history', group: 'manage' },
  { section: 'as-code', i18n: 'asCode', group: 'manage' },
];

export function sectionOf(section: SettingsSection): SectionInfo {
  const info = SECTIONS.find((s) => s.section === section);
  if (!info) throw new Error(`unknown section ${section}`);
  return info;
}

/** The section that edits a setting (for links from the history and the overview). */
export function sectionOfSetting(setting: TrackedSetting): SectionInfo {
  const info = SECTIONS.find((s) => s.setting === setting);
  if (!info) throw new Error(`no section edits ${setting}`);
  return info;
}
