import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Input, Radio, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { ModalDialog } from '../../../../components/modal-dialog';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import { configQueries } from '../../../../cos/config-queries';
import type { BucketTarget } from '../../../../cos/cos-client';
import { CosClientError } from '../../../../cos/cos-error';
import type { DomainConfiguration, DomainRule } from '../../../../../shared/xml/domain';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, type SettingState } from '../../hooks/use-setting';
import {
  cnameTarget, curlLine, domainNameProblem, localhostUrl, normalizeDomainName, templatePort, withDomain, withoutDomain,
  type DomainOrigin, type NewDomain,
} from '../../model/domains';
import './domains-section.css';

/**
 * Custom origin domains (PUT/GET/DELETE Bucket domain, https://cloud.tencent.com/document/product/436/35868):
 * the bound names with their CNAME targets, adding one (a DomainConflict offers to take it over),
 * removing one, and in local mode how to reach a domain without DNS.
 */
export function DomainsSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'domain');
  return (
    <SectionFrame target={target} setting="domain" state={state} intro={t('bucketSettings.domains.intro')}>
      {(value, readOnly) => <DomainsEditor target={target} value={value} readOnly={readOnly} state={state} />}
    </SectionFrame>
  );
}

const originOf = (v: unknown): DomainOrigin => (v === 'WEBSITE' ? 'WEBSITE' : 'REST');
const labelOf = <T extends string>(known: readonly T[], v: string): T | undefined => known.find((k) => k === v);

interface EditorProps {
  target: BucketTarget;
  value: DomainConfiguration | null;
  readOnly: boolean;
  state: SettingState<'domain'>;
}

function DomainsEditor({ target, value, readOnly, state }: EditorProps) {
  const { t } = useTranslation();
  const config = useQuery(configQueries.current());
  const port = config.data?.mode === 'local' ? templatePort(config.data.cos.domain) : undefined;
  const rules = value?.rules ?? [];
  const [removing, setRemoving] = useState<string | null>(null);
  // What the last change did, kept as data so that it follows a change of language.
  const [status, setStatus] = useState<{ kind: 'added' | 'removed'; domain: string } | null>(null);

  const columns: PrimaryTableCol<DomainRule>[] = [
    { colKey: 'name', title: t('bucketSettings.domains.columns.name'), cell: ({ row }) => <span className="object-name">{row.name}</span> },
    {
      colKey: 'type',
      title: t('bucketSettings.domains.columns.origin'),
      cell: ({ row }) => {
        const type = labelOf(['REST', 'WEBSITE', 'ACCELERATE'] as const, row.type);
        return type ? t(`bucketSettings.domains.origin.${type}`) : row.type;
      },
    },
    {
      colKey: 'status',
      title: t('bucketSettings.domains.columns.status'),
      cell: ({ row }) => {
        const s = labelOf(['ENABLED', 'DISABLED'] as const, row.status);
        return (
          <Tag size="small" variant="light" theme={s === 'ENABLED' ? 'success' : 'default'}>
            {s ? t(`bucketSettings.domains.status.${s}`) : row.status}
          </Tag>
        );
      },
    },
    { colKey: 'cname', title: t('bucketSettings.domains.columns.cname'), cell: ({ row }) => <code>{cnameTarget(target.bucket, target.region, row.type)}</code> },
    ...(readOnly
      ? []
      : [{
          colKey: 'actions',
          title: t('bucketSettings.domains.columns.actions'),
          cell: ({ row }: { row: DomainRule }) => (
            <Button size="small" variant="text" theme="danger" aria-label={t('bucketSettings.domains.removeLabel', { domain: row.name })} onClick={() => setRemoving(row.name)}>
              {t('bucketSettings.common.remove')}
            </Button>
          ),
        }]),
  ];

  const first = rules[0];
  return (
    <div className="domains-section">
      <div role="status" className="domains-section__status">
        {status ? (status.kind === 'added' ? t('bucketSettings.domains.add.added', { domain: status.domain }) : t('bucketSettings.domains.remove.removed', { domain: status.domain })) : ''}
      </div>
      <Table<DomainRule> rowKey="name" data={rules} columns={columns} empty={t('bucketSettings.domains.empty')} aria-label={t('bucketSettings.domains.listLabel')} />
      {first ? (
        <div className="domains-section__note">
          <h3 className="domains-section__subtitle">{t('bucketSettings.domains.dns.title')}</h3>
          <p>{t('bucketSettings.domains.dns.text', { domain: first.name, target: cnameTarget(target.bucket, target.region, first.type) })}</p>
          {port !== undefined ? <p>{t('bucketSettings.domains.dns.local')}</p> : null}
        </div>
      ) : null}
      {readOnly ? null : <AddDomain target={target} value={value} state={state} onAdded={(domain) => setStatus({ kind: 'added', domain })} />}
      {port !== undefined && rules.length > 0 ? <LocalAccess rules={rules} port={port} /> : null}
      <RemoveDialog
        domain={removing}
        value={value}
        state={state}
        onClose={() => setRemoving(null)}
        onRemoved={(domain) => {
          setRemoving(null);
          setStatus({ kind: 'removed', domain });
        }}
      />
    </div>
  );
}

