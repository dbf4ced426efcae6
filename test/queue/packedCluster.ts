import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { packPackage } from '../harness/packPackage';
import { provisionN8n } from '../harness/provision';
import { N8N_2 } from '../harness/targets';
import { QueueCluster } from './cluster';

export interface PackedCluster {
	cluster: QueueCluster;
	/**
	 * Stops the cluster (N8N_QUEUE_KEEP_LOGS=1 keeps every process's log and user folder, and
	 * says where) and removes the packed package.
	 */
	stop(): Promise<void>;
}

/**
 * The cluster each queue-mode suite runs: n8n 2.41.1 from the end-to-end suite's cache, the
 * package packed as it would be published and installed into every process, the owner set up.
 */
export async function startPackedCluster(log: (message: string) => void): Promise<PackedCluster> {
	const runtime = await provisionN8n(N8N_2);
	const packDir = mkdtempSync(path.join(tmpdir(), 'n8n-queue-pack-'));
	const removePack = () => rmSync(packDir, { recursive: true, force: true });
	let cluster: QueueCluster;
	try {
		cluster = await QueueCluster.start({ runtime, tarball: await packPackage(packDir), log });
	} catch (error) {
		removePack();
		throw error;
	}
	const stop = async () => {
		const keepLogs = process.env.N8N_QUEUE_KEEP_LOGS === '1';
		try {
			await cluster.stop({ keepLogs });
			if (keepLogs) log(`Logs kept in ${cluster.logDir}`);
		} finally {
			removePack();
		}
	};
	try {
		await cluster.main.setupOwner();
	} catch (error) {
		await stop();
		throw error;
	}
	return { cluster, stop };
}
