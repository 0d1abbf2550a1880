#!/usr/bin/env node
// The `cohort` command (npm run build makes the bundles in dist/node/). `cohort match` loads only its
// own small bundle, so it starts about as fast as Node itself; every other command goes through the
// full CLI.
require(process.argv[2] === 'match' ? '../dist/node/match.js' : '../dist/node/cli.js');
