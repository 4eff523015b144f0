import { useTranslation } from 'react-i18next';
import { Button } from 'tdesign-react';
import { ModalDialog } from '../../../../components/modal-dialog';
import type { LockoutCheck, LockoutFix } from '../../model/referer-lockout';
import { decidedByText, useDecidedByT } from './referer-tester';

export interface LockoutDialogProps {
  check: LockoutCheck | null;
  saving: boolean;
  onCancel: () => void;
  onSaveAnyway: () => void;
  onFix: (fix: LockoutFix) => void;
}

/**
 * Before saving a configuration that refuses the console's own pre-signed previews and downloads, or
 * share links opened without a Referer: says which and why, and offers the one change that lets the
 * console through (docs/cos-behaviour.md "Hotlink protection (referer)").
 */
export function LockoutDialog({ check, saving, onCancel, onSaveAnyway, onFix }: LockoutDialogProps) {
  const { t } = useTranslation();
  const td = useDecidedByT();
  const fix = check?.fix;
  const footer = (
    <div className="dialog-actions">
      <Button tag="button" variant="outline" onClick={onCancel} disabled={saving}>
        {t('bucketSettings.common.cancel')}
      </Button>
      <Button tag="button" theme="warning" variant={fix ? 'outline' : 'base'} onClick={onSaveAnyway} loading={saving}>
        {t('bucketSettings.hotlink.lockout.saveAnyway')}
      </Button>
      {fix ? (
        <Button tag="button" theme="primary" onClick={() => onFix(fix)} disabled={saving}>
          {fix.kind === 'add' ? t('bucketSettings.hotlink.lockout.applyAdd', { entry: fix.entry }) : t('bucketSettings.hotlink.lockout.applyRemove', { entry: fix.entry })}
        </Button>
      ) : null}
    </div>
  );
  return (
    <ModalDialog visible={check !== null} title={t('bucketSettings.hotlink.lockout.title')} onClose={onCancel} footer={footer} width={640}>
      {check ? (
        <div className="hotlink__lockout">
          <p>{t('bucketSettings.hotlink.lockout.intro')}</p>
          <ul>
            {check.console.allowed ? null : (
              <li>
                {t('bucketSettings.hotlink.lockout.console', { referer: check.consoleReferer, reason: decidedByText(td, check.console) })}
                {fix ? (
                  <div className="hotlink__fix">
                    {fix.kind === 'add'
                      ? t('bucketSettings.hotlink.lockout.addFix', { entry: fix.entry })
                      : t('bucketSettings.hotlink.lockout.removeFix', { n: fix.index + 1, entry: fix.entry })}
                  </div>
                ) : null}
              </li>
            )}
            {check.direct.allowed ? null : (
              <li>
                {t('bucketSettings.hotlink.lockout.direct', { reason: decidedByText(td, check.direct) })}
                <div className="hotlink__fix">{t('bucketSettings.hotlink.lockout.directFix')}</div>
              </li>
            )}
          </ul>
        </div>
      ) : null}
    </ModalDialog>
  );
}
