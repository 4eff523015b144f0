// In-page side of the browser fidelity suite (served by test/browser/harness.ts next to cos-js-sdk-v5's
// dist bundle). Plain browser JavaScript, loaded as a classic script. `window.t` builds cos-js-sdk-v5
// clients whose getAuthorization asks the test server's `/sign` (the backend-signing flow of
// cos-js-sdk-v5's getAuthorization option: the page never holds the SecretKey) or hands over temporary
// keys, and turns SDK results and errors into plain data that page.evaluate can carry back to Node.
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var cosPort = query.get('cos');
  var region = query.get('region');
  var authorizationCalls = 0;

  function sign(options, callback) {
    authorizationCalls += 1;
    fetch('/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        Method: options.Method, Pathname: options.Pathname, Query: options.Query, Headers: options.Headers,
        SystemClockOffset: options.SystemClockOffset,
      }),
    })
      .then(function (res) {
        if (!res.ok) throw new Error('/sign answered ' + res.status);
        return res.json();
      })
      .then(
        function (body) { callback({ Authorization: body.Authorization }); },
        function (e) { callback({ error: e }); }
      );
  }

  var DOMAINS = {
    vhost: '{Bucket}.cos.{Region}.localhost:' + cosPort,
    path: 'http://127.0.0.1:' + cosPort + '/{Bucket}',
  };

  /**
   * @param {{ style?: 'vhost' | 'path', tmp?: object, options?: object }} [config]
   */
  function client(config) {
    config = config || {};
    var getAuthorization = config.tmp
      ? function (_options, callback) { authorizationCalls += 1; callback(config.tmp); }
      : sign;
    return new window.COS(Object.assign(
      { Domain: DOMAINS[config.style || 'vhost'], Protocol: 'http:', getAuthorization: getAuthorization },
      config.options || {}
    ));
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  async function sha256(data) {
    var buffer;
    if (typeof data === 'string') buffer = new TextEncoder().encode(data);
    else if (data instanceof Blob) buffer = await data.arrayBuffer();
    else buffer = data;
    return hex(await crypto.subtle.digest('SHA-256', buffer));
  }

  /** Bodies are summarised (size + SHA-256); everything else goes through JSON. */
  async function plain(data) {
    if (data === undefined || data === null || typeof data !== 'object') return data;
    var copy = Object.assign({}, data);
    var body = copy.Body;
    if (body instanceof Blob) copy.Body = { size: body.size, type: body.type, sha256: await sha256(body) };
    else if (body instanceof ArrayBuffer) copy.Body = { size: body.byteLength, sha256: await sha256(body) };
    return JSON.parse(JSON.stringify(copy));
  }

  async function settle(promise) {
    try {
      return { ok: true, data: await plain(await promise) };
    } catch (e) {
      var err = e || {};
      return {
        ok: false,
        error: JSON.parse(JSON.stringify({
          message: String(err.message || err),
          code: err.code,
          statusCode: err.statusCode,
          headers: err.headers,
          error: err.error,
        })),
      };
    }
  }

  /** Deterministic bytes; harness.ts `bytes` computes the same sequence in Node. */
  function bytes(size, seed) {
    var out = new Uint8Array(size);
    var x = seed >>> 0;
    for (var i = 0; i < size; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      out[i] = x >>> 24;
    }
    return out;
  }

  window.t = {
    region: region,
    cosPort: Number(cosPort),
    client: client,
    vhost: client({ style: 'vhost' }),
    path: client({ style: 'path' }),
    settle: settle,
    sha256: sha256,
    bytes: bytes,
    authorizationCalls: function () { return authorizationCalls; },
  };
})();
