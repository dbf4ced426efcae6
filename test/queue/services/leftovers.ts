import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { isAlive } from '../../harness/processes';
import type { Log } from './debianPackages';

// What a queue-mode run leaves behind when its test process could not clean up: killed with
// SIGKILL, or the machine's test runner timed out. Every run's folder names the process that
// owns it; the next run finds folders whose owner is gone and kills every process still using
// them (PostgreSQL and Redis name the folder on their command line, n8n in N8N_USER_FOLDER),
// then deletes them. Linux only (/proc), like the suite.

export const RUN_PREFIX = 'n8n-queue-';
export const OWNER_FILE = 'owner.pid';

export function markOwner(dir: string): void {
	writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
}

function read(file: string): string {
	try {
		return readFileSync(file).toString().replace(/\0/g, ' ');
	} catch {
		return '';
	}
}

/** The process group of a process (/proc/<pid>/stat, the field after the state). */
function processGroupOf(pid: number): number | undefined {
	const stat = read(`/proc/${pid}/stat`);
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const group = Number(fields[2]);
	return Number.isInteger(group) && group > 0 ? group : undefined;
}

/** Processes whose command line or environment mentions the folder. */
function processesUsing(dir: string): number[] {
	if (!existsSync('/proc')) return [];
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
		.filter((pid) => {
			const uses = (text: string) => text.includes(`${dir}/`) || text.includes(`${dir} `);
			return uses(read(`/proc/${pid}/cmdline`)) || uses(read(`/proc/${pid}/environ`));
		})
		.map(Number);
}

/** Kills and deletes what earlier runs whose test process is gone left in the temp folder. */
export function removeLeftoverRuns(log: Log): void {
	for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(RUN_PREFIX))) {
		const dir = path.join(tmpdir(), name);
		const owner = Number(read(path.join(dir, OWNER_FILE)).trim());
		if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
		const pids = processesUsing(dir);
		for (const pid of pids) {
			// Its whole process group: n8n's task runners do not name the folder themselves.
			const group = processGroupOf(pid);
			try {
				if (group && group !== processGroupOf(process.pid)) process.kill(-group, 'SIGKILL');
				else process.kill(pid, 'SIGKILL');
			} catch {
				// Gone already.
			}
		}
		rmSync(dir, { recursive: true, force: true });
		log(
			`Removed ${dir}, left by process ${owner}${pids.length ? `, and killed ${pids.length} processes still using it` : ''}`,
		);
	}
}
