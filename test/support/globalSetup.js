// Bundle tests load dist/Code.js, the file that ships: build it first when it is missing or stale.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
};
