// startCosLocal's HTTPS port as a library: same handler over TLS, certificate told before listening,
// both servers closed by close(), and nothing left behind when the HTTPS port cannot be had.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { get as httpsGet, Agent } from 'node:https';
import { dirname } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../accounts';
import { startCosLocal, type RunningCosLocal } from '../app';

let running: RunningCosLocal | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const accounts = defaultAccounts('AKIDhttps', 'https-secret');

function getTls(port: number, ca: Buffer): Promise<{ status: number; requestId: string | undefined; body: string; protocol: string | null }> {
  return new Promise((resolve, reject) => {
    const req = httpsGet({ host: '127.0.0.1', port, path: '/', ca, agent: new Agent({ ca }) }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => {
        const header = res.headers['x-cos-request-id'];
        resolve({ status: res.statusCode ?? 0, requestId: Array.isArray(header) ? header[0] : header, body, protocol: (res.socket as TLSSocket).getProtocol() });
      });
    });
    req.on('error', reject);
  });
}

describe('startCosLocal with httpsPort', () => {
  it('serves the COS handler over TLS, after telling the certificate path', async () => {
    const told: string[] = [];
    running = await startCosLocal({ memory: true, port: 0, httpsPort: 0, accounts, log: () => undefined, onCertificate: (p) => told.push(p) });
    expect(told).toEqual([running.certificatePath]);
    expect(running.httpsUrl).toBe(`https://127.0.0.1:${running.httpsPort ?? 0}`);
    expect(running.httpsPort).not.toBe(running.port);
    const res = await getTls(running.httpsPort ?? 0, readFileSync(running.certificatePath ?? ''));
    expect(res.status).toBe(403); // anonymous GET Service: the same pipeline as the plain port
    expect(res.requestId).toBeTruthy();
    expect(res.body).toContain('<Code>AccessDenied</Code>');
    expect(res.protocol).toMatch(/^TLSv1\.[23]$/);
  });

  it('closes both ports and removes the temporary certificate directory on close()', async () => {
    running = await startCosLocal({ memory: true, port: 0, httpsPort: 0, accounts, log: () => undefined });
    const { port, httpsPort, certificatePath } = running;
    await running.close();
    running = undefined;
    expect(existsSync(dirname(certificatePath ?? ''))).toBe(false);
    for (const p of [port, httpsPort ?? 0]) {
      const refused = await fetch(`http://127.0.0.1:${p}/`).then(() => 'connected', (e: Error & { cause?: { code?: string } }) => e.cause?.code);
      expect(refused).toBe('ECONNREFUSED');
    }
  });

  it('releases the plain port and the certificate directory when the HTTPS port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const told: string[] = [];
    try {
      const err = await startCosLocal({ memory: true, port: 0, httpsPort: taken, accounts, onCertificate: (p) => told.push(p) })
        .then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
      expect(err).toBe('EADDRINUSE');
      expect(told).toHaveLength(1);
      expect(existsSync(dirname(told[0] ?? ''))).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
