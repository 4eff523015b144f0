import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'tdesign-react';

/** "Upload": opens the file picker (several files at once) and hands the chosen files on. */
export function UploadButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
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
