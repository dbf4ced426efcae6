/** Last line of defence: whatever text reaches the user passes through here before it leaves. */
export function redactSecret(text: string, secret: string): string {
	if (!secret || !text) return text;
	return text.split(secret).join('[redacted]');
}
