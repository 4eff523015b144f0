import { useEffect, useRef, useState } from 'react';
import { PageLoading } from '../../../../../components/page-loading';
import { loadMonaco, type LoadedMonaco } from './load-monaco';

/** Monaco's side-by-side diff of two JSON texts, read-only. */
export function JsonDiff({ original, modified, ariaLabel, height = 360 }: { original: string; modified: string; ariaLabel: string; height?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<LoadedMonaco>();
  useEffect(() => {
    let live = true;
    void loadMonaco().then((m) => live && setLoaded(m));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!loaded || !host.current) return;
    const { monaco } = loaded;
    const left = monaco.editor.createModel(original, 'json');
    const right = monaco.editor.createModel(modified, 'json');
    const diff = monaco.editor.createDiffEditor(host.current, {
      readOnly: true, originalEditable: false, automaticLayout: true, minimap: { enabled: false }, renderSideBySide: true,
      ariaLabel, originalAriaLabel: ariaLabel, modifiedAriaLabel: ariaLabel, scrollBeyondLastLine: false,
    });
    diff.setModel({ original: left, modified: right });
    return () => {
      diff.dispose();
      left.dispose();
      right.dispose();
    };
  }, [loaded, original, modified, ariaLabel]);
  return (
    <div style={{ height }} data-testid="json-diff">
      {!loaded ? <PageLoading /> : null}
      <div ref={host} style={{ height: '100%' }} />
    </div>
  );
}
