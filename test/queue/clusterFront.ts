import type { N8nInstance } from '../harness/n8nInstance';
import type { QueueCluster } from './cluster';

/**
 * The cluster as one n8n, the way its users reach it behind a load balancer: the editor, the
 * public API and activation on main, production webhooks (/webhook/…) on the webhook processor.
 * Test fixtures written for a single N8nInstance (test/e2e/stays.ts, staySync.ts) run against it
 * unchanged: everything is main's, except the webhook URL that callWebhook posts to.
 */
export function clusterAsOneN8n(cluster: QueueCluster): N8nInstance {
	const front = Object.create(cluster.main) as N8nInstance;
	Object.defineProperty(front, 'webhookUrl', {
		value: (webhookPath: string) => cluster.webhookUrl(webhookPath),
	});
	return front;
}
