// A static server for the built site, on 127.0.0.1 and a free port, sending the headers
// from the site's own `_headers` file as a static host or CDN would.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
  ".woff2": "font/woff2",
};

/**
 * Parses the Netlify/Cloudflare Pages `_headers` format: a path pattern on its own line,
 * then indented `Name: value` lines. `*` matches anything; `#` starts a comment.
 * Returns [{ pattern: RegExp, headers: [[name, value]] }] in file order.
 */
export function parseHeaders(text) {
  const rules = [];
  let rule = null;
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
      rule = { pattern: new RegExp(`^${source}$`), headers: [] };
      rules.push(rule);
      continue;
    }
    const colon = line.indexOf(":");
    if (!rule || colon < 0) throw new Error(`_headers:${index + 1}: cannot read "${line.trim()}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function headersFor(rules, urlPath) {
  const headers = {};
  for (const rule of rules) {
    if (!rule.pattern.test(urlPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] ? `${headers[key]}, ${value}` : value;
    }
  }
  return headers;
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function isDir(file) {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** Starts serving `root`. Resolves to { origin, close() }. */
export async function serve(root) {
  root = path.resolve(root);
  const rules = parseHeaders(await readFile(path.join(root, "_headers"), "utf8"));

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let urlPath;
      try {
        urlPath = decodeURIComponent(url.pathname);
      } catch {
        urlPath = "/";
      }
      const send = async (status, file, extra = {}) => {
        const body = file ? await readFile(file) : Buffer.alloc(0);
        res.writeHead(status, {
          ...headersFor(rules, url.pathname),
          "content-type": TYPES[path.extname(file || "")] || "application/octet-stream",
          "content-length": body.length,
          ...extra,
        });
        res.end(req.method === "HEAD" ? undefined : body);
      };
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      let file = path.join(root, urlPath);
      const inside = file === root || file.startsWith(root + path.sep);
      const hidden = path.basename(file) === "_headers";
      if (inside && !hidden && (await isDir(file))) {
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = path.join(file, "index.html");
      }
      if (inside && !hidden && (await isFile(file))) {
        await send(200, file);
      } else {
        await send(404, path.join(root, "404.html"));
      }
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
