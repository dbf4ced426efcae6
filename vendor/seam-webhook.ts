// Build entry for webhook signature verification. `gulp build` replaces the compiled
// dist/vendor/seam-webhook.js with an esbuild bundle of this file (no runtime dependencies, as
// n8n's community-node rules require). Import it only through
// nodes/Seam/trigger/verifySignature.ts, which loads it lazily.
//
// Why `svix` rather than `@seamapi/webhook`: Seam's SeamWebhook is a thin wrapper around svix's
// `Webhook` (same scheme, same checks), but it depends on svix 1.x whose package pulls the whole
// Svix API client into a bundle (191 KB minified); svix 2.x's `Webhook` bundles to 13 KB. The
// event-shape check SeamWebhook adds is done in nodes/Seam/trigger/receiveDelivery.ts.
export { Webhook, WebhookVerificationError } from 'svix';
