// A static file server for build/web/, as a plain static host would serve it: the right
// Content-Type (application/wasm lets the browser compile while downloading), and the
// precompressed .br/.gz beside a file when the browser accepts them.
import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

async function exists(p) {
  try { return (await fs.stat(p)).isFile(); } catch { return false; }
}

export async function startServer({ root, port = 8080, host = '127.0.0.1', log = false }) {
  root = path.resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(root, rel);
      if (!file.startsWith(root + path.sep) || !(await exists(file))) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      const accept = String(req.headers['accept-encoding'] || '');
      let send = file, encoding = null;
      if (/\bbr\b/.test(accept) && await exists(file + '.br')) { send = file + '.br'; encoding = 'br'; }
      else if (/\bgzip\b/.test(accept) && await exists(file + '.gz')) { send = file + '.gz'; encoding = 'gzip'; }
      const body = await fs.readFile(send);
      const headers = {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        // The page and the service worker must be checked on every visit; the rest may be reused.
        'Cache-Control': /(index\.html|sw\.js)$/.test(file) ? 'no-cache' : 'public, max-age=0, must-revalidate',
        'Vary': 'Accept-Encoding',
      };
      if (encoding) headers['Content-Encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${req.method} ${url.pathname} ${body.length}${encoding ? ' ' + encoding : ''}`);
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  return { server, url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) };
}

// Run directly: node static_server.mjs ROOT [--port N]
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const root = args.find((a) => !a.startsWith('--')) || '.';
  const pi = args.indexOf('--port');
  const port = pi >= 0 ? Number(args[pi + 1]) : 8080;
  const { url } = await startServer({ root, port, log: args.includes('--log') });
  console.log(`Linli is served at ${url}  (Ctrl+C to stop)`);
}
