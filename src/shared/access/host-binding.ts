// Whether a signed Host binds a signature to its bucket (docs/security.md "Signatures bound to their
// bucket").
//
// The COS signature covers the method, the path, the listed parameters and the listed headers
// (https://cloud.tencent.com/document/product/436/7778). With virtual-hosted addressing the Host
// names the bucket (`<bucket-appid>.cos.<region>.myqcloud.com`, or any host whose first label is the
// bucket: `COS_DOMAIN` templates, cos-local's `*.localhost`), so a signature that covers `host`
// cannot be sent to another bucket. With path-style addressing (`127.0.0.1:9000/<bucket>/<key>`,
// which the SDKs sign as `/<key>` without the bucket) the Host names no bucket and the same
// signature verifies for every bucket of the signing key.

/** `bucket`: the host names this bucket; `service`: a service host; `unbound`: neither. */
export type HostBinding = 'bucket' | 'service' | 'unbound';

/** The host name of a Host value: lower case, port and a trailing dot removed. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

const SERVICE_HOST = /^(?:service\.cos|cos\.[a-z0-9-]+)\.[^.]+(?:\.[^.]+)*$/;

/**
 * How a signed Host relates to the request's bucket ('' for service-level requests). A host names a
 * bucket when its first label is exactly the bucket and at least two labels follow it (so the bucket
 * name is not itself the whole host or a bare `name.tld`).
 */
export function hostBinding(host: string, bucket: string): HostBinding {
  const name = hostName(host);
  const labels = name.split('.');
  if (bucket !== '') return labels.length >= 3 && labels[0] === bucket ? 'bucket' : 'unbound';
  return SERVICE_HOST.test(name) ? 'service' : 'unbound';
}
