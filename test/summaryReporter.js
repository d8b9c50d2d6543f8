// Ends a jest run with the plain closing line CI reads: "N passed, N failed", after each failed test's name and the
// head of its message (CI keeps only the tail of a long output, where jest's own failure reports may not reach).
// Written on exit, so that it follows jest's own summary.
const ANSI = /\u001b\[[0-9;]*m/g;
const LINES_PER_FAILURE = 20;
const FAILURES_SHOWN = 10;

function failuresOf(results) {
	return results.testResults.flatMap((file) => [
		...(file.testExecError ? [{ name: `${file.testFilePath} (the file failed to run)`, message: file.testExecError.message }] : []),
		...file.testResults.filter((test) => test.status === 'failed').map((test) => ({ name: test.fullName, message: test.failureMessages.join('\n') })),
	]);
}

function failureReport(failures) {
	const shown = failures.slice(0, FAILURES_SHOWN).map(({ name, message }) => {
		const lines = message.replace(ANSI, '').split('\n').filter((line) => line.trim() !== '');
		// the message and the first stack line (where in the test it failed)
		const firstAt = lines.findIndex((line) => line.trim().startsWith('at '));
		const head = (firstAt < 0 ? lines : lines.slice(0, firstAt + 1)).slice(0, LINES_PER_FAILURE);
		return [`✕ ${name}`, ...head.map((line) => `    ${line}`)].join('\n');
	});
	const more = failures.length > FAILURES_SHOWN ? [`… and ${failures.length - FAILURES_SHOWN} more`] : [];
	return ['', 'Failed:', ...shown, ...more].join('\n');
}

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
		const failures = failuresOf(results);
		const report = failures.length > 0 ? `${failureReport(failures)}\n` : '';
		process.once('exit', () => process.stdout.write(`${report}\n${line}\n`));
	}
}

module.exports = SummaryReporter;
