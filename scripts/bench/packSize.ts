import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

import { packPackage } from '../../test/harness/packPackage';
import type { BenchContext } from './context';
import { type BenchRow, kb, times, verdict } from './table';

// Row 4: what `npm install n8n-nodes-seam` downloads and unpacks, and how much of it is the
// libraries bundled into dist/vendor (community nodes may not have runtime dependencies, so
// whatever they need ships inside the package).

const MAX_PACKED_BYTES = 120 * 1024;
const VENDOR = 'package/dist/vendor/';
const BLOCK = 512;

interface TarEntry {
	name: string;
	size: number;
	/** Header and content blocks, as they sit in the archive. */
	blocks: Buffer;
}

function field(header: Buffer, start: number, length: number): string {
	const raw = header.subarray(start, start + length);
	const end = raw.indexOf(0);
	return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** The entries of an uncompressed tar (ustar names: prefix + name). */
export function tarEntries(tar: Buffer): TarEntry[] {
	const entries: TarEntry[] = [];
	for (let offset = 0; offset + BLOCK <= tar.length; ) {
		const header = tar.subarray(offset, offset + BLOCK);
		if (header.every((byte) => byte === 0)) break;
		const size = parseInt(field(header, 124, 12).trim() || '0', 8);
		const prefix = field(header, 345, 155);
		const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
		const length = BLOCK + Math.ceil(size / BLOCK) * BLOCK;
		entries.push({ name, size, blocks: tar.subarray(offset, offset + length) });
		offset += length;
	}
	return entries;
}

export interface PackedSize {
	packed: number;
	unpacked: number;
	vendorUnpacked: number;
	/** The packed size the tarball would have without dist/vendor (same compression). */
	packedWithoutVendor: number;
	/** Unpacked bytes of source maps and type declarations (no use to n8n at run time). */
	sourceMaps: number;
	declarations: number;
	/** Build leftovers that `files` lets through, e.g. a tsconfig.tsbuildinfo tsc wrote to dist. */
	leftovers: TarEntry[];
}

export async function measurePack(): Promise<PackedSize> {
	const destination = mkdtempSync(path.join(os.tmpdir(), 'seam-bench-pack-'));
	try {
		const tarball = await packPackage(destination);
		const packed = statSync(tarball).size;
		const tar = gunzipSync(readFileSync(tarball));
		const entries = tarEntries(tar);
		const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
		const bytesOf = (pattern: RegExp) =>
			entries.filter((e) => pattern.test(e.name)).reduce((sum, e) => sum + e.size, 0);
		const vendor = entries.filter((entry) => entry.name.startsWith(VENDOR));
		const rest = entries.filter((entry) => !entry.name.startsWith(VENDOR));
		// npm's gzip settings are not ours: scale by the share our gzip gives without the vendor.
		const end = Buffer.alloc(2 * BLOCK);
		const whole = gzipSync(Buffer.concat([...entries.map((e) => e.blocks), end]), { level: 9 });
		const without = gzipSync(Buffer.concat([...rest.map((e) => e.blocks), end]), { level: 9 });
		return {
			packed,
			unpacked,
			vendorUnpacked: vendor.reduce((sum, entry) => sum + entry.size, 0),
			packedWithoutVendor: Math.round((packed * without.length) / whole.length),
			sourceMaps: bytesOf(/\.map$/),
			declarations: bytesOf(/\.d\.ts$/),
			leftovers: entries.filter((entry) => /\.tsbuildinfo$/.test(entry.name)),
		};
	} finally {
		rmSync(destination, { recursive: true, force: true });
	}
}

export async function packSizeRow(context: BenchContext): Promise<BenchRow> {
	const size = await measurePack();
	context.progress('npm pack: measured');
	const vendorShare = (100 * size.vendorUnpacked) / size.unpacked;
	const leftovers = size.leftovers.map(
		(entry) => `${entry.name.replace(/^package\//, '')} ${kb(entry.size)}`,
	);
	return {
		id: '4',
		measure: 'Package size: npm pack, packed / unpacked',
		figure: `${kb(size.packed)} / ${kb(size.unpacked)}; dist/vendor ${kb(size.vendorUnpacked)} unpacked (${vendorShare.toFixed(0)}%), ~${kb(size.packed - size.packedWithoutVendor)} packed${leftovers.length ? `; includes ${leftovers.join(', ')} (a build leftover: rebuild)` : ''}`,
		baseline: `without dist/vendor ~${kb(size.packedWithoutVendor)} packed`,
		ratio: times(size.packed / size.packedWithoutVendor),
		noise: '— (deterministic)',
		target: `packed ≤ ${kb(MAX_PACKED_BYTES)}`,
		verdict: verdict(size.packed <= MAX_PACKED_BYTES),
		meaning: `Installing the package downloads ${kb(size.packed)} and puts ${kb(size.unpacked)} on disk; ${vendorShare.toFixed(0)}% of that is the libraries bundled in dist/vendor (community nodes may not have dependencies), ${kb(size.sourceMaps)} source maps and ${kb(size.declarations)} type declarations.`,
	};
}
