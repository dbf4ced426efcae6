import type { AddressInfo } from 'node:net';

import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback for tests: what an n8n Send Email node sends arrives here over
// SMTP (nodemailer in n8n, smtp-server here), is parsed as a mail client would parse it
// (mailparser) and is kept, so a test reads the mail the guest would actually get.
//
// Plain SMTP only (no TLS, no STARTTLS): n8n's SMTP credential with SSL/TLS off and STARTTLS
// disabled. With `auth` the server requires exactly that login (PLAIN or LOGIN, allowed over the
// plain connection); without it, it takes mail from anyone.

export interface ReceivedMail {
	/** Header recipients (To), addresses only, lower case. */
	to: string[];
	/** Header sender (From), the address only, lower case. */
	from: string;
	subject: string;
	/** The plain text body as a mail client shows it (trailing newlines removed). */
	text: string;
	/** SMTP envelope: MAIL FROM and RCPT TO. */
	envelope: { from: string; to: string[] };
	/** The user the client logged in as, if it did. */
	user?: string;
	receivedAt: number;
}

export interface SmtpInbox {
	host: string;
	port: number;
	/** The login the server requires, if any. */
	auth?: { user: string; password: string };
	/** Every mail received, in the order their data ended. */
	readonly mails: ReceivedMail[];
	/** Mails whose To includes the address. */
	mailsTo(address: string): ReceivedMail[];
	/** Resolves with the first `count` mails once they have arrived; rejects after timeoutMs. */
	waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
	/** Forgets the mails received so far. */
	clear(): void;
	close(): Promise<void>;
}

export interface SmtpInboxOptions {
	/** Require this login. */
	auth?: { user: string; password: string };
	/** Default 127.0.0.1. */
	host?: string;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
	const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
	return objects.flatMap((object) =>
		object.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
	);
}

export async function startSmtpInbox(options: SmtpInboxOptions = {}): Promise<SmtpInbox> {
	const host = options.host ?? '127.0.0.1';
	const auth = options.auth;
	const mails: ReceivedMail[] = [];
	const waiters = new Set<() => void>();
	const wake = () => [...waiters].forEach((check) => check());

	const server = new SMTPServer({
		secure: false,
		// No TLS at all: the client must not be offered STARTTLS (n8n: "Disable STARTTLS").
		disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
		hideSTARTTLS: true,
		authOptional: !auth,
		allowInsecureAuth: true,
		authMethods: ['PLAIN', 'LOGIN'],
		disableReverseLookup: true,
		logger: false,
		size: 10 * 1024 * 1024,
		onAuth(login, _session, callback) {
			if (auth && login.username === auth.user && login.password === auth.password) {
				callback(null, { user: login.username });
				return;
			}
			callback(new Error('Invalid username or password'));
		},
		onData(stream, session, callback) {
			// The mail is recorded before the client hears "250 OK": once n8n's Send Email node has
			// finished, its mail is in `mails`.
			simpleParser(stream)
				.then((parsed) => {
					mails.push({
						to: addresses(parsed.to),
						from: addresses(parsed.from)[0] ?? '',
						subject: parsed.subject ?? '',
						text: (parsed.text ?? '').replace(/\n+$/, ''),
						envelope: {
							from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
							to: session.envelope.rcptTo.map((recipient) => recipient.address),
						},
						user: typeof session.user === 'string' ? session.user : undefined,
						receivedAt: Date.now(),
					});
					wake();
					callback();
				})
				.catch((error: Error) => callback(error));
		},
	});

	await new Promise<void>((resolve, reject) => {
		server.server.once('error', reject);
		server.listen(0, host, () => {
			server.server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.server.address() as AddressInfo;

	return {
		host,
		port,
		auth,
		mails,
		mailsTo: (address) => mails.filter((mail) => mail.to.includes(address.toLowerCase())),
		waitForMails(count, timeoutMs = 10_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (mails.length < count) return;
					clearTimeout(timer);
					waiters.delete(check);
					resolve(mails.slice(0, count));
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					const got = mails.map((mail) => `"${mail.subject}" to ${mail.to.join(', ')}`);
					reject(
						new Error(
							`Expected ${count} mails within ${timeoutMs} ms, got ${mails.length}${got.length ? `: ${got.join('; ')}` : ''}`,
						),
					);
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		clear() {
			mails.length = 0;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
