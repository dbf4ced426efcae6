import { describeEndToEnd } from './suite';
import { N8N_1 } from '../harness/targets';

// n8n 1.x on the machine's Node.js (20).
describeEndToEnd(N8N_1);
