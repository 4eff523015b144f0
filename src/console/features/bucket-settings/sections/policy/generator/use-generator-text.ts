import { useTranslation } from 'react-i18next';

type Text = (key: string, options?: Record<string, unknown>) => string;

/**
 * The generator's texts (`bucketSettings.policy.generator.*`). Its keys are built from model values
 * (`templates.${id}`, `actions.groups.${group}`), which the typed `t` cannot check; the catalogues
 * themselves are typed (zh-CN has every English key).
 */
export function useGeneratorText(): Text {
  const { t } = useTranslation();
  const loose = t as unknown as Text;
  return (key, options) => loose(`bucketSettings.policy.generator.${key}`, options ?? {});
}
