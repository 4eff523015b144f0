// The hotlink-protection tester: whether a bucket's referer configuration (PUT Bucket referer,
// https://cloud.tencent.com/document/product/436/32492; "Setting Hotlink Protection", 436/13319) lets
// an anonymous read with a given Referer through, and which setting decided. Computed by the very
// evaluator cos-local enforces (./match), so the prediction is what cos-local does.
import type { RefererConfiguration } from '../xml/referer';
import { judgeRefererDetailed, refererHits, type RefererDecider, type RefererVerdict } from './match';

export interface RefererExplanation {
  allowed: boolean;
  verdict: RefererVerdict | 'no-configuration';
  /** What decided; `no-configuration` when the bucket has none (nothing is checked). */
  decidedBy: RefererDecider | { kind: 'no-configuration' };
  /** The list type that applied, when a domain list was consulted. */
  listType?: 'Black-List' | 'White-List';
  /** Every domain entry the Referer hits, in order (the first is the deciding one). */
  hits: { index: number; entry: string }[];
  /**
   * HTTP status of an anonymous (or pre-signed) read of a readable object: 200, or 403 AccessDenied
   * (436/13319). Requests signed in their Authorization header are not judged.
   */
  status: 200 | 403;
  code?: 'AccessDenied';
}

/** What hotlink protection does with a read carrying `referer` (undefined or '' = no Referer header). */
export function explainReferer(config: RefererConfiguration | undefined, referer: string | undefined): RefererExplanation {
  if (!config) return { allowed: true, verdict: 'no-configuration', decidedBy: { kind: 'no-configuration' }, hits: [], status: 200 };
  const { verdict, decidedBy } = judgeRefererDetailed(config, referer);
  const value = referer?.trim() ?? '';
  const consulted = decidedBy.kind === 'domain' || decidedBy.kind === 'no-domain-hit';
  const hits = consulted ? (config.domains ?? []).flatMap((entry, index) => (value !== '' && refererHits(entry, value) ? [{ index, entry }] : [])) : [];
  const allowed = verdict === 'allow';
  return {
    allowed, verdict, decidedBy,
    ...(consulted ? { listType: config.refererType === 'Black-List' ? 'Black-List' as const : 'White-List' as const } : {}),
    hits,
    ...(allowed ? { status: 200 as const } : { status: 403 as const, code: 'AccessDenied' as const }),
  };
}
