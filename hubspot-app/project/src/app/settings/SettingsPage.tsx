// Entry point of the settings page (settings-hsmeta.json): Marketplace ▸ Connected apps ▸ Tierwise ▸ Settings.
import React from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { TierwiseSettings } from './TierwiseSettings.tsx';

hubspot.extend<'settings'>(({ context }) => <TierwiseSettings context={context} />);
