import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Tag } from 'tdesign-react';
import { AclEditor } from '../../../components/acl-editor';
import { ErrorAlert } from '../../../components/error-alert';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ModalDialog } from '../../../components/modal-dialog';
import { PageLoading } from '../../../components/page-loading';
import type { ObjectAcl } from '../../../cos/cos-client';
import { useCosClient } from '../../../cos/cos-client-context';
import { CosClientError } from '../../../cos/cos-error';
import { objectQueries, type BucketRef } from '../../../cos/object-queries';
import { formIsValid, formToPolicy, policyToForm, samePolicy, widensPublicAccess, type AclForm } from '../../../../shared/acl/acl-form';

export interface ObjectAclDialogProps {
  bucket: BucketRef;
  /** The object whose ACL is edited; null: the dialog is closed. */
  target: { key: string; name: string } | null;
  onClose: () => void;
}

/**
 * "Permissions" of one object: its ACL (GET/PUT Object acl, https://cloud.tencent.com/document/product/436/7744,
 * 436/7748) in the same editor as the bucket's. Written straight from the browser; object ACLs are
 * not bucket settings, so the settings history does not record them.
 */
export function ObjectAclDialog({ bucket, target, onClose }: ObjectAclDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog visible={target !== null} title={t('bucketSettings.acl.object.dialogTitle', { name: target?.name ?? '' })} onClose={onClose} width={920}
      footer={<Button tag="button" variant="outline" onClick={onClose}>{t('bucketSettings.acl.object.close')}</Button>}>
      {target ? <ObjectAclLoader key={target.key} bucket={bucket} objectKey={target.key} name={target.name} /> : null}
    </ModalDialog>
  );
}

function errorDetails(error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof CosClientError ? [message, error.code] : [message];
}

function ObjectAclLoader({ bucket, objectKey, name }: { bucket: BucketRef; objectKey: string; name: string }) {
  const { t } = useTranslation();
  const cos = useCosClient();
  const target = { bucket: bucket.name, region: bucket.region };
  const acl = useQuery({
    queryKey: [...objectQueries.all(bucket), 'acl', objectKey],
    queryFn: () => cos.getObjectAcl(target, objectKey),
    staleTime: 0,
  });
  if (acl.isPending) return <PageLoading />;
  if (acl.isError) return <ErrorAlert title={t('bucketSettings.acl.object.loadFailed')} details={errorDetails(acl.error)} retryLabel={t('bucketSettings.common.retry')} onRetry={() => void acl.refetch()} />;
  return <ObjectAclForm bucket={bucket} objectKey={objectKey} name={name} value={acl.data} />;
}

function ObjectAclForm({ bucket, objectKey, name, value }: { bucket: BucketRef; objectKey: string; name: string; value: ObjectAcl }) {
  const { t } = useTranslation();
  const cos = useCosClient();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<AclForm>(() => policyToForm(value.policy));
  const [inherited, setInherited] = useState(value.inherited);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const next = useMemo(() => formToPolicy(form), [form]);
  const dirty = inherited !== value.inherited || (!inherited && !samePolicy(next, value.policy));
  const valid = inherited || formIsValid(form);

  const save = useMutation({
    mutationFn: () => cos.putObjectAcl({ bucket: bucket.name, region: bucket.region }, objectKey, inherited ? 'default' : next),
    onSuccess: () => setSavedNote(t('bucketSettings.acl.object.saved')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...objectQueries.all(bucket), 'acl', objectKey] }),
  });

  const touch = () => {
    setSavedNote(null);
    save.reset();
  };
  const onSave = () => {
    if (!valid || !dirty) return;
    // Following the bucket, the object's own anonymous grants counted for nothing: any is new.
    const before = value.inherited ? [] : policyToForm(value.policy).anonymous;
    const widened = inherited ? [] : widensPublicAccess(before, form.anonymous);
    if (widened.length > 0) setConfirming(widened);
    else save.mutate();
  };

  return (
    <div className="acl-section">
      <div className="acl-hint">
        <p>{t('bucketSettings.acl.objectIntro')}</p>
        <p>{t('bucketSettings.acl.object.notInHistory')}</p>
      </div>
      <AclEditor level="object" form={form} readOnly={false} inherited={inherited}
        onChange={(f) => { touch(); setForm(f); }}
        onInheritedChange={(i) => { touch(); setInherited(i); }} />
      <div className="acl-save">
        {!valid ? <div role="alert"><Tag theme="danger" variant="light">{t('bucketSettings.common.invalid')}</Tag></div> : null}
        {save.isError ? <ErrorAlert title={t('bucketSettings.acl.object.saveFailed')} details={errorDetails(save.error)} /> : null}
        <div className="acl-actions">
          <Button tag="button" theme="primary" onClick={onSave} disabled={!dirty || !valid} loading={save.isPending}>
            {save.isPending ? t('bucketSettings.common.saving') : t('bucketSettings.common.save')}
          </Button>
          {dirty ? <Tag theme="warning" variant="light">{t('bucketSettings.common.unsaved')}</Tag> : null}
        </div>
        <div role="status">{savedNote}</div>
      </div>
      <ConfirmDialog
        visible={confirming !== null}
        title={t('bucketSettings.acl.confirm.title')}
        confirmLabel={t('bucketSettings.acl.confirm.confirm')}
        cancelLabel={t('bucketSettings.common.cancel')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => { setConfirming(null); save.mutate(); }}
      >
        <p>{t('bucketSettings.acl.confirm.objectBody', { permissions: (confirming ?? []).join(', '), name })}</p>
      </ConfirmDialog>
    </div>
  );
}
