// The build: clean → tsc → bundle the vendored libraries (luxon, Seam's query serializer) → copy icons and codex
// files. Bundling keeps package.json's "dependencies" empty, as n8n's community-node rules require.
const { series, src, dest } = require('gulp');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const DIST = path.join(__dirname, 'dist');

async function clean() {
	fs.rmSync(DIST, { recursive: true, force: true });
	fs.rmSync(path.join(__dirname, 'tsconfig.tsbuildinfo'), { force: true });
}

async function compile() {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--incremental', 'false'], { stdio: 'inherit' });
}

async function bundleVendor() {
	for (const name of ['luxon', 'seam-params']) {
		await esbuild.build({
			entryPoints: [path.join(__dirname, 'vendor', `${name}.ts`)],
			outfile: path.join(DIST, 'vendor', `${name}.js`),
			bundle: true,
			platform: 'node',
			target: 'node20',
			format: 'cjs',
			minify: true,
			legalComments: 'external',
			logLevel: 'warning',
		});
		// tsc's source map described the re-export stub that the bundle replaced.
		fs.rmSync(path.join(DIST, 'vendor', `${name}.js.map`), { force: true });
	}
}

function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest(DIST));
}

exports.clean = clean;
exports.build = series(clean, compile, bundleVendor, copyAssets);
exports.default = exports.build;
