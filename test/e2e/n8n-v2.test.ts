import { describeEndToEnd } from './suite';
import { N8N_2 } from '../harness/targets';

// n8n 2.x on Node.js 24 (fetched from the npm registry into the cache on first run).
describeEndToEnd(N8N_2);
