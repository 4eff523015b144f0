// A minimal HTTP/1.1 client over one keep-alive TCP connection, for the fuzz test: it sends bytes
// exactly as generated (lower-case methods, no Host, invalid escapes — requests node:http and
// fetch refuse to send) and reads one complete response (Content-Length, chunked, or up to close).
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  body: Buffer;
}

export class RawFailure extends Error {}

const HEADER_END = Buffer.from('\r\n\r\n');

type Parsed = { done: false } | { done: true; response: RawResponse; rest: Buffer };

function parseHead(head: string): { status: number; headers: Record<string, string> } {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  if (!Number.isInteger(status)) throw new RawFailure(`not an HTTP status line: ${JSON.stringify(statusLine.slice(0, 100))}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new RawFailure(`malformed response header line: ${JSON.stringify(line.slice(0, 100))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status, headers };
}

/** A chunked body: its bytes and what follows, or undefined while incomplete. */
function dechunk(data: Buffer): { body: Buffer; rest: Buffer } | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size)) throw new RawFailure('malformed chunk size');
    if (size === 0) {
      // The last chunk, then either an empty line or trailer lines and an empty line.
      const after = eol + 2;
      if (data.length < after + 2) return undefined;
      if (data[after] === 13 && data[after + 1] === 10) return { body: Buffer.concat(parts), rest: data.subarray(after + 2) };
      const trailerEnd = data.indexOf(HEADER_END, after);
      if (trailerEnd < 0) return undefined;
      return { body: Buffer.concat(parts), rest: data.subarray(trailerEnd + 4) };
    }
    if (data.length < eol + 2 + size + 2) return undefined;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** One response from `data` (1xx interim responses skipped); `ended`: the server closed its side. */
function parseResponse(data: Buffer, head: boolean, ended: boolean): Parsed {
  let start = 0;
  for (;;) {
    const end = data.indexOf(HEADER_END, start);
    if (end < 0) return { done: false };
    const { status, headers } = parseHead(data.subarray(start, end).toString('latin1'));
    const bodyStart = end + 4;
    if (status >= 100 && status < 200) {
      start = bodyStart;
      continue;
    }
    const rest = data.subarray(bodyStart);
    if (head || status === 204 || status === 304) return { done: true, response: { status, headers, body: Buffer.alloc(0) }, rest };
    if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) {
      const chunked = dechunk(rest);
      return chunked ? { done: true, response: { status, headers, body: chunked.body }, rest: chunked.rest } : { done: false };
    }
    const length = headers['content-length'];
    if (length !== undefined) {
      const n = Number(length);
      if (!Number.isSafeInteger(n) || n < 0) throw new RawFailure(`bad Content-Length ${length}`);
      if (rest.length < n) return { done: false };
      return { done: true, response: { status, headers, body: rest.subarray(0, n) }, rest: rest.subarray(n) };
    }
    // No length: the body runs to the end of the connection.
    return ended ? { done: true, response: { status, headers, body: rest }, rest: Buffer.alloc(0) } : { done: false };
  }
}

export class RawConnection {
  private socket: Socket | undefined;
  private reusable = false;

  constructor(private readonly port: number, private readonly host = '127.0.0.1') {}

  /**
   * Sends `request` and resolves with the response. Fails (RawFailure) when the connection closes
   * before a complete response, or nothing complete arrives within `timeoutMs`. A kept-alive
   * connection the server closed while idle is retried once on a fresh one.
   */
  /** Whether the last send went (first) over a connection an earlier request had used. */
  reusedLast = false;

  async send(request: Buffer, options: { head: boolean; timeoutMs: number }): Promise<RawResponse> {
    const reused = this.socket !== undefined && this.reusable && !this.socket.destroyed;
    this.reusedLast = reused;
    try {
      return await this.attempt(request, options);
    } catch (e) {
      if (!(e instanceof StaleConnection) || !reused) throw e instanceof StaleConnection ? new RawFailure(e.message) : e;
      return this.attempt(request, options).catch((again: unknown) => {
        throw again instanceof StaleConnection ? new RawFailure(again.message) : again;
      });
    }
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private attempt(request: Buffer, { head, timeoutMs }: { head: boolean; timeoutMs: number }): Promise<RawResponse> {
    const socket = this.socket && this.reusable && !this.socket.destroyed ? this.socket : this.open();
    this.reusable = false;
    return new Promise<RawResponse>((resolve, reject) => {
      let data = Buffer.alloc(0);
      let ended = false;
      let settled = false;
      const finish = (error: Error | undefined, response?: RawResponse, keep = false): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onError);
        if (keep) {
          this.reusable = true;
        } else {
          socket.destroy();
          if (this.socket === socket) this.socket = undefined;
        }
        if (error) reject(error);
        else if (response) resolve(response);
      };
      const check = (): void => {
        let parsed: Parsed;
        try {
          parsed = parseResponse(data, head, ended);
        } catch (e) {
          finish(e instanceof Error ? e : new RawFailure(String(e)));
          return;
        }
        if (parsed.done) {
          const close = /\bclose\b/i.test(parsed.response.headers['connection'] ?? '') || ended || parsed.rest.length > 0;
          finish(undefined, parsed.response, !close);
        } else if (ended) {
          const what = data.length === 0 ? 'closed the connection without a response' : `closed the connection mid-response (${data.length} bytes: ${JSON.stringify(data.subarray(0, 120).toString('latin1'))})`;
          finish(data.length === 0 ? new StaleConnection(`server ${what}`) : new RawFailure(`server ${what}`));
        }
      };
      const onData = (chunk: Buffer): void => {
        data = Buffer.concat([data, chunk]);
        check();
      };
      const onEnd = (): void => {
        ended = true;
        check();
      };
      const onClose = (): void => {
        ended = true;
        check();
      };
      const onError = (e: Error): void => {
        // Writing a body the server stopped reading fails with EPIPE/ECONNRESET; a response that
        // already arrived whole is still the answer.
        ended = true;
        check();
        if (!settled) finish(data.length === 0 ? new StaleConnection(`connection error before any response: ${e.message}`) : new RawFailure(`connection error mid-response: ${e.message}`));
      };
      const timer = setTimeout(() => finish(new RawFailure(`no complete response within ${timeoutMs} ms (${data.length} bytes received)`)), timeoutMs);
      socket.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onError);
      socket.write(request);
    });
  }

  private open(): Socket {
    this.socket?.destroy();
    const socket = connect(this.port, this.host);
    socket.setNoDelay(true);
    // Whatever fails on an idle connection is the next request's business (attempt listens then).
    socket.on('error', ignore);
    this.socket = socket;
    return socket;
  }
}

/** A connection that failed before a single response byte: possibly an idle close, retried once. */
class StaleConnection extends Error {}

const ignore = (): void => undefined;
