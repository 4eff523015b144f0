// The console's static-website tester (src/shared/website/route.ts) and cos-local's website endpoint
// answer alike: each configuration is PUT into a real cos-local bucket with cos-nodejs-sdk-v5, each path
// is requested anonymously on the website host `<bucket>.cos-website.<region>.localhost:<port>`, and the
// tester's prediction — given only what the test knows about which objects exist and who may read them —
// must equal the real status, Location (redirects) and body (documents). Behaviour: PUT Bucket website
// (https://cloud.tencent.com/document/product/436/30617) and docs/cos-behaviour.md "Static website".
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { evaluateTester } from '../../src/console/features/bucket-settings/model/website-tester';
import { routeWebsite, type WebsiteAnswer, type WebsiteLookup } from '../../src/shared/website/route';
import type { WebsiteConfiguration, WebsiteRoutingRule } from '../../src/shared/xml/website';
import { cosRequest } from '../support/cos-request';

const SECRET_ID = 'AKIDwebsitetesterwebsitetester00001';
const SECRET_KEY = 'websitetesterwebsitetester000001';
const APPID = '1250000000';
const REGION = 'ap-guangzhou';

interface Site {
  bucket: string;
  /** Bucket ACL: a private bucket refuses anonymous reads of keys it lacks (403, not 404). */
  acl: 'public-read' | 'private';
  config: WebsiteConfiguration;
  /** Extra Redirect elements per rule, sent but not part of the configuration type (HttpRedirectCode). */
  extraRedirect?: Record<number, Record<string, string>>;
  /** key → body; objects are public-read unless listed in `privateKeys`. */
  objects: Record<string, string>;
  privateKeys?: string[];
}

const SITES = {
  plain: {
    bucket: `plain-${APPID}`, acl: 'public-read',
    config: { indexDocument: { suffix: 'index.html' }, errorDocument: { key: '404.html' } },
    objects: {
      'index.html': 'home', 'dir/index.html': 'dir home', 'about.html': 'about', '404.html': 'not here',
      'a b.html': 'spaced', 'secret.html': 'secret',
      // Only `index.htm`: no fallback to it (docs/cos-behaviour.md "Static website").
      'legacy/index.htm': 'legacy home',
    },
    privateKeys: ['secret.html'],
  },
  spa: {
    bucket: `spa-${APPID}`, acl: 'public-read',
    config: {
      indexDocument: { suffix: 'index.html' }, autoAddressing: { status: 'Enabled' },
      errorDocument: { key: 'index.html', originalHttpStatus: 'Disabled' },
    },
    objects: { 'index.html': 'spa shell', 'about.html': 'about page', 'blog/post.html': 'a post' },
  },
  rules: {
    bucket: `rules-${APPID}`, acl: 'public-read',
    config: {
      indexDocument: { suffix: 'index.html' },
      routingRules: [
        { condition: { keyPrefixEquals: 'docs/' }, redirect: { protocol: 'https', replaceKeyPrefixWith: 'documents/' } },
        { condition: { keyPrefixEquals: 'img/' }, redirect: { replaceKeyWith: 'picture.jpg' } },
        { condition: { httpErrorCodeReturnedEquals: '404' }, redirect: { replaceKeyWith: '404.html' } },
        { condition: { keyPrefixEquals: 'old' }, redirect: { replaceKeyPrefixWith: 'new' } },
      ],
    },
    // Not in the configuration type: cos-local's codec ignores it, and the rule still answers 301.
    extraRedirect: { 3: { HttpRedirectCode: '302' } },
    objects: { 'index.html': 'rules home', 'present.html': 'present', 'docs/a.html': 'shadowed by rule 0', '404.html': 'gone' },
    privateKeys: ['present-private.html'],
  },
  // What the console's single-page-app preset plus one prefix rule saves (model/website-form.ts).
  consoleSpa: {
    bucket: `console-spa-${APPID}`, acl: 'public-read',
    config: {
      indexDocument: { suffix: 'index.html' },
      errorDocument: { key: 'index.html', originalHttpStatus: 'Disabled' },
      routingRules: [{ condition: { keyPrefixEquals: 'old/' }, redirect: { replaceKeyPrefixWith: 'new/' } }],
    },
    objects: { 'index.html': 'app shell', 'new/x': 'the new page', 'docs/index.html': 'docs home' },
  },
  redirectAll: {
    bucket: `all-${APPID}`, acl: 'public-read',
    config: { indexDocument: { suffix: 'index.html' }, redirectAllRequestsTo: { protocol: 'https' } },
    objects: { 'index.html': 'never served over http' },
  },
  privateBucket: {
    bucket: `closed-${APPID}`, acl: 'private',
    config: {
      indexDocument: { suffix: 'index.html' },
      routingRules: [{ condition: { httpErrorCodeReturnedEquals: '403' }, redirect: { protocol: 'https', replaceKeyWith: 'denied.html' } }],
    },
    objects: { 'public.html': 'open page' },
  },
} satisfies Record<string, Site>;

