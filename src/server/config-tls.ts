// TLS_CERT_FILE / TLS_KEY_FILE: the console serves HTTPS itself (Fastify's `https` option). Read and
// checked at start, so a missing file, a PEM that does not parse or a key that does not match the
// certificate stops the server with a message naming the files — not a TLS error at the first visit.
import { createSecureContext } from 'node:tls';
import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
  /** PEM contents (the key never appears in a message or log). */
  cert: Buffer;
  key: Buffer;
}

export function loadTlsFiles(certFile: string, keyFile: string, where: { cert: string; key: string }): TlsFiles {
  const read = (file: string, name: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      throw new ConfigError(`${name}: cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}`);
    }
  };
  const cert = read(certFile, where.cert);
  const key = read(keyFile, where.key);
  try {
    // Parses both PEMs and checks that the key belongs to the certificate ("key values mismatch").
    createSecureContext({ cert, key });
  } catch (e) {
    // OpenSSL's reason only (e.g. "key values mismatch"): it never quotes the key.
    const reason = e instanceof Error ? e.message.split('\n')[0] : 'unusable';
    throw new ConfigError(`${where.cert} (${certFile}) and ${where.key} (${keyFile}) are not a usable certificate and private key: ${reason}`);
  }
  return { certFile, keyFile, cert, key };
}
