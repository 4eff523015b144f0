import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Tag } from 'tdesign-react';
import { AclEditor } from '../../../../components/acl-editor';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import type { BucketTarget } from '../../../../cos/cos-client';
import { formIsValid, formToPolicy, policyToForm, samePolicy, widensPublicAccess, type AclForm } from '../../../../../shared/acl/acl-form';
import type { AccessControlPolicy } from '../../../../../shared/xml/acl';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, type SettingState } from '../../hooks/use-setting';

/**
 * The bucket ACL (PUT/GET Bucket acl, https://cloud.tencent.com/document/product/436/7737, 436/7733):
 * edited as a form and saved whole as an AccessControlPolicy body that names the owner, as PUT needs.
 */
export function AclSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'acl');
  return (
    <SectionFrame target={target} setting="acl" state={state} intro={t('bucketSettings.acl.intro')}>
      {(value, readOnly) => (value ? <BucketAclEditor target={target} value={value} readOnly={readOnly} save={state.save} /> : null)}
    </SectionFrame>
  );
}

function BucketAclEditor({ target, value, readOnly, save }: { target: BucketTarget; value: AccessControlPolicy; readOnly: boolean; save: SettingState<'acl'>['save'] }) {
  const { t } = useTranslation();
  const [base, setBase] = useState<AccessControlPolicy>(value);
  const [form, setForm] = useState<AclForm>(() => policyToForm(value));
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const next = useMemo(() => formToPolicy(form), [form]);
  const dirty = !samePolicy(next, base);
  const valid = formIsValid(form);

  // A new value from COS (after a save, or a refetch): taken over unless there is unsaved work.
  useEffect(() => {
    if (samePolicy(value, base)) return;
    setBase(value);
    if (samePolicy(formToPolicy(form), base)) setForm(policyToForm(value));
    // Only a new value from COS triggers this; form and base are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const edit = (f: AclForm) => {
    setSavedNote(null);
    save.reset();
    setForm(f);
  };

  const write = async () => {
    setConfirming(null);
    try {
      await save.mutateAsync({ value: next });
    } catch {
      return; // save.error is shown
    }
    setBase(next);
    setSavedNote(t('bucketSettings.common.saved', { setting: t('bucketSettings.acl.title') }));
  };

  const onSave = () => {
    if (!valid || !dirty) return;
    const widened = widensPublicAccess(policyToForm(base).anonymous, form.anonymous);
    if (widened.length > 0) setConfirming(widened);
    else void write();
  };

  return (
    <div className="acl-section">
      <AclEditor level="bucket" form={form} onChange={edit} readOnly={readOnly} />
      {readOnly ? null : (
        <div className="acl-save">
          {!valid ? <Alert theme="error" message={t('bucketSettings.common.invalid')} /> : null}
          {save.isError ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: t('bucketSettings.acl.title') })} error={save.error} /> : null}
          <div className="settings-section__actions">
            <Button tag="button" theme="primary" onClick={onSave} disabled={!dirty || !valid} loading={save.isPending}>
              {save.isPending ? t('bucketSettings.common.saving') : t('bucketSettings.common.save')}
            </Button>
            <Button tag="button" variant="outline" onClick={() => edit(policyToForm(base))} disabled={!dirty || save.isPending}>
              {t('bucketSettings.common.reset')}
            </Button>
            {dirty ? <Tag theme="warning" variant="light">{t('bucketSettings.common.unsaved')}</Tag> : null}
          </div>
          <div role="status">{savedNote}</div>
        </div>
      )}
      <ConfirmDialog
        visible={confirming !== null}
        title={t('bucketSettings.acl.confirm.title')}
        confirmLabel={t('bucketSettings.acl.confirm.confirm')}
        cancelLabel={t('bucketSettings.common.cancel')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => void write()}
      >
        <p>{t('bucketSettings.acl.confirm.bucketBody', { permissions: (confirming ?? []).join(', '), name: target.bucket })}</p>
      </ConfirmDialog>
    </div>
  );
}
