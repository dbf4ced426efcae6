import { packageWarnings } from './packageWarnings';

// The end-to-end suites rely on this filter to notice n8n complaining about the package; these
// lines are what n8n 2.41.1 printed for a package whose node threw on load, and ordinary output.
describe('packageWarnings', () => {
	test('catches the loader failing on the package', () => {
		const output = [
			'Exporting node types to /tmp/nodes.json...',
			'Failed to load package "n8n-nodes-seam"',
			'boom',
			'Found 919 node types',
		].join('\n');
		expect(packageWarnings(output)).toEqual(['Failed to load package "n8n-nodes-seam"']);
	});

	test('catches a warning that names the node or its credential', () => {
		expect(packageWarnings('warn Node "Seam" has a deprecated parameter')).toHaveLength(1);
		expect(packageWarnings('Credential type seamApi is unknown')).toHaveLength(1);
	});

	test("ignores healthy output, including the loader's success line and webhook paths named seam-…", () => {
		const output = [
			'debug Loaded all credentials and nodes from n8n-nodes-seam { "credentials": 1, "nodes": 1 }',
			'Received request for unknown webhook: The requested webhook "POST seam-reservation" is not registered.',
			'Failed to start Python task runner in internal mode. because its virtual environment is missing',
			'Editor is now accessible via:',
		].join('\n');
		expect(packageWarnings(output)).toEqual([]);
	});
});
