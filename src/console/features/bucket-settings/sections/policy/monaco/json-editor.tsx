import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../../../components/page-loading';
import { loadMonaco, type LoadedMonaco } from './load-monaco';

/** A finding to show in the editor, at its exact range (1-based lines and columns). */
export interface EditorMarker {
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  code?: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface JsonEditorProps {
  /** The document's text; a change from outside (the generator) replaces the editor's, undoably. */
  value: string;
  onChange: (value: string) => void;
  /** Identifies the model (and the schema's fileMatch), e.g. `inmemory://policy/photos-1250000000.json`. */
  modelUri: string;
  schema?: object;
  markers: readonly EditorMarker[];
  ariaLabel: string;
  readOnly?: boolean;
  height?: number;
}

const SEVERITY = { error: 8, warning: 4, info: 2, hint: 1 } as const;

/**
 * Monaco on a JSON document, loaded on first render (load-monaco.ts). Completion and hover come from
 * `schema`; `markers` (the policy linter's findings) are set as model markers under the owner
 * `cos-console`, so they sit beside Monaco's own JSON syntax markers.
 */
export function JsonEditor({ value, onChange, modelUri, schema, markers, ariaLabel, readOnly = false, height = 420 }: JsonEditorProps) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<LoadedMonaco>();
  const [failed, setFailed] = useState<Error>();
  const editor = useRef<ReturnType<LoadedMonaco['monaco']['editor']['create']>>(undefined);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;

  useEffect(() => {
    let live = true;
    loadMonaco().then((m) => live && setLoaded(m), (e: unknown) => live && setFailed(e instanceof Error ? e : new Error(String(e))));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!loaded || !host.current) return;
    const { monaco } = loaded;
    const uri = monaco.Uri.parse(modelUri);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, 'json', uri);
    if (model.getValue() !== value) model.setValue(value);
    const created = monaco.editor.create(host.current, {
      model,
      ariaLabel,
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      // Tab moves focus out of the editor after Ctrl+M, as Monaco documents; keyboard users also get F8
      // (next problem) and Ctrl+. (quick fix).
      accessibilitySupport: 'auto',
    });
    editor.current = created;
    const sub = model.onDidChangeContent(() => latestOnChange.current(model.getValue()));
    return () => {
      sub.dispose();
      created.dispose();
      model.dispose();
      editor.current = undefined;
    };
    // The editor is made once per model; value changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, modelUri]);

  // A change from outside the editor: applied as an edit, so Ctrl+Z brings the previous text back.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model || model.getValue() === value) return;
    editor.current?.executeEdits('cos-console', [{ range: model.getFullModelRange(), text: value }]);
  }, [value]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly, ariaLabel });
  }, [readOnly, ariaLabel]);

  useEffect(() => {
    if (!loaded || !schema) return;
    loaded.jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      schemaValidation: 'warning',
      schemas: [{ uri: `${modelUri}#schema`, fileMatch: [modelUri], schema }],
    });
  }, [loaded, schema, modelUri]);

  useEffect(() => {
    if (!loaded) return;
    const model = loaded.monaco.editor.getModel(loaded.monaco.Uri.parse(modelUri));
    if (!model) return;
    loaded.monaco.editor.setModelMarkers(model, 'cos-console', markers.map((m) => ({ ...m, severity: SEVERITY[m.severity], source: 'cos-console', ...(m.code ? { code: m.code } : {}) })));
  }, [loaded, markers, modelUri]);

  if (failed) return <p role="alert">{t('bucketSettings.policy.editorFailed', { message: failed.message })}</p>;
  return (
    <div className="json-editor" style={{ height }} data-testid="json-editor">
      {!loaded ? <PageLoading /> : null}
      <div ref={host} style={{ height: '100%' }} />
    </div>
  );
}
