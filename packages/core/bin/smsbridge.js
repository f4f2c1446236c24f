#!/usr/bin/env node
// Committed entry so npm links the `smsbridge` bin at install time, before the first build exists.
require('../dist/cli/main.js');
