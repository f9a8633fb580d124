// Entry point of the record card (tier-card-hsmeta.json): HubSpot renders it in the sidebar of
// contacts and companies and hands it the record's context and the sidebar's actions.
import React from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { RecordCard } from './RecordCard.tsx';

hubspot.extend<'crm.record.sidebar'>(({ context, actions }) => <RecordCard context={context} actions={actions} />);
