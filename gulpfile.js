// The build: clean → tsc → bundle the vendored libraries (luxon, Seam's query serializer, ical.js) → one bundle per node → copy icons and codex
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

// No declarations or source maps: n8n loads only the JavaScript, and they would double the
// package users download. `incremental` stays off so no build-info file lands in dist/.
async function compile() {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--incremental', 'false'], { stdio: 'inherit' });
}

// ical.js is MPL-2.0: its bundle opens with a notice naming the licence and where the source of
// the unmodified library is (MPL 2.0 §3.2). Its own licence header is not a "legal comment" to
// esbuild, so minifying would drop it.
function vendorBanner(name) {
	if (name !== 'ical') return undefined;
	const manifest = path.join(__dirname, 'node_modules', 'ical.js', 'package.json');
	const { version, license } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	return {
		js: `/*! ical.js ${version}, unmodified. (C) Philipp Kewisch and contributors. ${license}: https://mozilla.org/MPL/2.0/ . Source: the npm package ical.js@${version}, https://github.com/kewisch/ical.js */`,
	};
}

async function bundleVendor() {
	for (const name of ['luxon', 'seam-params', 'ical']) {
		await esbuild.build({
			entryPoints: [path.join(__dirname, 'vendor', `${name}.ts`)],
			outfile: path.join(DIST, 'vendor', `${name}.js`),
			bundle: true,
			platform: 'node',
			target: 'node20',
			format: 'cjs',
			minify: true,
			legalComments: 'external',
			banner: vendorBanner(name),
			logLevel: 'warning',
		});
		// tsc's source map described the re-export stub that the bundle replaced.
		fs.rmSync(path.join(DIST, 'vendor', `${name}.js.map`), { force: true });
	}
}

// n8n requires every node file at start-up. One file per node instead of about a hundred small
// modules keeps that cheap; the vendored libraries stay separate files, loaded with the first
// request that needs them.
const NODE_ENTRIES = ['Seam.node.js', 'SeamTrigger.node.js', 'SeamPollingTrigger.node.js'];
const NODE_DIR = path.join(DIST, 'nodes', 'Seam');

const vendorStaysExternal = {
	name: 'vendor-stays-external',
	setup(build) {
		build.onResolve({ filter: /\/vendor\/[a-z-]+$/ }, (args) => ({
			path: `../../vendor/${path.basename(args.path)}`,
			external: true,
		}));
	},
};

async function bundleNodes() {
	for (const entry of NODE_ENTRIES) {
		const file = path.join(NODE_DIR, entry);
		await esbuild.build({
			entryPoints: [file],
			outfile: file,
			allowOverwrite: true,
			bundle: true,
			platform: 'node',
			target: 'node20',
			format: 'cjs',
			external: ['n8n-workflow'],
			plugins: [vendorStaysExternal],
			minifySyntax: true,
			minifyWhitespace: true,
			logLevel: 'warning',
		});
	}
	// Everything under these folders is now inside the node bundles.
	for (const dir of fs.readdirSync(NODE_DIR)) {
		const full = path.join(NODE_DIR, dir);
		if (fs.statSync(full).isDirectory()) fs.rmSync(full, { recursive: true, force: true });
	}
}

function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest(DIST));
}

exports.clean = clean;
exports.build = series(clean, compile, bundleVendor, bundleNodes, copyAssets);
exports.default = exports.build;
