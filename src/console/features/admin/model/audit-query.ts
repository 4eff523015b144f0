// The audit page's state lives in the URL (docs/architecture.md "Rules the code keeps"): filters, the
// page (`before`, the API's cursor) and the trail of earlier pages' cursors, because the API pages
// only backwards in time (`nextBefore`) and "Previous" must find its way back without refetching
// every page.
import { AUDIT_OUTCOMES, type AuditOutcome, type AuditQuery } from '../../../api/admin-api';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actor?: string;
  event?: string;
  outcome?: AuditOutcome;
}

export interface AuditView extends AuditFilters {
  /** The API cursor of this page; absent on the first (newest) page. */
  before?: number;
  /** Cursors of the pages before this one, oldest-visited first; 0 stands for the first page. */
  trail: number[];
}

const cursor = (v: string | null): number | undefined => {
  if (v === null || !/^[1-9]\d{0,15}$/.test(v)) return undefined;
  return Number(v);
};
const text = (v: string | null, max: number): string | undefined => {
  const t = v?.trim() ?? '';
  return t === '' || t.length > max ? undefined : t;
};
const isOutcome = (v: string | null): v is AuditOutcome => (AUDIT_OUTCOMES as readonly (string | null)[]).includes(v);

/** Reads the URL; values the API would refuse (400) are dropped, so a hand-edited URL still shows a page. */
export function parseAuditParams(params: URLSearchParams): AuditView {
  const view: AuditView = { trail: [] };
  // Limits of the API's querystring schema (admin-audit.ts).
  const actor = text(params.get('actor'), 300);
  const event = text(params.get('event'), 64);
  const outcome = params.get('outcome');
  const before = cursor(params.get('before'));
  if (actor !== undefined) view.actor = actor;
  if (event !== undefined) view.event = event;
  if (isOutcome(outcome)) view.outcome = outcome;
  if (before !== undefined) {
    view.before = before;
    // A trail only means something behind a page that is not the first.
    const trail = (params.get('trail') ?? '').split(',').filter((s) => s !== '');
    view.trail = trail.every((s) => s === '0' || cursor(s) !== undefined) ? trail.map(Number) : [0];
  }
  return view;
}

/** The URL's query parameters for a view (empty values are left out by paths.adminAudit). */
export function auditParams(view: AuditView): Record<string, string | undefined> {
  return {
    actor: view.actor,
    event: view.event,
    outcome: view.outcome,
    before: view.before === undefined ? undefined : String(view.before),
    trail: view.before === undefined || view.trail.length === 0 ? undefined : view.trail.join(','),
  };
}

export function toApiQuery(view: AuditView, limit = AUDIT_PAGE_SIZE): AuditQuery {
  const q: AuditQuery = { limit };
  if (view.actor !== undefined) q.actor = view.actor;
  if (view.event !== undefined) q.event = view.event;
  if (view.outcome !== undefined) q.outcome = view.outcome;
  if (view.before !== undefined) q.before = view.before;
  return q;
}

export function nextPage(view: AuditView, nextBefore: number): AuditView {
  return { ...view, before: nextBefore, trail: [...view.trail, view.before ?? 0] };
}

/** The page before this one, or undefined on the first page. */
export function previousPage(view: AuditView): AuditView | undefined {
  if (view.before === undefined) return undefined;
  const trail = view.trail.slice(0, -1);
  const previous = view.trail.at(-1) ?? 0;
  const { before: _drop, ...rest } = view;
  return previous === 0 ? { ...rest, trail: [] } : { ...rest, before: previous, trail };
}

/** New filters start again from the newest entry. */
export function withFilters(filters: AuditFilters): AuditView {
  const view: AuditView = { trail: [] };
  const actor = filters.actor?.trim();
  const event = filters.event?.trim();
  if (actor) view.actor = actor;
  if (event) view.event = event;
  if (filters.outcome) view.outcome = filters.outcome;
  return view;
}