type SiteName = keyof typeof SITES;

/** [site, path as sent, expected kind]: the kind guards against a table that only ever compares errors. */
const CASES: Array<[SiteName, string, WebsiteAnswer['kind']]> = [
  ['plain', '/', 'document'],
  ['plain', '/dir/', 'document'],
  ['plain', '/dir', 'redirect'],
  ['plain', '/about.html', 'document'],
  ['plain', '/about', 'document'], // no AutoAddressing: the error document, 404
  ['plain', '/missing/', 'document'],
  ['plain', '/secret.html', 'document'], // 403: the error document with 403
  ['plain', '/a%20b.html', 'document'],
  ['plain', '/legacy/', 'document'], // only legacy/index.htm: served by the index.htm fallback
  ['plain', '/legacy', 'redirect'], // legacy/ has an index (legacy/index.htm): to the folder
  ['spa', '/', 'document'],
  ['spa', '/about', 'document'],
  ['spa', '/blog/post', 'document'],
  ['spa', '/app/settings/profile', 'document'], // the single-page-app shell, 200
  ['spa', '/about.html', 'document'],
  ['spa', '/blog/', 'document'],
  ['rules', '/docs/a.html', 'redirect'],
  ['rules', '/img/x/y.png', 'redirect'],
  ['rules', '/nothing.html', 'redirect'],
  ['rules', '/oldpage.html', 'redirect'],
  ['rules', '/old/', 'redirect'],
  ['rules', '/', 'document'],
  ['rules', '/present.html', 'document'],
  ['rules', '/docs', 'redirect'], // not `docs/`: a 404, so the error-code rule
  ['rules', '/present-private.html', 'error'], // 403 and no 403 rule nor error document
  ['consoleSpa', '/', 'document'],
  ['consoleSpa', '/no/such/page', 'document'],
  ['consoleSpa', '/old/x', 'redirect'],
  ['consoleSpa', '/new/x', 'document'],
  ['consoleSpa', '/docs', 'redirect'], // dir → dir/ (302)
  ['redirectAll', '/', 'redirect'],
  ['redirectAll', '/a/b.html', 'redirect'],
  ['redirectAll', '/a%20b', 'redirect'],
  ['privateBucket', '/public.html', 'document'],
  ['privateBucket', '/missing.html', 'redirect'],
  ['privateBucket', '/', 'redirect'],
];

let cosLocal: RunningCosLocal;

const siteHost = (site: Site): string => `${site.bucket}.cos-website.${REGION}.localhost:${cosLocal.port}`;

function ruleToSdk(rule: WebsiteRoutingRule, extra: Record<string, string> = {}): object {
  const c = rule.condition;
  const r = rule.redirect;
  return {
    Condition: { ...(c.httpErrorCodeReturnedEquals ? { HttpErrorCodeReturnedEquals: c.httpErrorCodeReturnedEquals } : {}), ...(c.keyPrefixEquals ? { KeyPrefixEquals: c.keyPrefixEquals } : {}) },
    Redirect: {
      ...(r.protocol ? { Protocol: r.protocol } : {}), ...(r.replaceKeyWith ? { ReplaceKeyWith: r.replaceKeyWith } : {}),
      ...(r.replaceKeyPrefixWith ? { ReplaceKeyPrefixWith: r.replaceKeyPrefixWith } : {}), ...extra,
    },
  };
}

function configToSdk(site: Site): COS.WebsiteConfiguration {
  const c = site.config;
  return {
    IndexDocument: { Suffix: c.indexDocument.suffix },
    ...(c.redirectAllRequestsTo ? { RedirectAllRequestsTo: { Protocol: c.redirectAllRequestsTo.protocol } } : {}),
    ...(c.autoAddressing ? { AutoAddressing: { Status: c.autoAddressing.status } } : {}),
    ...(c.errorDocument ? { ErrorDocument: { Key: c.errorDocument.key, ...(c.errorDocument.originalHttpStatus ? { OriginalHttpStatus: c.errorDocument.originalHttpStatus } : {}) } } : {}),
    ...(c.routingRules ? { RoutingRules: c.routingRules.map((r, i) => ruleToSdk(r, site.extraRedirect?.[i])) } : {}),
  } as COS.WebsiteConfiguration;
}

/** What the test knows: which keys it put, which are private, and the bucket's ACL. */
function knowledge(site: Site): WebsiteLookup {
  return (key) => {
    const exists = key in site.objects;
    const privateKey = (site.privateKeys ?? []).includes(key);
    return { exists, readable: !privateKey && (site.acl === 'public-read' || exists) };
  };
}

interface Observed {
  status: number;
  location?: string;
  body?: string;
}

