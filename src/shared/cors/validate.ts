// Semantic checks of a CORS configuration beyond its XML shape (436/8279): AllowedMethod is one
// of GET, PUT, POST, DELETE, HEAD.
import type { CorsConfiguration } from '../xml/cors';

export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

/** undefined when valid, else why not. */
export function validateCors(config: CorsConfiguration): string | undefined {
  for (const rule of config.rules) {
    for (const m of rule.allowedMethods) {
      if (!CORS_METHODS.includes(m.toUpperCase())) return `Unsupported AllowedMethod ${m}.`;
    }
  }
  return undefined;
}
