import { describe, expect, it } from 'vitest';
import type { WebsiteConfiguration, WebsiteRoutingRule } from '../../shared/xml/website';
import { validateWebsite } from './validate';

const base: WebsiteConfiguration = { indexDocument: { suffix: 'index.html' } };
const withRule = (rule: WebsiteRoutingRule): WebsiteConfiguration => ({ ...base, routingRules: [rule] });

describe('validateWebsite (436/30617, 436/31930)', () => {
  it.each([
    ['the minimum', base],
    ['the doc sample rules', withRule({ condition: { keyPrefixEquals: 'article/' }, redirect: { protocol: 'https', replaceKeyPrefixWith: 'archived/' } })],
    ['an upper-case HTTPS', { ...base, redirectAllRequestsTo: { protocol: 'HTTPS' } }],
    ['URLRedirect Enabled', withRule({ condition: { httpErrorCodeReturnedEquals: '404' }, redirect: { replaceKeyWith: '404.html', urlRedirect: 'Enabled' } })],
    ['all switches', { ...base, autoAddressing: { status: 'Disabled' }, errorDocument: { key: 'e.html', charity404: 'Enabled', originalHttpStatus: 'Disabled' } }],
  ])('accepts %s', (_name, config) => {
    expect(validateWebsite(config)).toBeUndefined();
  });

  it.each([
    ['an empty Suffix', { indexDocument: { suffix: '' } }, 'MalformedXML'],
    ['a Suffix with a slash', { indexDocument: { suffix: 'a/index.html' } }, 'MalformedXML'],
    ['RedirectAllRequestsTo http', { ...base, redirectAllRequestsTo: { protocol: 'http' } }, 'MalformedXML'],
    ['AutoAddressing On', { ...base, autoAddressing: { status: 'On' } }, 'MalformedXML'],
    ['an empty error Key', { ...base, errorDocument: { key: '' } }, 'MalformedXML'],
    ['OriginalHttpStatus 200', { ...base, errorDocument: { key: 'e', originalHttpStatus: '200' } }, 'MalformedXML'],
    ['Charity404 yes', { ...base, errorDocument: { key: 'e', charity404: 'yes' } }, 'MalformedXML'],
    ['two conditions', withRule({ condition: { httpErrorCodeReturnedEquals: '404', keyPrefixEquals: 'a' }, redirect: { replaceKeyWith: 'x' } }), 'MalformedXML'],
    ['no condition', withRule({ condition: {}, redirect: { replaceKeyWith: 'x' } }), 'MalformedXML'],
    ['a 5xx code', withRule({ condition: { httpErrorCodeReturnedEquals: '503' }, redirect: { replaceKeyWith: 'x' } }), 'MalformedXML'],
    ['a 3xx code', withRule({ condition: { httpErrorCodeReturnedEquals: '302' }, redirect: { replaceKeyWith: 'x' } }), 'MalformedXML'],
    ['two replacements', withRule({ condition: { keyPrefixEquals: 'a' }, redirect: { replaceKeyWith: 'x', replaceKeyPrefixWith: 'y' } }), 'MalformedXML'],
    ['no replacement', withRule({ condition: { keyPrefixEquals: 'a' }, redirect: {} }), 'MalformedXML'],
    ['a prefix replacement for an error code', withRule({ condition: { httpErrorCodeReturnedEquals: '404' }, redirect: { replaceKeyPrefixWith: 'y' } }), 'MalformedXML'],
    ['a rule Protocol http', withRule({ condition: { keyPrefixEquals: 'a' }, redirect: { protocol: 'http', replaceKeyWith: 'x' } }), 'MalformedXML'],
    ['URLRedirect maybe', withRule({ condition: { keyPrefixEquals: 'a' }, redirect: { replaceKeyWith: 'x', urlRedirect: 'maybe' } }), 'MalformedXML'],
    ['101 rules', { ...base, routingRules: Array.from({ length: 101 }, () => ({ condition: { keyPrefixEquals: 'a' }, redirect: { replaceKeyWith: 'x' } })) }, 'XMLSizeLimit'],
  ])('refuses %s', (_name, config, code) => {
    expect(validateWebsite(config)?.code).toBe(code);
  });
});
