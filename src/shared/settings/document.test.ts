import { describe, expect, it } from 'vitest';
import { parseSettingsDocument, serializeSettingsDocument, type BucketSettingsDocument } from './document';

const FORMAT = 'cos-console/bucket-settings';
const doc = (settings: Record<string, unknown>): Record<string, unknown> => ({ format: FORMAT, version: 1, settings });

const corsRule = { allowedOrigins: ['https://a.example'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: ['ETag'], maxAgeSeconds: '600' };
const lifecycleRule = {
  id: 'expire-logs',
  filter: { kind: 'prefix', prefix: 'logs/' },
  status: 'Enabled',
  transitions: [{ days: '30', storageClass: 'STANDARD_IA' }],
  expiration: { days: '365' },
  noncurrentVersionTransitions: [],
};
const replication = {
  role: 'qcs::cam::uin/100000000001:uin/100000000001',
  rules: [{ id: 'all', status: 'Enabled', prefix: '', destination: { bucket: 'qcs::cos:ap-beijing::backup-1250000000', storageClass: 'STANDARD' } }],
};

const VALID: [string, Record<string, unknown>][] = [
  ['empty settings', doc({})],
  ['every setting', doc({
    cors: { rules: [corsRule], responseVary: 'false' },
    referer: { status: 'Enabled', refererType: 'White-List', domains: ['*.example.com'], emptyReferConfiguration: 'Allow' },
    website: { indexDocument: { suffix: 'index.html' }, errorDocument: { key: '404.html' }, routingRules: [{ condition: { keyPrefixEquals: 'old/' }, redirect: { replaceKeyPrefixWith: 'new/' } }] },
    domain: { rules: [{ status: 'ENABLED', name: 'static.example.com', type: 'REST' }] },
    versioning: 'Enabled',
    replication,
    lifecycle: { rules: [lifecycleRule, { filter: { kind: 'and', prefix: 'tmp/', tags: [{ key: 'k', value: 'v' }] }, status: 'Disabled', transitions: [], noncurrentVersionTransitions: [], noncurrentVersionExpiration: { noncurrentDays: '7' } }] },
    tagging: [{ key: 'team', value: 'web' }, { key: 'env', value: 'prod' }],
    encryption: { rules: [{ applyByDefault: { sseAlgorithm: 'AES256' } }] },
  })],
  ['deletions', doc({ cors: null, website: null, domain: null, replication: null, lifecycle: null, tagging: null, encryption: null })],
  ['referer off and versioning suspended', doc({ referer: { status: 'Disabled', refererType: 'Black-List' }, versioning: 'Suspended' })],
  ['the resource form of a replication destination', doc({
    replication: { ...replication, rules: [{ status: 'Enabled', destination: { bucket: 'qcs:id/0:cos:ap-chengdu:appid/1250000000:backup' } }] },
  })],
];

describe('parseSettingsDocument: valid documents', () => {
  it.each(VALID)('%s round-trips through parse → serialize → parse', (_name, input) => {
    const first = parseSettingsDocument(input);
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(first.value.settings).toEqual(input['settings']);
    const text = serializeSettingsDocument(first.value);
    const second = parseSettingsDocument(JSON.parse(text));
    expect(second).toEqual(first);
    if (second.ok) expect(serializeSettingsDocument(second.value)).toBe(text);
  });

  it('serializes with a stable key order whatever the input order, lists kept in order', () => {
    const a = parseSettingsDocument({ settings: { tagging: [{ value: '1', key: 'b' }, { key: 'a', value: '2' }], cors: { responseVary: 'true', rules: [{ ...corsRule }] } }, version: 1, format: FORMAT });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const text = serializeSettingsDocument(a.value);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'version', 'settings']);
    expect(Object.keys((JSON.parse(text) as BucketSettingsDocument).settings)).toEqual(['cors', 'tagging']);
    expect(text).toContain('"key": "b",\n        "value": "1"');
    expect(text.indexOf('"b"')).toBeLessThan(text.indexOf('"a"'));
    expect(text.indexOf('"rules"')).toBeLessThan(text.indexOf('"responseVary"'));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps replication destination and role verbatim', () => {
    const r = parseSettingsDocument(doc({ replication }));
    expect(r.ok && r.value.settings.replication).toEqual(replication);
  });
});

