import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Input, Radio, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { AUDIT_OUTCOMES, type AuditEntry, type AuditOutcome } from '../../../api/admin-api';
import { formatDateTime } from '../../../i18n/format-date';
import { paths } from '../../../navigation/paths';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { adminQueries } from '../admin-queries';
import { auditParams, nextPage, parseAuditParams, previousPage, toApiQuery, withFilters, type AuditView } from '../model/audit-query';
import { AdminOnly } from './admin-only';
import { ServerError } from './server-error';

/** /admin/audit: the audit log, newest first, filtered and paged through the URL. */
export function AuditPage() {
  return (
    <AdminOnly>
      <Audit />
    </AdminOnly>
  );
}

// The events the server records (src/server/audit/audit-log.ts); any other can still be typed.
const KNOWN_EVENTS = ['login', 'logout', 'sign', 'sts', 'user.create', 'user.update', 'password.reset', 'bucket.create', 'settings.cors', 'settings.cors.check'];

const OUTCOME_THEME: Record<AuditOutcome, 'success' | 'warning' | 'danger' | 'primary'> = {
  ok: 'success',
  allowed: 'primary',
  refused: 'warning',
  failed: 'danger',
};

// Seconds matter when reading a log (which came first, how far apart), unlike the date-only columns elsewhere.
const formatAuditTime = (iso: string, lang: string): string => formatDateTime(iso, lang, { dateStyle: 'medium', timeStyle: 'medium' });

const isOutcome = (v: unknown): v is AuditOutcome => (AUDIT_OUTCOMES as readonly unknown[]).includes(v);

