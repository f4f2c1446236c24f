#!/usr/bin/env node
// Copies what tsc does not emit for the n8n package (node and credential icons, codex files)
// from nodes/ and credentials/ into dist/ beside the compiled files that name them.
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
copyTree('nodes');
copyTree('credentials');
if (copied === 0) throw new Error('no icons or codex files found under nodes/ and credentials/');
