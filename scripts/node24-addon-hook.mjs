// Preloaded (NODE_OPTIONS=--import) into every process of the Node 24 pass (scripts/node24.ts):
// node_modules holds better-sqlite3's addon built for the Node that ran `npm ci`; this hook makes each
// load of it open the copy built for Node 24 (NODE24_BETTER_SQLITE3) instead, so node_modules is never
// changed. Everything else, better-sqlite3's JavaScript included, loads from node_modules as usual.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const ADDON = '/node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const rebuilt = process.env['NODE24_BETTER_SQLITE3'];
if (!rebuilt) throw new Error('node24-addon-hook: NODE24_BETTER_SQLITE3 is not set (run scripts/node24.ts).');
const rebuiltUrl = pathToFileURL(rebuilt).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    return resolved.url?.endsWith(ADDON) ? { ...resolved, url: rebuiltUrl } : resolved;
  },
});
