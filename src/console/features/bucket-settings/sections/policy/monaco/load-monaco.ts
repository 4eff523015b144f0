// Monaco, loaded only when an editor opens: the editor core, its editing features and the JSON
// language, all from the monaco-editor npm package (never a CDN). Its two web workers are bundled by
// Vite (`?worker`) and served from this origin, which the console's CSP allows (`worker-src 'self'
// blob:`, src/server/security-headers.ts). Package layout: monaco-editor 0.57 `esm/vs` (package.json
// "exports": "./*" → "./esm/vs/*.js").
import type * as MonacoApi from 'monaco-editor/editor/editor.api';
import type * as JsonLanguage from 'monaco-editor/languages/features/json/register';

export type Monaco = typeof MonacoApi;
type JsonDefaults = (typeof JsonLanguage)['jsonDefaults'];

export interface LoadedMonaco {
  monaco: Monaco;
  /** The JSON language's settings: schemas for completion, hover and validation. */
  jsonDefaults: JsonDefaults;
}

let loading: Promise<LoadedMonaco> | undefined;

export function loadMonaco(): Promise<LoadedMonaco> {
  loading ??= (async () => {
    const [monaco, editorWorker, jsonWorker, , json] = await Promise.all([
      import('monaco-editor/editor/editor.api'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/languages/features/json/json.worker?worker'),
      import('monaco-editor/features/register.all'),
      import('monaco-editor/languages/features/json/register'),
    ]);
    const EditorWorker = editorWorker.default;
    const JsonWorker = jsonWorker.default;
    self.MonacoEnvironment = {
      getWorker: (_moduleId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
    };
    return { monaco, jsonDefaults: json.jsonDefaults };
  })();
  return loading;
}
