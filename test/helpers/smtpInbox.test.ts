import { createTransport } from 'nodemailer';

import { startSmtpInbox, type SmtpInbox } from './smtpInbox';

// The test SMTP server, driven by nodemailer configured as n8n's Send Email node configures it
// for an SMTP credential with SSL/TLS off and STARTTLS disabled.

function n8nLikeTransport(inbox: SmtpInbox, login?: { user: string; pass: string }) {
	return createTransport({
		host: inbox.host,
		port: inbox.port,
		secure: false,
		ignoreTLS: true,
		...(login ? { auth: login } : {}),
	});
}

describe('startSmtpInbox', () => {
	let inbox: SmtpInbox | undefined;

	afterEach(async () => {
		await inbox?.close();
		inbox = undefined;
	});

	test('keeps each mail as a client reads it: recipients, sender, subject, plain text', async () => {
		inbox = await startSmtpInbox();
		const transport = n8nLikeTransport(inbox);
		await transport.sendMail({
			from: 'Front Desk <stays@example.com>',
			to: 'Rita Renter <Rita@Example.com>',
			subject: 'Your PIN for Unit 101: 1234 – check-in Fri, Dec 4',
			text: 'Hello Rita,\n\nyour PIN is 1234.\nDoors: Front Door Lock, Room 101\n',
		});
		const [mail] = await inbox.waitForMails(1, 5_000);
		expect(mail).toMatchObject({
			to: ['rita@example.com'],
			from: 'stays@example.com',
			subject: 'Your PIN for Unit 101: 1234 – check-in Fri, Dec 4',
			text: 'Hello Rita,\n\nyour PIN is 1234.\nDoors: Front Door Lock, Room 101',
			envelope: { from: 'stays@example.com', to: ['Rita@example.com'] }, // nodemailer lower-cases the domain
		});
		expect(inbox.mailsTo('rita@example.com')).toHaveLength(1);
		expect(inbox.mailsTo('someone@example.com')).toEqual([]);
		inbox.clear();
		expect(inbox.mails).toEqual([]);
	});

	test('with a login: takes mail from that user only', async () => {
		inbox = await startSmtpInbox({ auth: { user: 'n8n', password: 'secret-1' } });
		await n8nLikeTransport(inbox, { user: 'n8n', pass: 'secret-1' }).sendMail({
			from: 'stays@example.com',
			to: 'guest@example.com',
			subject: 'hello',
			text: 'hi',
		});
		expect((await inbox.waitForMails(1, 5_000))[0]).toMatchObject({ user: 'n8n', text: 'hi' });

		await expect(
			n8nLikeTransport(inbox, { user: 'n8n', pass: 'wrong' }).sendMail({
				from: 'stays@example.com',
				to: 'guest@example.com',
				subject: 'hello',
				text: 'hi',
			}),
		).rejects.toThrow(/Invalid username or password/);
		await expect(
			n8nLikeTransport(inbox).sendMail({
				from: 'stays@example.com',
				to: 'guest@example.com',
				subject: 'hello',
				text: 'hi',
			}),
		).rejects.toThrow(/authentication required|Authentication Required/i);
		expect(inbox.mails).toHaveLength(1);
	});

	test('waitForMails says what arrived when fewer mails come in time', async () => {
		inbox = await startSmtpInbox();
		await expect(inbox.waitForMails(1, 200)).rejects.toThrow(
			'Expected 1 mails within 200 ms, got 0',
		);
	});
});
