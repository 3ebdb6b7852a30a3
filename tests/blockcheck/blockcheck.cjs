#!/usr/bin/env node
// The block editor's own parser and validator, as a long-lived checker for the tests.
//
// Two editors are loaded into jsdom:
//   "wp":      the scripts a running WordPress serves to wp-admin (wp-includes/js/dist),
//              fetched over HTTP from that site, in the dependency order its
//              script-loader-packages.php declares;
//   "current": @wordpress/blocks + @wordpress/block-library as pinned in package.json.
// Each registers the core blocks. Then one JSON request per input line:
//   {"engine": "wp"|"current", "content": "<post content>"}
// is answered with one JSON line:
//   {"blocks": [{"path": "0/1", "name": "core/quote", "status": "valid"|"deprecated"|"invalid",
//                "issues": [...]}, ...],          every block, inner blocks included
//    "resaved": "<serialize(parse(content))>"}   what the editor saves if nobody types
// "deprecated" means the block is valid only through one of its `deprecated` versions
// (or is migrated by one): the editor would rewrite it on open.
//
// Usage: node blockcheck.cjs --wp-url http://127.0.0.1:PORT --wp-dir /path/to/wordpress
"use strict";

const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { execFileSync } = require("child_process");
const { JSDOM, VirtualConsole } = require("jsdom");

function argument(name) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

// Migration logs and React warnings would flood stdout, which is the answer channel.
const quiet = new VirtualConsole();
const notes = [];
quiet.on("jsdomError", (error) => notes.push(String(error && error.message)));

function makeWindow() {
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    url: "http://localhost/wp-admin/post-new.php",
    runScripts: "outside-only",
    pretendToBeVisual: true,
    virtualConsole: quiet,
  });
  const window = dom.window;
  window.matchMedia =
    window.matchMedia ||
    (() => ({ matches: false, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} }));
  return window;
}

// --- "wp": the site's own scripts ---------------------------------------------------
function wordpressPackages(wpDir) {
  const file = path.join(wpDir, "wp-includes/assets/script-loader-packages.min.php");
  const json = execFileSync("php", ["-r", 'echo json_encode(include $argv[1]);', file], {
    encoding: "utf8",
  });
  return JSON.parse(json);
}

function scriptPath(handle, packages) {
  if (handle.startsWith("wp-") && packages[`${handle.slice(3)}.min.js`]) {
    return `wp-includes/js/dist/${handle.slice(3)}.min.js`;
  }
  return `wp-includes/js/dist/vendor/${handle}.min.js`; // react, react-dom, lodash, moment...
}

