import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackedSetting } from '../../../../shared/settings/codecs';
import { diffCounts, diffRows, settingText } from '../model/setting-diff';
import './diff-view.css';

export interface DiffViewProps {
  setting: TrackedSetting;
  before: unknown;
  after: unknown;
  /** Names the diff for assistive technology (e.g. "Changes to CORS in #12"). */
  label: string;
}

/**
 * The line diff of two values of a setting. Each line says what it is in text — a visible +/− sign,
 * and "Added"/"Removed" for screen readers, inside <ins>/<del> — so colour is never the only cue.
 */
export function DiffView({ setting, before, after, label }: DiffViewProps) {
  const { t } = useTranslation();
  const rows = useMemo(() => diffRows(settingText(setting, before), settingText(setting, after)), [setting, before, after]);
  const counts = diffCounts(rows);
  if (rows.length === 0) return <p className="diff-view__empty">{t('bucketSettings.history.diff.bothNone')}</p>;
  return (
    <figure className="diff-view">
      <figcaption className="diff-view__caption">
        <span className="visually-hidden">{label}: </span>
        {counts.added === 0 && counts.removed === 0
          ? t('bucketSettings.history.diff.noDifference')
          : t('bucketSettings.history.diff.counts', { added: counts.added, removed: counts.removed })}
      </figcaption>
      {/* A keyboard user can scroll a long diff: the list takes the focus. */}
      <ol className="diff-view__lines" aria-label={label} tabIndex={0}>
        {rows.map((row, i) => {
          switch (row.kind) {
            case 'added':
              return (
                <li key={i} className="diff-view__line diff-view__line--added">
                  <span className="diff-view__sign" aria-hidden="true">+</span>
                  <ins><span className="visually-hidden">{t('bucketSettings.history.diff.added')}: </span>{row.text}</ins>
                </li>
              );
            case 'removed':
              return (
                <li key={i} className="diff-view__line diff-view__line--removed">
                  <span className="diff-view__sign" aria-hidden="true">−</span>
                  <del><span className="visually-hidden">{t('bucketSettings.history.diff.removed')}: </span>{row.text}</del>
                </li>
              );
            case 'same':
              return (
                <li key={i} className="diff-view__line">
                  <span className="diff-view__sign" aria-hidden="true"> </span>
                  <span>{row.text}</span>
                </li>
              );
            case 'skipped':
              return (
                <li key={i} className="diff-view__line diff-view__line--skipped">
                  <span className="diff-view__sign" aria-hidden="true">…</span>
                  <span>{t('bucketSettings.history.diff.skipped', { lines: row.count })}</span>
                </li>
              );
          }
        })}
      </ol>
    </figure>
  );
}
