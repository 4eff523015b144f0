import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, Tag } from 'tdesign-react';
import type { GrantList } from '../../../../../../shared/policy/acl-grants';
import { shortCosAction } from '../../../../../../shared/policy/action';
import { MATRIX_ACTIONS, buildMatrix, type MatrixRow } from './model/matrix';
import type { BucketInfo, SimPrincipal, SimRequest } from './model/simulate';

interface Props {
  policyText: string;
  bucket: BucketInfo;
  ownerUin: string;
  principal: SimPrincipal;
  principalLabel: string;
  base: Omit<SimRequest, 'action' | 'key' | 'prefix'>;
  bucketAcl: GrantList | null;
}

/** Which common operations the principal may perform under each key pattern of the draft (model/matrix.ts). */
export function AccessMatrix(props: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const rows = buildMatrix(props) ?? [];
  const yes = t('bucketSettings.policy.simulator.allowed');
  const no = t('bucketSettings.policy.simulator.denied');
  return (
    <section aria-labelledby={titleId} className="policy-simulator__matrix">
      <h4 id={titleId} className="policy-simulator__subtitle">{t('bucketSettings.policy.simulator.matrixCaption', { principal: props.principalLabel })}</h4>
      <p className="policy-simulator__hint">{t('bucketSettings.policy.simulator.matrixIntro')}</p>
      <Table<MatrixRow>
        rowKey="pattern"
        size="small"
        bordered
        data={rows}
        tableLayout="auto"
        columns={[
          {
            colKey: 'pattern', title: t('bucketSettings.policy.simulator.scope'),
            cell: ({ row }) => (row.pattern === '' ? t('bucketSettings.policy.simulator.root') : <code className="policy-simulator__mono">{row.pattern}</code>),
          },
          { colKey: 'sampleKey', title: t('bucketSettings.policy.simulator.sampleKey'), cell: ({ row }) => <code className="policy-simulator__mono">{row.sampleKey}</code> },
          ...MATRIX_ACTIONS.map((action, i) => ({
            colKey: `a${i}`,
            title: action === 'name/cos:GetBucket' ? t('bucketSettings.policy.simulator.listing') : shortCosAction(action) ?? action,
            cell: ({ row }: { row: MatrixRow }) => {
              const cell = row.cells[i];
              return cell?.allowed ? <Tag theme="success" variant="light">{yes}</Tag> : <Tag theme="danger" variant="light">{no}</Tag>;
            },
          })),
        ]}
      />
    </section>
  );
}