const BAD: [string, unknown, string, RegExp][] = [
  ['not an object', [], '', /JSON object/],
  ['unknown top-level key', { ...doc({}), comment: 'x' }, 'comment', /unknown key/],
  ['wrong format', { ...doc({}), format: 'cos-console/bucket' }, 'format', /cos-console\/bucket-settings/],
  ['unknown version', { ...doc({}), version: 2 }, 'version', /unsupported version/],
  ['settings missing', { format: FORMAT, version: 1 }, 'settings', /required/],
  ['unknown setting', doc({ acl: {} }), 'settings.acl', /unknown setting/],
  ['referer null', doc({ referer: null }), 'settings.referer', /Disabled/],
  ['versioning null', doc({ versioning: null }), 'settings.versioning', /Suspended/],
  ['versioning enumeration', doc({ versioning: 'Off' }), 'settings.versioning', /one of Enabled, Suspended/],
  ['unknown key inside a rule', doc({ cors: { rules: [{ ...corsRule, maxAge: 1 }] } }), 'settings.cors.rules[0].maxAge', /unknown key/],
  ['missing required list', doc({ cors: { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [] }] } }), 'settings.cors.rules[0].exposeHeaders', /required/],
  ['number where a string is', doc({ cors: { rules: [{ ...corsRule, maxAgeSeconds: 600 }] } }), 'settings.cors.rules[0].maxAgeSeconds', /expected a string, got number/],
  ['CORS method (validateCors)', doc({ cors: { rules: [corsRule, { ...corsRule, allowedMethods: ['PATCH'] }] } }), 'settings.cors.rules[1]', /Unsupported AllowedMethod PATCH/],
  ['CORS without origin (codec)', doc({ cors: { rules: [{ ...corsRule, allowedOrigins: [] }] } }), 'settings.cors.rules[0]', /AllowedOrigin/],
  ['empty CORS', doc({ cors: { rules: [] } }), 'settings.cors.rules', /use null/],
  ['referer on without domains (codec)', doc({ referer: { status: 'Enabled', refererType: 'White-List', domains: [] } }), 'settings.referer', /needs a Domain/],
  ['lifecycle filter kind', doc({ lifecycle: { rules: [{ ...lifecycleRule, filter: { kind: 'suffix' } }] } }), 'settings.lifecycle.rules[0].filter.kind', /one of all, prefix, tag, and/],
  ['lifecycle without action (validateLifecycle)', doc({ lifecycle: { rules: [{ ...lifecycleRule, transitions: [], expiration: undefined }] } }), 'settings.lifecycle.rules[0]', /At least one action/],
  ['lifecycle duplicate IDs', doc({ lifecycle: { rules: [lifecycleRule, lifecycleRule] } }), 'settings.lifecycle', /unique/],
  ['replication role', doc({ replication: { ...replication, role: 'admin' } }), 'settings.replication.role', /qcs::cam::uin/],
  ['replication destination', doc({ replication: { ...replication, rules: [{ status: 'Enabled', destination: { bucket: 'backup' } }] } }), 'settings.replication.rules[0]', /Invalid Destination\/Bucket backup/],
  ['duplicate tag key', doc({ tagging: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }), 'settings.tagging[1].key', /duplicate tag key a/],
  ['empty tag list', doc({ tagging: [] }), 'settings.tagging', /use null/],
  ['domain type', doc({ domain: { rules: [{ status: 'ENABLED', name: 'x.example', type: 'CDN' }] } }), 'settings.domain.rules[0].type', /REST, WEBSITE, ACCELERATE/],
  ['duplicate domain', doc({ domain: { rules: [{ status: 'ENABLED', name: 'x.example', type: 'REST' }, { status: 'DISABLED', name: 'X.example', type: 'WEBSITE' }] } }), 'settings.domain.rules[1].name', /duplicate domain/],
  ['encryption without rule (codec)', doc({ encryption: { rules: [] } }), 'settings.encryption', /a Rule is required/],
  ['website without index', doc({ website: { errorDocument: { key: '404.html' } } }), 'settings.website.indexDocument', /required/],
];

describe('parseSettingsDocument: bad documents', () => {
  it.each(BAD)('%s', (_name, input, path, reason) => {
    const r = parseSettingsDocument(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(r.errors)).toBeDefined();
    expect(hit?.reason).toMatch(reason);
  });

  it('reports every problem, not only the first', () => {
    const r = parseSettingsDocument({ format: 'x', version: 1, settings: { versioning: 'On', tags: [] }, extra: 1 });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['extra', 'format', 'settings.tags', 'settings.versioning']);
  });
});