async function loadWordPress(wpUrl, wpDir) {
  const packages = wordpressPackages(wpDir);
  const order = [];
  const seen = new Set();
  const visit = (handle) => {
    if (seen.has(handle)) return;
    seen.add(handle);
    const entry = packages[`${handle.slice(3)}.min.js`];
    for (const dep of (entry && entry.dependencies) || []) visit(dep);
    order.push(handle);
  };
  visit("wp-blocks");
  visit("wp-block-library");
  const window = makeWindow();
  for (const handle of order) {
    const url = `${wpUrl.replace(/\/$/, "")}/${scriptPath(handle, packages)}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    window.eval(await response.text());
    if (handle === "lodash") window.eval("window.lodash = _.noConflict();"); // as script-loader.php
  }
  silently(() => window.wp.blockLibrary.registerCoreBlocks());
  return { blocks: window.wp.blocks, version: wordpressVersion(wpDir) };
}

function wordpressVersion(wpDir) {
  const text = fs.readFileSync(path.join(wpDir, "wp-includes/version.php"), "utf8");
  const match = text.match(/\$wp_version\s*=\s*'([^']+)'/);
  return match ? match[1] : "?";
}

// --- "current": the pinned npm packages ----------------------------------------------
function loadCurrent() {
  const window = makeWindow();
  // The packages expect a browser: give them jsdom's globals before they load.
  for (const key of [
    "window", "document", "navigator", "Node", "Element", "HTMLElement", "DOMParser",
    "MutationObserver", "getComputedStyle", "requestAnimationFrame", "cancelAnimationFrame",
    "CustomEvent", "Event", "KeyboardEvent", "Range", "Text", "DocumentFragment",
    "matchMedia", "localStorage", "sessionStorage", "HTMLIFrameElement", "FileReader",
  ]) {
    if (!(key in globalThis) || key === "window" || key === "document" || key === "navigator") {
      Object.defineProperty(globalThis, key, {
        value: key === "window" ? window : window[key],
        configurable: true,
        writable: true,
      });
    }
  }
  const { blocks, library } = silently(() => ({
    blocks: require("@wordpress/blocks"),
    library: require("@wordpress/block-library"),
  }));
  silently(() => library.registerCoreBlocks());
  const version = require("@wordpress/block-library/package.json").version;
  return { blocks, version: `block-library ${version}` };
}

// --- checking ---------------------------------------------------------------------------
function flatten(list, prefix, out) {
  list.forEach((block, index) => {
    const at = prefix === "" ? String(index) : `${prefix}/${index}`;
    out.push({ path: at, block });
    flatten(block.innerBlocks || [], at, out);
  });
  return out;
}

function issueText(issue) {
  if (!issue) return "";
  const args = (issue.args || []).map((a) =>
    typeof a === "string" ? a : a && a.attributes && a.name ? a.name : JSON.stringify(a).slice(0, 300),
  );
  let text = String(args.shift() || "");
  text = text.replace(/%[so]/g, () => args.shift() || "");
  return text.slice(0, 2000);
}

function silently(fn) {
  const saved = {};
  for (const key of ["log", "info", "warn", "error", "group", "groupCollapsed", "groupEnd"]) {
    saved[key] = console[key];
    console[key] = () => {};
  }
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}

function parseWithoutDeprecations(api, content) {
  // Every block type's deprecated versions are set aside for this one parse, so a block
  // that only an old version accepts comes out invalid here.
  const types = api.getBlockTypes();
  const kept = types.map((type) => [type, type.deprecated]);
  for (const type of types) type.deprecated = undefined;
  try {
    return silently(() => api.parse(content));
  } finally {
    for (const [type, deprecated] of kept) type.deprecated = deprecated;
  }
}

function check(api, content) {
  const full = flatten(silently(() => api.parse(content)), "", []);
  const strict = flatten(parseWithoutDeprecations(api, content), "", []);
  const strictAt = new Map(strict.map((entry) => [entry.path, entry.block]));
  const out = full.map(({ path: at, block }) => {
    const bare = strictAt.get(at);
    let status = "valid";
    let issues = [];
    if (!block.isValid) {
      status = "invalid";
      issues = (block.validationIssues || []).map(issueText);
    } else if (!bare || !bare.isValid || bare.name !== block.name) {
      status = "deprecated";
      issues = ((bare && bare.validationIssues) || []).map(issueText);
    }
    return { path: at, name: block.name, status, issues };
  });
  // Blocks the deprecations rebuilt (e.g. a list gaining list-item children) differ in shape.
  if (full.length !== strict.length) {
    out.push({ path: "", name: "(document)", status: "deprecated", issues: ["block tree migrated"] });
  }
  const resaved = silently(() => api.serialize(api.parse(content)));
  return { blocks: out, resaved };
}

async function main() {
  const engines = {};
  const wpUrl = argument("--wp-url");
  const wpDir = argument("--wp-dir");
  const ready = {};
  if (wpUrl && wpDir) {
    engines.wp = await loadWordPress(wpUrl, wpDir);
    ready.wp = engines.wp.version;
  }
  engines.current = loadCurrent();
  ready.current = engines.current.version;
  process.stdout.write(JSON.stringify({ ready }) + "\n");
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let answer;
    try {
      const request = JSON.parse(line);
      const engine = engines[request.engine];
      if (!engine) throw new Error(`no engine ${request.engine}`);
      answer = check(engine.blocks, String(request.content));
    } catch (error) {
      answer = { error: String((error && error.stack) || error) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
}

main().catch((error) => {
  process.stderr.write(`blockcheck: ${(error && error.stack) || error}\n`);
  process.exit(1);
});
