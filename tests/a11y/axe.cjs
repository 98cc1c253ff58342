// Runs axe-core on one page in Debian's Chromium through playwright-core and
// prints the violations as JSON on stdout (for tests/report_a11y.rs).
//
// usage: node axe.cjs TOOLS_DIR CHROMIUM PAGE_FILE PROFILE_DIR
// TOOLS_DIR holds node_modules/ with playwright-core and axe-core (.ci/run
// installs them under target/a11y-tools); PROFILE_DIR is a fresh, empty
// --user-data-dir. Exit 0 when axe ran (whatever it found), 3 otherwise.
"use strict";
const fs = require("fs");
const path = require("path");

const [tools, chromium, page, profile] = process.argv.slice(2);
const { chromium: browserType } = require(path.join(tools, "node_modules", "playwright-core"));
const axeSource = fs.readFileSync(
  path.join(tools, "node_modules", "axe-core", "axe.min.js"),
  "utf8",
);

// The machine's network is closed: without these, Chromium stalls on
// background requests.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

(async () => {
  const context = await browserType.launchPersistentContext(profile, {
    executablePath: chromium,
    headless: true,
    args: ARGS,
    timeout: 60000,
  });
  try {
    const tab = context.pages()[0] || (await context.newPage());
    await tab.goto("file://" + path.resolve(page), { waitUntil: "load" });
    // The report has no script of its own; axe is added to the open page only.
    await tab.addScriptTag({ content: axeSource });
    const result = await tab.evaluate(() =>
      window.axe.run(document, { resultTypes: ["violations"] }),
    );
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
    }));
    process.stdout.write(
      JSON.stringify({ axe: result.testEngine.version, violations }) + "\n",
    );
  } finally {
    await context.close();
  }
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + "\n");
  process.exit(3);
});
