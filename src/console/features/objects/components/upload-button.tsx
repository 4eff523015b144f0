import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'tdesign-react';
import { DeniedAction } from './denied-action';

/**
 * "Upload": opens the file picker (several files at once) and hands the chosen files on. `denied`:
 * why this session may not upload here; the button is then disabled and says so.
 */
export function UploadButton({ onFiles, denied }: { onFiles: (files: File[]) => void; denied?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  if (denied !== undefined) {
    return (
      <DeniedAction reason={denied}>
        {(describedBy) => (
          <Button theme="primary" tag="button" disabled aria-describedby={describedBy}>
            {t('upload.button')}
          </Button>
        )}
      </DeniedAction>
    );
  }
  return (
    <>
      <Button theme="primary" onClick={() => input.current?.click()}>
        {t('upload.button')}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={t('upload.chooseFiles')}
        onChange={(event) => {
          onFiles(Array.from(event.currentTarget.files ?? []));
          event.currentTarget.value = ''; // choosing the same file again must fire again
        }}
      />
    </>
  );
}
