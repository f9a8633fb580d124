// Our own zod schema of each file of the HubSpot project (hubspot-app/project/), from HubSpot's 2026.03
// templates (HubSpot/hubspot-project-components 2026.03/components/{app/oauth-marketplace,webhooks}).
// HubSpot validates these online only (project-parsing-lib fetches its schemas with an account id), so
// these pin offline what Tierwise relies on: marketplace OAuth, the narrowest scopes, profile-driven
// URLs, and webhooks that never subscribe to our own tierwise_* properties.
import { z } from 'zod';

const https = z.string().regex(/^https:\/\//, 'expected an https:// URL');

export const HsProjectSchema = z.strictObject({
  name: z.string().min(1),
  srcDir: z.literal('src'),
  platformVersion: z.literal('2026.03'),
});

export const HsProfileSchema = z.strictObject({
  /** The developer account `hs project upload --profile <name>` targets (set per developer; not a secret). */
  accountId: z.number().int().nonnegative(),
  variables: z.strictObject({ BACKEND: https.refine((u) => !u.endsWith('/'), 'BACKEND has no trailing slash'), SUPPORT: https }),
});

export const REQUIRED_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.schemas.companies.write',
] as const;
export const OPTIONAL_SCOPES = ['crm.objects.deals.read', 'crm.objects.owners.read'] as const;

export const AppMetaSchema = z.strictObject({
  uid: z.string().regex(/^[a-z0-9_-]+$/),
  type: z.literal('app'),
  config: z.strictObject({
    name: z.string().min(1).max(200),
    description: z.string().min(1),
    distribution: z.literal('marketplace'),
    auth: z.strictObject({
      type: z.literal('oauth'),
      redirectUrls: z.array(z.string()).min(1),
      requiredScopes: z.array(z.enum(REQUIRED_SCOPES)),
      optionalScopes: z.array(z.enum(OPTIONAL_SCOPES)),
      conditionallyRequiredScopes: z.array(z.string()).length(0),
    }),
    permittedUrls: z.strictObject({ fetch: z.array(z.string()).min(1), iframe: z.array(z.string()), img: z.array(z.string()) }),
    support: z.strictObject({ supportEmail: z.email(), documentationUrl: z.string(), supportUrl: z.string(), supportPhone: z.string().optional() }),
  }),
});

const ourProperty = (name: string) => name.startsWith('tierwise_');

export const WebhooksMetaSchema = z.strictObject({
  uid: z.string().regex(/^[a-z0-9_-]+$/),
  type: z.literal('webhooks'),
  config: z.strictObject({
    settings: z.strictObject({ targetUrl: z.string(), maxConcurrentRequests: z.number().int().min(5).max(100) }),
    subscriptions: z.strictObject({
      crmObjects: z.array(
        z.strictObject({
          subscriptionType: z.literal('object.propertyChange'),
          objectType: z.enum(['contact', 'company']),
          // Our own writes must not fire events back at us (a loop): inputs only.
          propertyName: z.string().refine((p) => !ourProperty(p), 'never subscribe to a tierwise_* property (our own writes would loop)'),
          active: z.literal(true),
        }),
      ),
      legacyCrmObjects: z.array(z.strictObject({ subscriptionType: z.enum(['contact.deletion', 'company.deletion']), active: z.literal(true) })),
      hubEvents: z.array(z.strictObject({ subscriptionType: z.literal('contact.privacyDeletion'), active: z.literal(true) })),
    }),
  }),
});
