// A local OAuth2 token server for tests, built on oauth2-mock-server.
//
// The mock server accepts any secret, ignores the audience and always says
// expires_in 3600. This launcher adds what the tests need through its hooks:
//
// - the client id and secret are checked (client_secret_post or basic auth);
// - the `audience` form field is required, must be one of the accepted ones,
//   and is copied into the token's `aud` claim; each token gets a unique `jti`;
// - the token lifetime can be shortened, token replies can be delayed, and the
//   next replies can be replaced by failures;
// - every token request is recorded (never the secret) and counted.
//
// Usage:
//   node oauth2_server.mjs --port 0 --client-id ID --client-secret SECRET \
//        --audience AUD [--audience AUD2] [--token-path /oauth/token]
//
// It prints one JSON line, {"url": "http://127.0.0.1:PORT"}, once listening.
// Control endpoints (loopback only, no auth):
//   GET  /__control/requests  -> {"count": n, "requests": [...]}
//   POST /__control/config    <- {"expires_in", "delay_ms", "fail_next": [...]}
//   POST /__control/reset     -> clears the record and the config

import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    "client-id": { type: "string", default: "test-client" },
    "client-secret": { type: "string", default: "test-secret" },
    audience: { type: "string", multiple: true, default: [] },
    "token-path": { type: "string", default: "/oauth/token" },
    "node-modules": {
      type: "string",
      default: path.join(here, "..", "..", "tools", "node", "node_modules"),
    },
  },
});

const entry = path.join(args["node-modules"], "oauth2-mock-server", "dist", "index.mjs");
const { OAuth2Issuer, OAuth2Service } = await import(pathToFileURL(entry).href);

const defaults = () => ({ expiresIn: 3600, delayMs: 0, failNext: [] });
let config = defaults();
let record = [];

const issuer = new OAuth2Issuer();
await issuer.keys.generate("RS256");
const service = new OAuth2Service(issuer, { token: args["token-path"] });

function clientOf(req) {
  const header = req.headers.authorization || "";
  if (header.toLowerCase().startsWith("basic ")) {
    const text = Buffer.from(header.slice(6), "base64").toString();
    const split = text.indexOf(":");
    return {
      method: "client_secret_basic",
      id: decodeURIComponent(text.slice(0, split)),
      secret: decodeURIComponent(text.slice(split + 1)),
    };
  }
  return {
    method: "client_secret_post",
    id: req.body.client_id,
    secret: req.body.client_secret,
  };
}

service.on("beforeTokenSigning", (token, req) => {
  const now = Math.floor(Date.now() / 1000);
  token.payload.aud = req.body.audience;
  token.payload.azp = clientOf(req).id;
  token.payload.exp = now + config.expiresIn;
  token.payload.jti = randomUUID();
});

service.on("beforeResponse", (response, req) => {
  const client = clientOf(req);
  const entry = {
    grant_type: req.body.grant_type,
    audience: req.body.audience ?? null,
    scope: req.body.scope ?? null,
    auth_method: client.method,
    client_id: client.id ?? null,
    secret_ok: client.secret === args["client-secret"],
  };
  record.push(entry);

  const fail = config.failNext.shift();
  if (fail) {
    response.statusCode = fail.status ?? 500;
    response.body = fail.body ?? { error: "server_error" };
    return;
  }
  if (client.id !== args["client-id"] || !entry.secret_ok) {
    response.statusCode = 401;
    response.body = { error: "invalid_client", error_description: "Unauthorized" };
    return;
  }
  if (!entry.audience) {
    response.statusCode = 403;
    response.body = { error: "access_denied", error_description: "no audience given" };
    return;
  }
  if (args.audience.length && !args.audience.includes(entry.audience)) {
    response.statusCode = 403;
    response.body = {
      error: "access_denied",
      error_description: "Service not found: " + entry.audience,
    };
    return;
  }
  response.body.expires_in = config.expiresIn;
});

function readJson(req) {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(text ? JSON.parse(text) : {}));
  });
}

function reply(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function control(req, res) {
  if (req.url === "/__control/requests") {
    return reply(res, 200, { count: record.length, requests: record });
  }
  if (req.url === "/__control/reset" && req.method === "POST") {
    config = defaults();
    record = [];
    return reply(res, 200, {});
  }
  if (req.url === "/__control/config" && req.method === "POST") {
    const body = await readJson(req);
    if (body.expires_in !== undefined) config.expiresIn = body.expires_in;
    if (body.delay_ms !== undefined) config.delayMs = body.delay_ms;
    if (body.fail_next !== undefined) config.failNext = [...body.fail_next];
    return reply(res, 200, {});
  }
  return reply(res, 404, {});
}

const server = http.createServer((req, res) => {
  if (req.url.startsWith("/__control/")) {
    control(req, res).catch((error) => reply(res, 500, { error: String(error) }));
    return;
  }
  const isToken = req.url.split("?")[0] === args["token-path"];
  if (isToken && config.delayMs > 0) {
    setTimeout(() => service.requestHandler(req, res), config.delayMs);
    return;
  }
  service.requestHandler(req, res);
});

server.listen(Number(args.port), args.host, () => {
  const { port } = server.address();
  issuer.url = `http://${args.host}:${port}`;
  process.stdout.write(JSON.stringify({ url: issuer.url }) + "\n");
});

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
