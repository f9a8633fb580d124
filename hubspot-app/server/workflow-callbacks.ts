// A workflow action that takes longer than HubSpot should wait answers BLOCK and completes later through
// POST /automation/actions/callbacks/2026-03/{callbackId}/complete with the portal's token. The 2026-03
// spec (Automation Actions V4, CallbackCompletionRequest) requires `outputFields` as strings and
// `typedOutputs` (the same values, typed), and answers 204. The pending callback is a row (workflow_callbacks) from
// the BLOCK answer until HubSpot accepted the completion, so a failure is visible and an uninstall
// removes it with the rest of the portal's rows.
import { z } from 'zod';
import type { AppContext } from './context.ts';
import { portalTransport } from './portal-transport.ts';

export type OutputFields = Record<string, string | number>;

export async function rememberCallback(ctx: AppContext, portalId: string, callbackId: string, record: { object: string; id: string }): Promise<void> {
  await ctx.store.db.run('INSERT INTO workflow_callbacks (portal_id, callback_id, object, id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [portalId, callbackId, record.object, record.id, ctx.clock.now()]);
}

export async function pendingCallbacks(ctx: AppContext, portalId: string): Promise<string[]> {
  return (await ctx.store.db.all<{ callback_id: string }>('SELECT callback_id FROM workflow_callbacks WHERE portal_id = ? ORDER BY created_at', [portalId])).map((r) => r.callback_id);
}

/** Tells HubSpot the action finished; the row goes once HubSpot took it. Throws what HubSpot refused. */
export async function completeCallback(ctx: AppContext, portalId: string, callbackId: string, outputFields: OutputFields): Promise<void> {
  await portalTransport(ctx, portalId, true).request(
    'complete the workflow action',
    {
      method: 'POST',
      path: `/automation/actions/callbacks/2026-03/${encodeURIComponent(callbackId)}/complete`,
      body: { outputFields: Object.fromEntries(Object.entries(outputFields).map(([k, v]) => [k, String(v)])), typedOutputs: outputFields },
    },
    // The spec answers 204 No Content: nothing to read.
    z.unknown(),
  );
  await ctx.store.db.run('DELETE FROM workflow_callbacks WHERE portal_id = ? AND callback_id = ?', [portalId, callbackId]);
}
