// multipart/form-data for POST Object (436/14690), read with busboy: the text fields that come
// before the `file` field (later ones are ignored, as COS documents that `file` must be last), then
// the file as a stream the caller consumes — never buffered whole.
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { CosError } from '../shared/errors/cos-error';

export interface FormUpload {
  /** Text fields by lower-case name. */
  fields: Map<string, string>;
  file: Readable;
  filename: string;
  /** True once the file went over `maxFileSize` (its stream is then cut short). */
  truncated(): boolean;
  /** Settles when the whole request body has been read. */
  done: Promise<void>;
}

export interface FormLimits {
  maxFileSize: number;
  /** Per text field. */
  maxFieldSize?: number;
  maxFields?: number;
}

export function readForm(req: IncomingMessage, limits: FormLimits): Promise<FormUpload> {
  return new Promise<FormUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send UTF-8 file names (busboy's default is latin1).
        defParamCharset: 'utf8',
        limits: { fieldSize: limits.maxFieldSize ?? 64 * 1024, fields: limits.maxFields ?? 100, files: 1, fileSize: limits.maxFileSize },
      });
    } catch {
      reject(new CosError('InvalidArgument', { message: 'POST Object needs a multipart/form-data body.' }));
      return;
    }
    const fields = new Map<string, string>();
    let file: Readable | undefined;
    let cut = false;
    const done = new Promise<void>((settle, fail) => {
      parser.on('close', settle);
      parser.on('error', fail);
    });
    done.catch(() => undefined); // observed by the caller when it waits; never an unhandled rejection
    parser.on('field', (name, value, info) => {
      if (file) return;
      if (info.valueTruncated) {
        reject(new CosError('InvalidArgument', { message: `The form field ${name} is too large.` }));
        return;
      }
      fields.set(name.toLowerCase(), value);
    });
    parser.on('file', (name, stream, info) => {
      // A form cut short errors its file stream ("Unexpected end of form"). Whoever reads the file
      // sees that error through the stream, the caller through `done`; a stream nobody listens to
      // (skipped, or drained after POST Object refused the upload) would otherwise throw it as an
      // uncaught 'error' event and take the whole server down.
      stream.on('error', () => undefined);
      if (file || name.toLowerCase() !== 'file') {
        stream.resume();
        return;
      }
      file = stream;
      stream.on('limit', () => (cut = true));
      resolve({ fields, file: stream, filename: info.filename ?? '', truncated: () => cut, done });
    });
    parser.on('close', () => {
      if (!file) reject(new CosError('InvalidArgument', { message: 'POST Object needs a field named file, sent last.' }));
    });
    parser.on('error', (e: unknown) => {
      reject(new CosError('InvalidArgument', { message: `The form is malformed: ${e instanceof Error ? e.message : String(e)}.` }));
    });
    req.pipe(parser);
  });
}
