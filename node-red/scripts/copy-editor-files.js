// The editor's files (dialog HTML, help, icons) sit beside the compiled runtime files, where Node-RED looks for them.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
cpSync(join(root, 'editor'), join(root, 'dist', 'nodes'), { recursive: true });
