// A BCC-like API explorer for the pipeline tests, built on the real
// swagger-ui-express. Usage: node explorer.js CORE_SPEC FIXTURE_SPEC
// It listens on 127.0.0.1 on a free port and prints `listening <port>`.
//
// Routes:
//   /docs/                 the explorer: "Core documentation" + "Fixture documentation"
//   /docs/core.json, /docs/fixture.yaml   the spec files it lists
//   /shared/a/, /shared/b/ two pages behind one shared `serve` middleware, so
//                          both scripts hold the last document set up (a known
//                          swagger-ui-express pitfall)
//   /primary/              stock options: `urls` plus `urls.primaryName`
//   /stock/                a stock Swagger UI page with an inline SwaggerUIBundle call
//   /config/               a stock page whose options come from a configUrl file
//   /faults/...            bad answers: status codes, HTML, truncated JSON, bad
//                          YAML, dropped connections, slow replies
"use strict";

const fs = require("fs");
const path = require("path");
const express = require("express");
const swaggerUi = require("swagger-ui-express");

const [coreSpecPath, fixtureSpecPath] = process.argv.slice(2);
const app = express();

app.get("/docs/core.json", (req, res) => res.type("application/json").send(fs.readFileSync(coreSpecPath)));
app.get("/docs/fixture.yaml", (req, res) => res.type("application/yaml").send(fs.readFileSync(fixtureSpecPath)));
const coreList = [
  { url: "./core.json", name: "Core documentation" },
  { url: "fixture.yaml", name: "Fixture documentation" },
];
// One explorer page with its own init script, as BCC's /docs/ is set up.
const explorer = (swaggerOptions) => [
  swaggerUi.serveFiles(null, { swaggerOptions }),
  swaggerUi.setup(null, { explorer: true, swaggerOptions }),
];
app.use("/docs", ...explorer({
  urls: coreList,
  requestInterceptor: function (request) { request.headers["X-Explorer"] = "1"; return request; },
}));

app.get("/primary/v1.json", (req, res) => res.json({ ...publicDoc, info: { title: "V1", version: "1" } }));
app.get("/primary/v2.json", (req, res) => res.json({ ...publicDoc, info: { title: "V2", version: "2" } }));
app.use("/primary", ...explorer({
  urls: [{ name: "v1", url: "./v1.json" }, { name: "v2", url: "./v2.json" }],
  "urls.primaryName": "v2",
}));

const stockPage = (script) => `<!DOCTYPE html><html><head><title>Swagger UI</title></head><body>
<div id="swagger-ui"></div>
<script src="./swagger-ui-bundle.js" charset="UTF-8"></script>
<script>${script}</script></body></html>`;
app.get("/stock/", (req, res) => res.type("html").send(stockPage(`
  window.onload = function () {
    window.ui = SwaggerUIBundle({
      url: 'core.json', dom_id: '#swagger-ui', deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout",
    });
  };`)));
app.get("/stock/core.json", (req, res) => res.sendFile(path.resolve(coreSpecPath)));
app.get("/config/", (req, res) => res.type("html").send(stockPage(`
  window.ui = SwaggerUIBundle({ configUrl: "/config/swagger-config.json", dom_id: "#swagger-ui" });`)));
app.get("/config/swagger-config.json", (req, res) => res.json({ urls: [{ url: "/docs/core.json", name: "Core documentation" }] }));

// Faults.
app.get("/faults/status/:code", (req, res) => res.status(Number(req.params.code)).type("html").send("<html><body>error</body></html>"));
app.get("/faults/html", (req, res) => res.type("html").send("<!DOCTYPE html><html><body>Sign in</body></html>"));
app.get("/faults/truncated.json", (req, res) => res.type("application/json").send(fs.readFileSync(coreSpecPath).subarray(0, 5000)));
app.get("/faults/bad.yaml", (req, res) => res.type("application/yaml").send("openapi: 3.0.3\ninfo: {title: x\npaths:\n  - [\n"));
app.get("/faults/reset", (req, res) => req.socket.destroy());
app.get("/faults/slow", (req, res) => { setTimeout(() => res.json({}), 5000); });
app.use("/faults/html-entry", ...explorer({ urls: [{ name: "Core documentation", url: "/faults/html" }] }));

// Two documents mounted with the shared `serve` middleware. They must come last:
// `setup` stores its script in one module-wide variable, which `serve` returns.
const publicDoc = { swagger: "2.0", info: { title: "Public API", version: "1" }, basePath: "/v1", paths: {} };
const adminDoc = { swagger: "2.0", info: { title: "Admin API", version: "3" }, basePath: "/admin", paths: {} };
app.use("/shared/a", swaggerUi.serve, swaggerUi.setup(publicDoc));
app.use("/shared/b", swaggerUi.serve, swaggerUi.setup(adminDoc));

const server = app.listen(0, "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
});
