import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Checkbox, Form, Input, MessagePlugin, Select } from 'tdesign-react';
import { ApiError } from '../../../api/http';
import { paths } from '../../../navigation/paths';
import { ErrorAlert } from '../../../components/error-alert';
import { ModalDialog } from '../../../components/modal-dialog';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { configQueries } from '../../../cos/config-queries';
import { useCreateBucket } from '../hooks/use-create-bucket';
import { bucketNameProblem, exampleBucketName, MAX_BUCKET_NAME_LENGTH, regionProblem } from '../model/new-bucket';

export interface CreateBucketDialogProps {
  visible: boolean;
  onClose: () => void;
  /** The account's APPID when the bucket list shows it (for the help text and the suffix check). */
  appId: string | undefined;
}

/** Admins: name (COS naming rules), region, and "Allow this console to reach it" (on by default). */
export function CreateBucketDialog({ visible, onClose, appId }: CreateBucketDialogProps) {
  const { t } = useTranslation();
  const create = useCreateBucket();
  const close = () => {
    if (create.isPending) return;
    create.reset();
    onClose();
  };
  return (
    <ModalDialog visible={visible} title={t('bucketCreate.title')} onClose={close} footer={null}>
      {visible ? <CreateBucketForm appId={appId} create={create} onCancel={close} /> : null}
    </ModalDialog>
  );
}

function CreateBucketForm({ appId, create, onCancel }: { appId: string | undefined; create: ReturnType<typeof useCreateBucket>; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const config = useQuery(configQueries.current()).data;
  const allowed = config?.allowedRegions;
  const [name, setName] = useState('');
  const [region, setRegion] = useState(() => {
    const fallback = config?.defaultRegion ?? '';
    return allowed && allowed.length > 0 && !allowed.includes(fallback) ? (allowed[0] ?? '') : fallback;
  });
  const [allowConsole, setAllowConsole] = useState(true);
  const [submitted, setSubmitted] = useState(false);
  const nameId = useId();
  const regionId = useId();
  const nameRef = useInnerInputAttributes({ id: nameId, autocomplete: 'off', spellcheck: 'false' });
  const regionRef = useInnerInputAttributes({ id: regionId });

  const trimmed = name.trim();
  const nameError = bucketNameProblem(trimmed, appId);
  const regionError = regionProblem(region.trim(), allowed);
  const showName = submitted || trimmed !== '';

  const submit = () => {
    setSubmitted(true);
    if (nameError || regionError || create.isPending) return;
    create.mutate({ name: trimmed, region: region.trim(), allowConsole }, {
      onSuccess: (created) => {
        if (created.corsError) void MessagePlugin.warning(t('bucketCreate.corsFailed', { name: created.name, message: created.corsError.message }));
        else void MessagePlugin.success(t('bucketCreate.created', { name: created.name }));
        onCancel();
        void navigate(paths.objects(created.name, { region: created.region }));
      },
    });
  };

  // The controls sit in <div>s: a FormItem would otherwise drive a TDesign control's value from the
  // Form's own store (no `name` here), overriding this component's state.
  return (
    <Form
      labelAlign="top"
      colon={false}
      requiredMark={false}
      onSubmit={({ e }) => {
        e?.preventDefault();
        submit();
      }}
    >
      <Form.FormItem
        label={t('bucketCreate.name')}
        for={nameId}
        help={t('bucketCreate.nameHelp', { example: exampleBucketName(appId), max: MAX_BUCKET_NAME_LENGTH })}
        {...(showName && nameError ? { status: 'error' as const, tips: t(nameError.key, { max: MAX_BUCKET_NAME_LENGTH, appId: appId ?? '', example: exampleBucketName(appId) }) } : {})}
      >
        <div className="create-bucket__field">
          <Input ref={nameRef} value={name} onChange={setName} placeholder={exampleBucketName(appId)} maxlength={80} />
        </div>
      </Form.FormItem>
      <Form.FormItem
        label={t('bucketCreate.region')}
        for={regionId}
        help={t('bucketCreate.regionHelp')}
        {...(submitted && regionError ? { status: 'error' as const, tips: t(regionError) } : {})}
      >
        {allowed && allowed.length > 0 ? (
          <div ref={regionRef} className="create-bucket__field create-bucket__region">
            <Select value={region} onChange={(v) => setRegion(typeof v === 'string' ? v : '')} options={allowed.map((r) => ({ label: r, value: r }))} />
          </div>
        ) : (
          <div className="create-bucket__field">
            <Input ref={regionRef} value={region} onChange={setRegion} />
          </div>
        )}
      </Form.FormItem>
      <Form.FormItem help={t('bucketCreate.corsHelp', { origin: window.location.origin })}>
        <div>
          <Checkbox checked={allowConsole} onChange={(checked) => setAllowConsole(checked)}>
            {t('bucketCreate.cors')}
          </Checkbox>
        </div>
      </Form.FormItem>
      {create.isError ? (
        <ErrorAlert
          title={t('bucketCreate.failed')}
          details={[create.error.message, ...(create.error instanceof ApiError ? [t('common.errorCode', { code: create.error.code })] : [])]}
        />
      ) : null}
      <div className="dialog-actions">
        <Button tag="button" variant="outline" onClick={onCancel} disabled={create.isPending}>
          {t('bucketCreate.cancel')}
        </Button>
        <Button type="submit" theme="primary" loading={create.isPending}>
          {t('bucketCreate.submit')}
        </Button>
      </div>
    </Form>
  );
}
