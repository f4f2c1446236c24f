#!/usr/bin/env node
// Copies what tsc does not emit for the n8n package (node and credential icons, codex files)
// from nodes/ and credentials/ into dist/ beside the compiled files that name them, and removes
// outputs whose source is gone (tsc -b never deletes them, and n8n's custom-extension loader
// would load a stale *.node.js or *.credentials.js found there).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
let copied = 0;
function copyTree(folder) {
  for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) copyTree(relative);
    else if (/\.(svg|png|json)$/.test(entry.name)) {
      fs.mkdirSync(path.join(root, 'dist', folder), { recursive: true });
      fs.copyFileSync(path.join(root, relative), path.join(root, 'dist', relative));
      copied += 1;
    }
  }
}
function sourceOf(relative) {
  const compiled = /^(.*)\.(js|d\.ts|js\.map)$/.exec(relative);
  return compiled ? `${compiled[1]}.ts` : relative;
}
function removeStale(folder) {
  const out = path.join(root, 'dist', folder);
  if (!fs.existsSync(out)) return;
  for (const entry of fs.readdirSync(out, { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!fs.existsSync(path.join(root, relative))) fs.rmSync(path.join(root, 'dist', relative), { recursive: true, force: true });
      else removeStale(relative);
    } else if (!fs.existsSync(path.join(root, sourceOf(relative)))) {
      fs.rmSync(path.join(root, 'dist', relative));
    }
  }
}
removeStale('nodes');
removeStale('credentials');
copyTree('nodes');
copyTree('credentials');
if (copied === 0) throw new Error('no icons or codex files found under nodes/ and credentials/');
