import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Input } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import type { BucketTarget } from '../../../../cos/cos-client';
import { useCosClient } from '../../../../cos/cos-client-context';
import { CosClientError } from '../../../../cos/cos-error';
import type { WebsiteDecision } from '../../../../../shared/website/route';
import type { WebsiteConfiguration } from '../../../../../shared/xml/website';
import { SettingError } from '../../components/setting-error';
import type { WebsiteEndpoint } from '../../model/website-endpoint';
import { evaluateTester } from '../../model/website-tester';

/** Fallback host when the endpoint cannot be derived: redirects then show this placeholder host. */
const PLACEHOLDER_HOST = '<website-endpoint>';

/**
 * Path → what the website endpoint answers under `config` (the draft): routeWebsite decides; the
 * objects it asks about are looked up with HEAD Object, a few rounds at most (model/website-tester.ts).
 */
export function RedirectTester({ target, config, endpoint, draft }: { target: BucketTarget; config: WebsiteConfiguration; endpoint: WebsiteEndpoint | undefined; draft: boolean }) {
  const { t: w } = useTranslation(undefined, { keyPrefix: 'bucketSettings.website.tester' });
  const cos = useCosClient();
  const [path, setPath] = useState('/');
  const [publicRead, setPublicRead] = useState(true);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ decision: WebsiteDecision; path: string } | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const titleId = useId();
  const pathId = useId();
  const pathRef = useInnerInputAttributes({ id: pathId, autocomplete: 'off', spellcheck: 'false' });

  const run = async () => {
    setRunning(true);
    setFailure(undefined);
    setResult(undefined);
    const known = new Map<string, boolean>();
    const req = { path, host: endpoint?.host ?? PLACEHOLDER_HOST, scheme: endpoint?.scheme ?? 'http' } as const;
    try {
      for (let round = 0; round < 8; round++) {
        const r = evaluateTester(config, req, known, publicRead);
        if (r.kind === 'decided') {
          setResult({ decision: r.decision, path });
          return;
        }
        for (const key of r.keys) known.set(key, await exists(key));
      }
    } catch (e) {
      setFailure(e);
    } finally {
      setRunning(false);
    }
  };
  const exists = async (key: string): Promise<boolean> => {
    try {
      await cos.headObject(target, key);
      return true;
    } catch (e) {
      if (e instanceof CosClientError && e.statusCode === 404) return false;
      throw e;
    }
  };

  return (
    <section className="settings-tester" aria-labelledby={titleId}>
      <h3 id={titleId} className="settings-tester__title">{w('title')}</h3>
      <p className="website-hint">{draft ? w('intro') : w('introSaved')}</p>
      <form className="website-tester__form" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <div className="website-field">
          <label htmlFor={pathId} className="website-label">{w('path')}</label>
          <Input ref={pathRef} value={path} onChange={(v) => setPath(String(v))} placeholder="/docs/" />
        </div>
        <Checkbox checked={publicRead} onChange={setPublicRead}>{w('publicRead')}</Checkbox>
        <div>
          <Button tag="button" type="submit" theme="primary" variant="outline" loading={running}>{running ? w('running') : w('run')}</Button>
        </div>
      </form>
      <div role="status" className="website-tester__result">
        {result ? <Verdict decision={result.decision} /> : null}
      </div>
      {failure ? <SettingError title={w('failed')} error={failure} /> : null}
    </section>
  );
}

function Verdict({ decision }: { decision: WebsiteDecision }) {
  const { t: w } = useTranslation(undefined, { keyPrefix: 'bucketSettings.website.tester' });
  const a = decision.answer;
  const headline =
    a.kind === 'document' ? w('document', { status: a.status, key: a.key })
      : a.kind === 'redirect' ? w('redirect', { status: a.status, location: a.location })
        : a.kind === 'error' ? w('error', { status: a.status, code: a.code })
          : w('notImplemented', { n: a.ruleIndex + 1 });
  const by =
    a.kind === 'document' ? w(`bySource.${a.source}`)
      : a.kind === 'redirect' ? w(`bySource.${a.source}`, { n: (a.ruleIndex ?? 0) + 1 })
        : undefined;
  return (
    <div className="website-verdict" data-testid="website-verdict">
      <p className="website-verdict__headline">{headline}</p>
      {by ? <p>{w('decidedBy')}: {by}</p> : null}
      {decision.lookups.length > 0 ? (
        <>
          <p>{w('lookups')}:</p>
          <ul>
            {decision.lookups.map((l, i) => <li key={`${l.key}-${i}`}>{w('lookup', { key: l.key, outcome: w(`outcome.${l.outcome}`) })}</li>)}
          </ul>
        </>
      ) : null}
    </div>
  );
}
