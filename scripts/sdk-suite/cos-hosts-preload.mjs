// Preloaded (`node --import`) into the process that runs cos-nodejs-sdk-v5's own mocha suite
// (scripts/sdk-suite/run-node-suite.ts). The suite is written against production COS and has no
// option to point it elsewhere, so its production host names are mapped to cos-local here, below
// the SDK: every connection that http(s).Agent opens to a COS host goes to cos-local's port instead.
// The request itself is untouched: the Host header, the path and so the signature stay exactly what
// the SDK sends to real COS (virtual-hosted, docs/cos-behaviour.md "Addressing and endpoints").
//
// Environment (set by the runner):
//   COS_SUITE_HTTP_PORT, COS_SUITE_HTTPS_PORT  cos-local's ports on 127.0.0.1
//   COS_SUITE_CA                               PEM file of cos-local's self-signed certificate
//   COS_SUITE_TRACE                            optional: append one JSON line per COS request here
import { appendFileSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

// COS endpoints (https://cloud.tencent.com/document/product/436/6224): bucket hosts
// `<bucket>-<appid>.cos.<region>.myqcloud.com`, `cos.<region>.myqcloud.com` and
// `service.cos.myqcloud.com` — the names cos-local's certificate carries (tls/certificate.ts), so
// HTTPS is verified as usual. Data-processing hosts (`<appid>.ci.<region>.myqcloud.com`) and the
// SDK's backup domain tencentcos.cn are not mapped: they stay unreachable, as any non-COS host.
const COS_HOST = /^(?:service\.cos|(?:[a-z0-9-]+\.)?cos\.[a-z0-9-]+)\.myqcloud\.com$/i;

const httpPort = Number(process.env.COS_SUITE_HTTP_PORT);
const httpsPort = Number(process.env.COS_SUITE_HTTPS_PORT);
if (!Number.isInteger(httpPort) || !Number.isInteger(httpsPort)) {
  throw new Error('cos-hosts-preload: COS_SUITE_HTTP_PORT and COS_SUITE_HTTPS_PORT must be set');
}
const ca = process.env.COS_SUITE_CA ? readFileSync(process.env.COS_SUITE_CA) : undefined;

/** @param {string | undefined} host */
export const isCosHost = (host) => typeof host === 'string' && COS_HOST.test(host);

/**
 * Wraps an Agent's createConnection so that COS hosts connect to 127.0.0.1:<port>.
 * @param {typeof http.Agent.prototype} proto
 * @param {number} port
 * @param {boolean} tls
 */
function redirect(proto, port, tls) {
  const original = proto.createConnection;
  proto.createConnection = function createConnection(options, ...rest) {
    if (options !== null && typeof options === 'object' && isCosHost(options.host)) {
      const name = options.host;
      options = { ...options, host: '127.0.0.1', port };
      if (tls) {
        // SNI and the certificate name check keep the production name; the chain is cos-local's
        // own self-signed certificate.
        options.servername = name;
        if (ca !== undefined && options.ca === undefined) options.ca = ca;
      }
    }
    return original.call(this, options, ...rest);
  };
}

redirect(http.Agent.prototype, httpPort, false);
redirect(https.Agent.prototype, httpsPort, true);

const tracePath = process.env.COS_SUITE_TRACE;
if (tracePath) {
  // One line per COS request: the test that sent it (set by trace-hooks.mjs), the request line,
  // the status and, for errors, the start of the response body.
  for (const mod of [http, https]) {
    const original = mod.request;
    mod.request = function request(...args) {
      const req = original.apply(this, args);
      const host = req.getHeader('host');
      if (!isCosHost(typeof host === 'string' ? host.replace(/:\d+$/, '') : undefined)) return req;
      const entry = { test: globalThis.__cosSuiteCurrentTest ?? '', method: req.method, host, path: req.path };
      req.once('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status < 300) {
          appendFileSync(tracePath, `${JSON.stringify({ ...entry, status })}\n`);
          return;
        }
        // Copy the body as it is emitted, without adding a 'data' listener (that would change the
        // stream's mode under the SDK).
        const chunks = [];
        const emit = res.emit;
        res.emit = function (event, ...rest) {
          if (event === 'data' && chunks.length < 8) chunks.push(Buffer.from(rest[0]));
          if (event === 'end' || event === 'close') {
            res.emit = emit;
            appendFileSync(tracePath, `${JSON.stringify({ ...entry, status, body: Buffer.concat(chunks).toString('utf8').slice(0, 600) })}\n`);
          }
          return emit.call(this, event, ...rest);
        };
      });
      req.once('error', (e) => appendFileSync(tracePath, `${JSON.stringify({ ...entry, error: String(e) })}\n`));
      return req;
    };
  }
}
