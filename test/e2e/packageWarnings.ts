// What counts as n8n complaining about this package in its output: a line naming the package,
// its node or its credential together with a word of trouble, or one of the loader's messages
// for packages that did not load (which may not name the package).

// "Seam" capitalised: the node's name; lower-case "seam" also occurs in e.g. webhook paths.
const ABOUT_THE_PACKAGE = /n8n-nodes-seam|seamApi|\bSeam\b/;
const TROUBLE =
	/\b(warn|warning|error|errors|fail|failed|failure|deprecated|deprecation|invalid|unknown|unrecognized|could not|cannot|missing)\b/i;
const LOADER_FAILURES = [
	/Failed to load package/i,
	/packages are missing/i,
	/Unrecognized node type/i,
	/is already registered/i,
	/Not reinstalling package/i,
];

export function packageWarnings(output: string): string[] {
	return output
		.split('\n')
		.filter(
			(line) =>
				(ABOUT_THE_PACKAGE.test(line) && TROUBLE.test(line)) ||
				LOADER_FAILURES.some((re) => re.test(line)),
		);
}
