// n8n-core logs every node error through its own logger; tests assert on errors directly, so the
// engine stays quiet unless a test (errors.test.ts) raises the level to inspect the log lines.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';
