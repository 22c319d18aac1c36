// A static file server for build/web/, as a plain static host would serve it: the right
// Content-Type (application/wasm lets the browser compile while downloading), the
// precompressed .br/.gz beside a file when the browser accepts them, and an ETag so a
// revalidation (the service worker checking its files) costs a 304, not the file again.
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

// A precompressed copy is used only while it is at least as new as the file itself: a
// file changed after the build (by hand, or by a test) is sent as it now is.
async function fresh(copy, file) {
  try { return (await fs.stat(copy)).mtimeMs >= (await fs.stat(file)).mtimeMs; } catch { return false; }
}

// `onResponse({path, status, encoding, bytes, at})`, if given, hears of each response with the
// bytes it put on the wire (headers and body): what the benchmarks count as transferred.
export async function startServer({ root, port = 8080, host = '127.0.0.1', log = false, onResponse = null }) {
  root = path.resolve(root);
  const server = createServer(async (req, res) => {
    if (onResponse) {
      const before = req.socket.bytesWritten;  // one request at a time per connection (HTTP/1.1)
      res.on('finish', () => onResponse({
        path: req.url, status: res.statusCode, encoding: res.linliEncoding || null, at: Date.now(),
        bytes: req.socket.bytesWritten - before + (req.socket.writableLength || 0),
      }));
    }
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
      if (/\bbr\b/.test(accept) && await fresh(file + '.br', file)) { send = file + '.br'; encoding = 'br'; }
      else if (/\bgzip\b/.test(accept) && await fresh(file + '.gz', file)) { send = file + '.gz'; encoding = 'gzip'; }
      const stat = await fs.stat(send);
      const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}-${encoding || 'id'}"`;
      const cacheControl = /(index\.html|sw\.js)$/.test(file) ? 'no-cache' : 'public, max-age=0, must-revalidate';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { 'ETag': etag, 'Cache-Control': cacheControl, 'Vary': 'Accept-Encoding' });
        res.end();
        return;
      }
      const body = await fs.readFile(send);
      const headers = {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        // Every file is checked on every use (cheap with the ETag): a new build is seen at once.
        'Cache-Control': cacheControl,
        'Vary': 'Accept-Encoding',
        'ETag': etag,
      };
      if (encoding) headers['Content-Encoding'] = res.linliEncoding = encoding;
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
