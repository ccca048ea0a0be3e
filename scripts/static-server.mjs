// The one static server of the project: `make run` serves dist/ with it
// (port 8080, or a free one if taken), the browser tests (tests/e2e/
// harness.mjs) and `make bench` (scripts/bench-browser.mjs) on a port the
// OS picks, each adding what it needs through `answer` and `served`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

export const typeOf = (path) => TYPES[extname(path)] ?? 'application/octet-stream';

/**
 * Serves the files under `root` on 127.0.0.1:`port` (0: the OS picks).
 * - `answer(path)` may answer a request first: `{ body, type }`, or
 *   `{ file }` (a path outside `root`, checked by the caller), or
 *   `{ status }` (a refusal), or nothing.
 * - `served({ at, path, status, body })` sees every response.
 * - `headers` are added to every answer.
 * Returns `{ url, port, busy(), close() }`; `busy()` says whether a
 * request is still open, and `close` also cuts open connections.
 */
export async function serveStatic(root, { port = 0, answer, served, headers = {} } = {}) {
  const base = resolve(root);
  let open = 0;
  const server = createServer(async (req, res) => {
    const at = Date.now();
    open++;
    res.on('close', () => { open--; });
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const reply = (status, body, type) => {
      served?.({ at, path, status, body });
      res.writeHead(status, status === 200 ? { 'content-type': type, ...headers } : {});
      res.end(body);
    };
    const own = await answer?.(path);
    if (own?.status) return reply(own.status, '');
    if (own?.body !== undefined) return reply(200, own.body, own.type ?? typeOf(path));
    const file = own?.file ?? normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!own?.file && !file.startsWith(base)) return reply(403, '');
    try {
      reply(200, await readFile(file), typeOf(file));
    } catch {
      reply(404, 'not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    port: server.address().port,
    busy: () => open > 0,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections?.(); }),
  };
}

// `node scripts/static-server.mjs [DIR]`: what `make run` does.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  let server;
  try {
    server = await serveStatic(root, { port: 8080 });
  } catch {
    server = await serveStatic(root);
  }
  console.log(`dudong is served at ${server.url}  (Ctrl-C stops)`);
}
