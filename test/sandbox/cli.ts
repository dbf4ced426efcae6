import { startSandbox } from './server';
import { DEFAULT_RETRY_DELAYS_MS } from './webhook-service';

// `npm run sandbox`: a local stand-in for https://connect.getseam.com.
// Port: --port N, else PORT, else 4010. API key: SEAM_SANDBOX_API_KEY, else the default.

function readPort(argv: string[]): number {
	const flagIndex = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	const raw =
		flagIndex === -1
			? process.env.PORT
			: argv[flagIndex].includes('=')
				? argv[flagIndex].split('=')[1]
				: argv[flagIndex + 1];
	if (raw == null || raw === '') return 4010;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`Invalid port: ${raw}`);
	}
	return port;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({
		port: readPort(process.argv.slice(2)),
		apiKey: process.env.SEAM_SANDBOX_API_KEY || undefined,
	});
	const { seed } = sandbox;
	const lines = [
		`Seam sandbox listening on ${sandbox.url}`,
		`API key:   ${sandbox.apiKey}`,
		`Workspace: ${seed.workspaceId}`,
		`Salto KS "Main Site":  ${seed.saltoSystemId}`,
		`  access groups: Main Group ${seed.accessGroups.mainGroup}, Staff Group ${seed.accessGroups.staffGroup}, Pool Group ${seed.accessGroups.poolGroup}`,
		`  entrances: Main Entrance ${seed.entrances.mainEntrance}, Lobby ${seed.entrances.lobby}, Staff Room ${seed.entrances.staffRoom}, Pool Gate ${seed.entrances.poolGate}`,
		`Latch "Building A":    ${seed.latchSystemId}`,
		`  entrances: Front Door ${seed.entrances.frontDoor}, Garage ${seed.entrances.garage}, Room 101 ${seed.entrances.room101}, Room 102 ${seed.entrances.room102}`,
		`User identity "Jane Doe": ${seed.userIdentities.jane}`,
		`Smart locks: Front Door Lock ${seed.devices.frontDoorLock}, Back Door Lock ${seed.devices.backDoorLock}, Garage Keypad ${seed.devices.garageKeypad}, Old Deadbolt (no PIN codes) ${seed.devices.oldDeadbolt}, Storage Room Lock (offline codes only) ${seed.devices.storageRoomLock}`,
		`Unmanaged codes on the Front Door Lock: Owner ${seed.unmanagedAccessCodes.owner}, Old cleaner code ${seed.unmanagedAccessCodes.oldCleaner}`,
		`Spaces: Unit 101 ${seed.spaces.unit101}, Unit 102 ${seed.spaces.unit102}, Garden Cottage ${seed.spaces.cottage}, Pool Area ${seed.spaces.poolArea}`,
		`Webhooks: /webhooks/create {url, event_types?}; every new event is POSTed there, signed with the webhook's`,
		`  whsec_ secret (Svix headers), retried after ${DEFAULT_RETRY_DELAYS_MS.join(', ')} ms on failure`,
		'Press Ctrl+C to stop.',
	];
	console.log(lines.join('\n'));

	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal} received, stopping the sandbox…`);
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