function Audit() {
  const { t, i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const view = parseAuditParams(searchParams);
  const page = useQuery(adminQueries.auditPage(toApiQuery(view)));
  const go = (next: AuditView) => void navigate(paths.adminAudit(auditParams(next)));
  const previous = previousPage(view);
  const nextBefore = page.isPlaceholderData ? undefined : page.data?.nextBefore;

  const columns: PrimaryTableCol<AuditEntry>[] = [
    { colKey: 'at', title: t('admin.audit.columns.at'), width: 200, cell: ({ row }) => <time dateTime={row.at}>{formatAuditTime(row.at, i18n.language)}</time> },
    { colKey: 'actor', title: t('admin.audit.columns.actor'), cell: ({ row }) => <span className="object-name">{row.actor}</span> },
    { colKey: 'event', title: t('admin.audit.columns.event'), width: 130 },
    { colKey: 'action', title: t('admin.audit.columns.action'), cell: ({ row }) => row.action ?? '' },
    { colKey: 'resource', title: t('admin.audit.columns.resource'), cell: ({ row }) => <span className="object-name">{row.resource ?? ''}</span> },
    {
      colKey: 'outcome',
      title: t('admin.audit.columns.outcome'),
      width: 110,
      cell: ({ row }) => (
        <Tag size="small" variant="light" theme={OUTCOME_THEME[row.outcome]}>
          {t(`admin.audit.outcome.${row.outcome}`)}
        </Tag>
      ),
    },
    { colKey: 'ip', title: t('admin.audit.columns.ip'), width: 130, cell: ({ row }) => row.ip ?? '' },
    {
      colKey: 'detail',
      title: t('admin.audit.columns.detail'),
      width: 360,
      cell: ({ row }) => (
        <div className="admin-audit__detail">
          {row.detail ? <span>{row.detail}</span> : null}
          {row.request ? (
            <div className="admin-audit__request">
              <span className="admin-audit__request-label">{t('admin.audit.signedRequest')}</span>
              <code>{row.request}</code>
            </div>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('admin.audit.title')}</h1>
        <div className="page__actions">
          <Button variant="outline" onClick={() => void page.refetch()} loading={page.isFetching && !page.isPending}>
            {t('common.refresh')}
          </Button>
        </div>
      </header>
      {/* Keyed by the URL's filters so the inputs show them again after Back/Forward. */}
      <AuditFilters key={`${view.actor ?? ''}\n${view.event ?? ''}`} view={view} onApply={go} />
      {page.isError && !page.data ? (
        <ServerError title={t('admin.audit.loadError')} error={page.error} codeLabel={(code) => t('common.errorCode', { code })} />
      ) : (
        <Table<AuditEntry> rowKey="id" data={page.data?.entries ?? []} columns={columns} loading={page.isPending || page.isPlaceholderData} empty={t('admin.audit.empty')} hover />
      )}
      {/* tag="button": a disabled TDesign Button is otherwise a <div>, neither a button nor disabled to assistive technology. */}
      <nav className="admin-audit__paging" aria-label={t('admin.audit.paging')}>
        <Button variant="outline" tag="button" disabled={previous === undefined} onClick={() => previous && go(previous)}>
          {t('admin.audit.previous')}
        </Button>
        <span aria-live="polite">{t('admin.audit.pageNumber', { n: view.before === undefined ? 1 : view.trail.length + 1 })}</span>
        <Button variant="outline" tag="button" disabled={nextBefore === undefined} onClick={() => nextBefore !== undefined && go(nextPage(view, nextBefore))}>
          {t('admin.audit.next')}
        </Button>
      </nav>
    </section>
  );
}

function AuditFilters({ view, onApply }: { view: AuditView; onApply: (view: AuditView) => void }) {
  const { t } = useTranslation();
  const [actor, setActor] = useState(view.actor ?? '');
  const [event, setEvent] = useState(view.event ?? '');
  const actorId = useId();
  const eventId = useId();
  const eventsId = useId();
  const outcomeLabelId = useId();
  const actorRef = useInnerInputAttributes({ id: actorId, autocomplete: 'off', spellcheck: 'false' });
  const eventRef = useInnerInputAttributes({ id: eventId, list: eventsId, autocomplete: 'off', spellcheck: 'false' });
  // Typed filters apply on submit; the outcome applies as soon as it is picked.
  const apply = (outcome: AuditOutcome | undefined) => onApply(withFilters({ actor, event, ...(outcome ? { outcome } : {}) }));

  return (
    <form
      className="admin-audit__filters"
      role="search"
      aria-label={t('admin.audit.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        apply(view.outcome);
      }}
    >
      <div className="admin-form__field">
        <label htmlFor={actorId} className="admin-form__label">
          {t('admin.audit.actorFilter')}
        </label>
        <Input ref={actorRef} value={actor} onChange={setActor} placeholder={t('admin.audit.actorPlaceholder')} clearable />
      </div>
      <div className="admin-form__field">
        <label htmlFor={eventId} className="admin-form__label">
          {t('admin.audit.eventFilter')}
        </label>
        <datalist id={eventsId}>
          {KNOWN_EVENTS.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
        <Input ref={eventRef} value={event} onChange={setEvent} placeholder="login" clearable />
      </div>
      <div className="admin-form__field">
        <span id={outcomeLabelId} className="admin-form__label">
          {t('admin.audit.outcomeFilter')}
        </span>
        <div role="radiogroup" aria-labelledby={outcomeLabelId}>
          <Radio.Group variant="default-filled" value={view.outcome ?? 'all'} onChange={(v) => apply(isOutcome(v) ? v : undefined)}>
            <Radio.Button value="all">{t('admin.audit.allOutcomes')}</Radio.Button>
            {AUDIT_OUTCOMES.map((o) => (
              <Radio.Button key={o} value={o}>
                {t(`admin.audit.outcome.${o}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </div>
      </div>
      <div className="admin-audit__filter-actions">
        <Button type="submit" theme="primary">
          {t('admin.audit.apply')}
        </Button>
        <Button variant="outline" onClick={() => onApply({ trail: [] })}>
          {t('admin.audit.clear')}
        </Button>
      </div>
    </form>
  );
}
