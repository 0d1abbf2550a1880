#!/usr/bin/env node
// The `cohort` command: the built CLI (npm run build makes dist/cli.js).
require('../dist/cli.js');
