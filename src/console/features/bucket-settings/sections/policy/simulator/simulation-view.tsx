import { useTranslation } from 'react-i18next';
import { Alert, Table, Tag } from 'tdesign-react';
import type { AclGrant } from '../../../../../../shared/xml/acl';
import { aclRuleOfAction } from '../../../../../../shared/policy/acl-grants';
import type { SimulationResult, StatementExplanation } from './model/simulate';

type Ok = Extract<SimulationResult, { ok: true }>;

function useStatementName() {
  const { t } = useTranslation();
  return (index: number, sid: string | undefined): string =>
    sid ? t('bucketSettings.policy.simulator.statementNameWithSid', { n: index + 1, sid }) : t('bucketSettings.policy.simulator.statementName', { n: index + 1 });
}

function granteeText(g: AclGrant): string {
  return g.grantee.type === 'uri' ? g.grantee.uri : g.grantee.id;
}

/** The verdict, the reason, every statement with why it did or did not apply, and the ACL grants. */
export function SimulationView({ result }: { result: Ok }) {
  const { t } = useTranslation();
  const name = useStatementName();
  const d = result.decision;
  const by = d.effect === 'implicit-deny' ? undefined : d.by;
  const reason =
    d.effect === 'deny' ? t('bucketSettings.policy.simulator.because.explicitDeny', { statement: name(d.by.statementIndex, d.by.sid) })
      : d.effect === 'implicit-deny' ? t('bucketSettings.policy.simulator.because.implicitDeny')
        : by === 'root-owner' ? t('bucketSettings.policy.simulator.because.rootOwner')
          : by === 'acl' ? t('bucketSettings.policy.simulator.because.acl')
            : typeof by === 'object' ? t('bucketSettings.policy.simulator.because.policyAllow', { statement: name(by.statementIndex, by.sid) }) : '';
  const verdict = result.allowed ? t('bucketSettings.policy.simulator.allowed') : t('bucketSettings.policy.simulator.denied');
  const rule = aclRuleOfAction(result.action);

  return (
    <>
      <h4 className="policy-simulator__subtitle">{t('bucketSettings.policy.simulator.verdict')}</h4>
      <Alert
        theme={result.allowed ? 'success' : 'error'}
        title={verdict}
        message={
          <span data-testid="simulator-reason">
            {reason}
            {result.viaPrefix ? ` ${t('bucketSettings.policy.simulator.because.viaPrefix')}` : ''}
          </span>
        }
      />
      <p className="policy-simulator__hint policy-simulator__mono">{t('bucketSettings.policy.simulator.resource', { resource: result.resource })}</p>

      <h4 className="policy-simulator__subtitle">{t('bucketSettings.policy.simulator.statements')}</h4>
      {result.statements.length === 0 ? (
        <p className="policy-simulator__hint">{t('bucketSettings.policy.simulator.noStatements')}</p>
      ) : (
        <Table<StatementExplanation>
          rowKey="index"
          size="small"
          bordered
          data={[...result.statements]}
          rowClassName={({ row }) => (row.decisive ? 'policy-simulator__row--decisive' : '')}
          columns={[
            {
              colKey: 'statement', title: t('bucketSettings.policy.simulator.columns.statement'), width: 200,
              cell: ({ row }) => (
                <span>
                  {name(row.index, row.sid)} {row.decisive ? <Tag theme="primary" variant="light">{t('bucketSettings.policy.simulator.decided')}</Tag> : null}
                </span>
              ),
            },
            { colKey: 'effect', title: t('bucketSettings.policy.simulator.columns.effect'), width: 90, cell: ({ row }) => t(`bucketSettings.policy.simulator.effects.${row.effect}`) },
            { colKey: 'result', title: t('bucketSettings.policy.simulator.columns.outcome'), width: 200, cell: ({ row }) => t(`bucketSettings.policy.simulator.outcomes.${row.result}`) },
            {
              colKey: 'conditions', title: t('bucketSettings.policy.simulator.columns.conditions'),
              cell: ({ row }) =>
                row.conditions.length === 0 ? '—' : (
                  <ul className="policy-simulator__conditions">
                    {row.conditions.map((c, i) => (
                      <li key={i}>
                        <code>{`${c.operator} ${c.key} ${JSON.stringify(c.values)}`}</code>
                        {' — '}
                        {c.requestValues.length > 0
                          ? t('bucketSettings.policy.simulator.requestValue', { values: c.requestValues.join(', ') })
                          : t('bucketSettings.policy.simulator.requestMissing')}
                        {' — '}
                        <strong>{c.holds ? t('bucketSettings.policy.simulator.conditionHolds') : t('bucketSettings.policy.simulator.conditionFails')}</strong>
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      )}

      <h4 className="policy-simulator__subtitle">{t('bucketSettings.policy.simulator.aclGrants')}</h4>
      {!rule ? (
        <p className="policy-simulator__hint">{t('bucketSettings.policy.simulator.aclNotApplicable')}</p>
      ) : result.acl.grants.length === 0 ? (
        <p className="policy-simulator__hint">{t('bucketSettings.policy.simulator.aclNoGrant', { permission: rule.permission })}</p>
      ) : (
        <ul className="policy-simulator__conditions">
          {result.acl.grants.map((g, i) => (
            <li key={i} className="policy-simulator__mono">{t('bucketSettings.policy.simulator.aclGrant', { grantee: granteeText(g), permission: g.permission })}</li>
          ))}
        </ul>
      )}
    </>
  );
}
