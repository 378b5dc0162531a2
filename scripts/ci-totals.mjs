// Sums vitest JSON reports into one closing line: "N passed, N failed".
// Plain JavaScript so it runs on any Node without the project's toolchain.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.log(`${file}: no report (the suite did not run)`);
    failed += 1;
    continue;
  }
  console.log(
    `${file.split('/').pop()}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that could not start, or an error outside any test, fails the suite with no test failed.
  const broken = (report.testResults ?? []).filter(
    (result) => result.status === 'failed' && !(result.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  if (broken.length > 0 || (report.success === false && report.numFailedTests === 0)) {
    console.log(`${file.split('/').pop()}: ${Math.max(broken.length, 1)} file(s) failed outside any test`);
    failed += Math.max(broken.length, 1);
  }
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
