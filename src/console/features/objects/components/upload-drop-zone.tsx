import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

/**
 * Files dropped onto the listing are uploaded into the current folder. The toolbar's Upload button
 * does the same from the keyboard; this is the pointer shortcut.
 */
export function UploadDropZone({ onFiles, children }: { onFiles: (files: File[]) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'upload-drop-zone upload-drop-zone--over' : 'upload-drop-zone'}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault(); // allows the drop
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(false);
        // A dropped folder arrives as an unreadable File: its upload fails and says so.
        onFiles(Array.from(event.dataTransfer.files));
      }}
    >
      {children}
      {over ? (
        <div className="upload-drop-zone__hint" aria-hidden="true">
          {t('upload.dropHint')}
        </div>
      ) : null}
    </div>
  );
}
