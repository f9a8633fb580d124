// What an admin set on the settings page, per portal: one JSON row parsed with the shared schema
// (ui/api-schema.ts, built on the core's schemas) on the way in and on the way out. The daily hour
// and the time zone live on the portal row (the scheduler reads them there) and are kept in step.
import { PortalSettingsSchema, type PortalSettings } from '../ui/api-schema.ts';
import type { Store } from './store/store.ts';

export async function portalSettings(store: Store, portalId: string): Promise<PortalSettings> {
  const [row] = await store.db.all<{ settings: string }>('SELECT settings FROM portal_settings WHERE portal_id = ?', [portalId]);
  const portal = await store.portal(portalId);
  const stored = row === undefined ? {} : (JSON.parse(row.settings) as unknown);
  // A row written by an older version may lack a newer field: the schema's defaults fill it.
  return PortalSettingsSchema.parse({ ...(stored as object), ...(portal === null ? {} : { syncHour: portal.syncHour, timeZone: portal.timeZone }) });
}

/** Stores validated settings; false when the portal is not installed. */
export async function savePortalSettings(store: Store, portalId: string, settings: PortalSettings, now: number): Promise<boolean> {
  const portal = await store.portal(portalId);
  if (portal === null) return false;
  await store.db.transaction(async (tx) => {
    await tx.run('INSERT INTO portal_settings (portal_id, settings, updated_at) VALUES (?, ?, ?) ON CONFLICT (portal_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at', [portalId, JSON.stringify(settings), now]);
    await tx.run('UPDATE portals SET sync_hour = ?, time_zone = ? WHERE portal_id = ?', [settings.syncHour, settings.timeZone, portalId]);
  });
  return true;
}
