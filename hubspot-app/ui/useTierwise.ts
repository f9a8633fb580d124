// The one data hook of the card and the settings page: a TierwiseClient over hubspot.fetch, aimed at
// the backend named by the profile variable BACKEND (src/hsprofile.<env>.json, read by cards as
// context.variables). Tests replace this module (vi.mock) and hand the components their own client.
import { useMemo } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { tierwiseClient, type HubSpotFetch, type TierwiseClient } from './tierwise-client.ts';

export function useTierwise(variables: Record<string, unknown> | undefined): TierwiseClient {
  const backend = typeof variables?.['BACKEND'] === 'string' ? variables['BACKEND'] : '';
  return useMemo(() => tierwiseClient(backend, hubspot.fetch as HubSpotFetch), [backend]);
}