function AddDomain({ target, value, state, onAdded }: { target: BucketTarget; value: DomainConfiguration | null; state: SettingState<'domain'>; onAdded: (domain: string) => void }) {
  const { t } = useTranslation();
  const nameId = useId();
  const helpId = useId();
  const originLabelId = useId();
  const verifyLabelId = useId();
  const [name, setName] = useState('');
  const [origin, setOrigin] = useState<DomainOrigin>('REST');
  const [submitted, setSubmitted] = useState(false);
  const [verify, setVerify] = useState<'CNAME' | 'TXT'>('CNAME');
  const [conflict, setConflict] = useState<NewDomain | null>(null);
  const [error, setError] = useState<unknown>(null);
  const problem = domainNameProblem(name, value?.rules ?? []);
  const shownProblem = submitted ? problem : undefined;
  const nameRef = useInnerInputAttributes({
    id: nameId, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': helpId, 'aria-invalid': shownProblem ? 'true' : 'false',
  });
  const pending = state.save.isPending;

  const save = async (added: NewDomain) => {
    setError(null);
    try {
      await state.save.mutateAsync({ value: withDomain(value, added) });
      setConflict(null);
      setName('');
      setSubmitted(false);
      onAdded(added.name);
    } catch (e) {
      // COS refuses a name bound to another bucket with DomainConflict (436/35868): offer to take it over.
      if (e instanceof CosClientError && e.code === 'DomainConflict' && !added.forcedReplacement) setConflict(added);
      else setError(e);
    }
  };

  const submit = () => {
    setSubmitted(true);
    if (problem || pending) return;
    setConflict(null);
    void save({ name: normalizeDomainName(name), origin });
  };

  return (
    <form
      className="admin-form domains-section__add"
      noValidate
      aria-labelledby={`${nameId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id={`${nameId}-title`} className="domains-section__subtitle">{t('bucketSettings.domains.add.title')}</h3>
      <div className="admin-form__field">
        <label htmlFor={nameId} className="admin-form__label">{t('bucketSettings.domains.add.name')}</label>
        <Input ref={nameRef} value={name} onChange={(v) => setName(v)} placeholder="files.example.com" status={shownProblem ? 'error' : 'default'} />
        <div id={helpId} className={shownProblem ? 'admin-form__error' : 'admin-form__hint'}>
          {shownProblem ? t(`bucketSettings.domains.problems.${shownProblem}`) : t('bucketSettings.domains.add.nameHelp')}
        </div>
      </div>
      <div className="admin-form__field">
        <span id={originLabelId} className="admin-form__label">{t('bucketSettings.domains.add.origin')}</span>
        <div role="radiogroup" aria-labelledby={originLabelId}>
          <Radio.Group value={origin} onChange={(v) => setOrigin(originOf(v))}>
            <Radio value="REST">{t('bucketSettings.domains.origin.REST')}</Radio>
            <Radio value="WEBSITE">{t('bucketSettings.domains.origin.WEBSITE')}</Radio>
          </Radio.Group>
        </div>
        <div className="admin-form__hint">{t(`bucketSettings.domains.originHelp.${origin}`)}</div>
      </div>
      <div className="settings-section__actions">
        <Button type="submit" theme="primary" loading={pending && !conflict}>{t('bucketSettings.domains.add.submit')}</Button>
      </div>
      {conflict ? (
        <div role="alert" className="domains-section__conflict">
          <Alert
            theme="warning"
            title={t('bucketSettings.domains.conflict.title', { domain: conflict.name })}
            message={
              <div className="domains-section__conflict-body">
                <p>{t('bucketSettings.domains.conflict.text', { domain: conflict.name })}</p>
                <p>{t('bucketSettings.domains.conflict.remedy')}</p>
                <p>{t('bucketSettings.common.errorCode', { code: 'DomainConflict' })}</p>
                <span id={verifyLabelId} className="admin-form__label">{t('bucketSettings.domains.conflict.verify')}</span>
                <div role="radiogroup" aria-labelledby={verifyLabelId} className="domains-section__verify">
                  <Radio.Group value={verify} onChange={(v) => setVerify(v === 'TXT' ? 'TXT' : 'CNAME')}>
                    <Radio value="CNAME">{t('bucketSettings.domains.conflict.verifyCname', { target: cnameTarget(target.bucket, target.region, conflict.origin) })}</Radio>
                    <Radio value="TXT">{t('bucketSettings.domains.conflict.verifyTxt')}</Radio>
                  </Radio.Group>
                </div>
                <div className="settings-section__actions">
                  <Button theme="warning" loading={pending} onClick={() => void save({ ...conflict, forcedReplacement: verify })}>
                    {t('bucketSettings.domains.conflict.takeOver')}
                  </Button>
                  <Button variant="outline" disabled={pending} onClick={() => setConflict(null)}>{t('bucketSettings.domains.conflict.dismiss')}</Button>
                </div>
              </div>
            }
          />
        </div>
      ) : null}
      {error ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: t('bucketSettings.domains.title') })} error={error} /> : null}
    </form>
  );
}

function LocalAccess({ rules, port }: { rules: readonly DomainRule[]; port: number }) {
  const { t } = useTranslation();
  const keyId = useId();
  const [key, setKey] = useState('');
  const keyRef = useInnerInputAttributes({ id: keyId, autocomplete: 'off', spellcheck: 'false' });
  const served = rules.filter((r) => r.status === 'ENABLED' && (r.type === 'REST' || r.type === 'WEBSITE'));
  return (
    <div className="domains-section__local" aria-labelledby={`${keyId}-title`} role="region">
      <h3 id={`${keyId}-title`} className="domains-section__subtitle">{t('bucketSettings.domains.local.title')}</h3>
      <p>{t('bucketSettings.domains.local.text', { port })}</p>
      <div className="admin-form__field">
        <label htmlFor={keyId} className="admin-form__label">{t('bucketSettings.domains.local.key')}</label>
        <Input ref={keyRef} value={key} onChange={(v) => setKey(v)} placeholder="index.html" />
      </div>
      {served.map((r) => {
        const url = localhostUrl(r.name, port, key);
        return (
          <div key={r.name} className="domains-section__example">
            <p className="domains-section__example-name">{r.name}</p>
            <p>{t('bucketSettings.domains.local.curl')}</p>
            <pre className="settings-section__json" role="figure" tabIndex={0} aria-label={t('bucketSettings.domains.local.commandLabel', { domain: r.name })}>{curlLine(r.name, port, key)}</pre>
            {url ? (
              <p>
                {t('bucketSettings.domains.local.browser')}{' '}
                <a href={url} target="_blank" rel="noreferrer">{url}</a>
              </p>
            ) : (
              <p>{t('bucketSettings.domains.local.browserOther', { port })}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}

function RemoveDialog({ domain, value, state, onClose, onRemoved }: {
  domain: string | null;
  value: DomainConfiguration | null;
  state: SettingState<'domain'>;
  onClose: () => void;
  onRemoved: (domain: string) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const pending = state.save.isPending;
  const next = domain ? withoutDomain(value, domain) : null;
  const close = () => {
    if (pending) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!domain || pending) return;
    setError(null);
    try {
      await state.save.mutateAsync({ value: next });
      onRemoved(domain);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <ModalDialog visible={domain !== null} title={t('bucketSettings.domains.remove.title', { domain: domain ?? '' })} onClose={close} footer={null}>
      {domain ? (
        <div className="admin-form">
          <p>{t('bucketSettings.domains.remove.text', { domain })}</p>
          {next === null ? <p>{t('bucketSettings.domains.remove.last')}</p> : null}
          {error ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: t('bucketSettings.domains.title') })} error={error} /> : null}
          <div className="dialog-actions">
            <Button variant="outline" onClick={close} disabled={pending}>{t('bucketSettings.common.cancel')}</Button>
            <Button theme="danger" loading={pending} onClick={() => void confirm()}>{t('bucketSettings.domains.remove.confirm')}</Button>
          </div>
        </div>
      ) : null}
    </ModalDialog>
  );
}
