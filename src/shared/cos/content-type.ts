// The Content-Type COS stores when a write names none (PUT Object 436/7749, Initiate Multipart
// Upload 436/7746, POST Object 436/14690): the MIME type of the key's extension, else
// application/octet-stream. cos-nodejs-sdk-v5 sends no Content-Type for string and Buffer bodies
// (and an empty one for Initiate Multipart Upload) and its suite, written against real COS, reads
// back `application/zip` for `1.zip`, `text/plain` for `1.txt` and `application/octet-stream` for
// `2` and `3`. The table holds the common registered types (IANA media types, as listed by the
// mime-db registry); an extension it does not know is treated as none.

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

const TYPES: Readonly<Record<string, string>> = {
  // text
  txt: 'text/plain', text: 'text/plain', log: 'text/plain', conf: 'text/plain', ini: 'text/plain',
  html: 'text/html', htm: 'text/html', shtml: 'text/html', css: 'text/css', csv: 'text/csv',
  md: 'text/markdown', markdown: 'text/markdown', xml: 'application/xml', ics: 'text/calendar', vtt: 'text/vtt',
  js: 'application/javascript', mjs: 'application/javascript', json: 'application/json', map: 'application/json',
  yaml: 'text/yaml', yml: 'text/yaml', rtf: 'application/rtf', tsv: 'text/tab-separated-values',
  // images
  jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', png: 'image/png', gif: 'image/gif', bmp: 'image/bmp',
  webp: 'image/webp', svg: 'image/svg+xml', svgz: 'image/svg+xml', ico: 'image/vnd.microsoft.icon', tif: 'image/tiff', tiff: 'image/tiff',
  avif: 'image/avif', heic: 'image/heic', heif: 'image/heif', psd: 'image/vnd.adobe.photoshop',
  // audio and video
  mp3: 'audio/mpeg', wav: 'audio/wave', ogg: 'audio/ogg', oga: 'audio/ogg', m4a: 'audio/mp4', aac: 'audio/x-aac',
  flac: 'audio/x-flac', mid: 'audio/midi', midi: 'audio/midi', amr: 'audio/amr', weba: 'audio/webm',
  mp4: 'video/mp4', m4v: 'video/x-m4v', webm: 'video/webm', ogv: 'video/ogg', mov: 'video/quicktime', qt: 'video/quicktime',
  avi: 'video/x-msvideo', wmv: 'video/x-ms-wmv', flv: 'video/x-flv', mkv: 'video/x-matroska', mpeg: 'video/mpeg',
  mpg: 'video/mpeg', '3gp': 'video/3gpp', ts: 'video/mp2t', m3u8: 'application/vnd.apple.mpegurl',
  // documents
  pdf: 'application/pdf', doc: 'application/msword', dot: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation', epub: 'application/epub+zip', ps: 'application/postscript',
  eps: 'application/postscript', ai: 'application/postscript', swf: 'application/x-shockwave-flash',
  // archives and binaries
  zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar',
  bz2: 'application/x-bzip2', '7z': 'application/x-7z-compressed', rar: 'application/vnd.rar', xz: 'application/x-xz',
  jar: 'application/java-archive', apk: 'application/vnd.android.package-archive', wasm: 'application/wasm',
  exe: 'application/x-msdos-program', dll: 'application/x-msdownload', msi: 'application/x-msdownload',
  dmg: 'application/x-apple-diskimage', iso: 'application/x-iso9660-image', bin: 'application/octet-stream',
  // fonts
  woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', otf: 'font/otf', eot: 'application/vnd.ms-fontobject',
};

/** The MIME type of a key's extension (case-insensitive), or application/octet-stream. */
export function contentTypeOfKey(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot === name.length - 1) return DEFAULT_CONTENT_TYPE;
  return TYPES[name.slice(dot + 1).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}
