#!/usr/bin/env node
// The `cohort` command: the built CLI (npm run build makes dist/node/cli.js).
require('../dist/node/cli.js');
