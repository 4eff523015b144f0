// Semantic checks of a CORS configuration beyond its XML shape (436/8279): AllowedMethod is one
// of GET, PUT, POST, DELETE, HEAD; MaxAgeSeconds is an integer; ExposeHeader names are printable
// ASCII. The last two are sent back as Access-Control-Max-Age / Access-Control-Expose-Headers on
// every matching request, so a value no HTTP header can carry would break all of them.
import type { CorsConfiguration } from '../xml/cors';

export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** undefined when valid, else why not. */
export function validateCors(config: CorsConfiguration): string | undefined {
  for (const rule of config.rules) {
    for (const m of rule.allowedMethods) {
      if (!CORS_METHODS.includes(m.toUpperCase())) return `Unsupported AllowedMethod ${m}.`;
    }
    if (rule.maxAgeSeconds !== undefined && !/^\d{1,10}$/.test(rule.maxAgeSeconds)) return 'MaxAgeSeconds must be a non-negative integer.';
    for (const h of rule.exposeHeaders) {
      if (!PRINTABLE_ASCII.test(h)) return `ExposeHeader ${JSON.stringify(h)} is not a valid header name.`;
    }
  }
  return undefined;
}