function predicted(site: Site, answer: WebsiteAnswer): Observed {
  switch (answer.kind) {
    case 'document': return { status: answer.status, body: site.objects[answer.key] ?? `<no body for ${answer.key}>` };
    case 'redirect': return { status: answer.status, location: answer.location };
    case 'error': return { status: answer.status, body: answer.code };
    case 'not-implemented': return { status: 501 };
  }
}

function observed(answer: WebsiteAnswer['kind'], res: { status: number; headers: Record<string, string | string[] | undefined>; text: string }): Observed {
  if (res.status === 301 || res.status === 302) return { status: res.status, location: String(res.headers['location']) };
  if (answer === 'error') return { status: res.status, body: /<li>Code: ([^<]*)<\/li>/.exec(res.text)?.[1] ?? res.text };
  return { status: res.status, body: res.text };
}

function predict(name: SiteName, path: string, lookup: WebsiteLookup = knowledge(SITES[name])): WebsiteAnswer {
  const site: Site = SITES[name];
  return routeWebsite(site.config, { key: decodeURIComponent(path).slice(1), rawPath: path, host: siteHost(site), scheme: 'http' }, lookup).answer;
}

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  const cos = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${cosLocal.port}` });
  for (const site of Object.values(SITES) as Site[]) {
    const b = { Bucket: site.bucket, Region: REGION };
    await cos.putBucket({ ...b, ACL: site.acl });
    for (const [Key, Body] of Object.entries(site.objects)) {
      await cos.putObject({ ...b, Key, Body, ContentType: 'text/html', ACL: (site.privateKeys ?? []).includes(Key) ? 'private' : 'public-read' });
    }
    for (const Key of site.privateKeys ?? []) {
      if (!(Key in site.objects)) await cos.putObject({ ...b, Key, Body: 'private', ACL: 'private' });
    }
    await cos.putBucketWebsite({ ...b, WebsiteConfiguration: configToSdk(site) });
  }
}, 60_000);
afterAll(async () => {
  await cosLocal.close();
});

describe('the website tester predicts what the website endpoint answers', () => {
  it('has a table of both redirects and documents, and errors', () => {
    const kinds = CASES.map(([name, path]) => predict(name, path).kind);
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(kinds.filter((k) => k === 'redirect').length).toBeGreaterThanOrEqual(5);
    expect(kinds.filter((k) => k === 'document').length).toBeGreaterThanOrEqual(5);
    expect(kinds).toContain('error');
  });

  it.each(CASES)('%s %s (%s)', async (name, path, kind) => {
    const site: Site = SITES[name];
    const answer = predict(name, path);
    expect(answer.kind).toBe(kind);
    const res = await cosRequest({ port: cosLocal.port, host: siteHost(site), path });
    expect(observed(kind, res)).toEqual(predicted(site, answer));
  });

  it('notices a wrong prediction (sanity): the tester told nothing exists disagrees with the endpoint', async () => {
    const wrong = predict('spa', '/about', () => ({ exists: false, readable: true }));
    const res = await cosRequest({ port: cosLocal.port, host: siteHost(SITES.spa), path: '/about' });
    expect(observed(wrong.kind, res)).not.toEqual(predicted(SITES.spa, wrong));
    expect(observed('document', res)).toEqual({ status: 200, body: 'about page' });
  });

  // The console's redirect tester learns existence one HEAD Object at a time (model/website-tester.ts):
  // with the test's knowledge standing in for HEAD, its rounds reach routeWebsite's answer.
  it.each(CASES.filter(([name]) => SITES[name].acl === 'public-read' && !(SITES[name] as Site).privateKeys))('the console tester agrees on %s %s', async (name, path) => {
    const site: Site = SITES[name];
    const known = new Map<string, boolean>();
    const req = { path, host: siteHost(site), scheme: 'http' as const };
    let result = evaluateTester(site.config, req, known, true);
    for (let round = 0; result.kind === 'needs' && round < 8; round++) {
      for (const key of result.keys) known.set(key, key in site.objects);
      result = evaluateTester(site.config, req, known, true);
    }
    if (result.kind !== 'decided') throw new Error('the tester did not decide');
    expect(result.decision.answer).toEqual(predict(name, path));
    const res = await cosRequest({ port: cosLocal.port, host: siteHost(site), path });
    expect(observed(result.decision.answer.kind, res)).toEqual(predicted(site, result.decision.answer));
  });

  it('predicts the deciding rule and the 301 even where a rule sends HttpRedirectCode', () => {
    expect(predict('rules', '/oldpage.html')).toEqual({
      kind: 'redirect', status: 301, source: 'routing-rule', ruleIndex: 3, location: `http://${siteHost(SITES.rules)}/newpage.html`,
    });
    expect(predict('rules', '/nothing.html')).toMatchObject({ source: 'routing-rule', ruleIndex: 2 });
  });
});
