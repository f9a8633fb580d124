// "Score with Tierwise" end to end: HubSpot's signed execution request (custom-action reference) against
// the backend and the fake marketplace; the answer's output fields; the slow path through BLOCK and the
// callback endpoint; signatures; and the portal taken from the signed body only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowActionMetaSchema } from '../../hubspot-app/ui/project-schema.ts';
import { tierwiseClient } from '../../hubspot-app/ui/tierwise-client.ts';
import { completeStaleCallbacks, workflowActionRoutes } from '../../hubspot-app/server/routes/workflow-action.ts';
import { startHarness, type Harness } from './harness.ts';
import { hubspotFetch } from './hubspot-fetch.ts';

const meta = WorkflowActionMetaSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../hubspot-app/project/src/app/workflow-actions/score-hsmeta.json'), 'utf8')));
const OUTPUT_NAMES = meta.config.outputFields.map((f) => f.typeDefinition.name);

let n = 0;
function execution(portalId: number, objectId: number, objectType: 'CONTACT' | 'COMPANY' = 'CONTACT') {
  n++;
  return {
    callbackId: `ap-${portalId}-${n}`,
    origin: { portalId, actionDefinitionId: 77, actionDefinitionVersion: 1, extensionDefinitionId: 77, extensionDefinitionVersionId: 1 },
    context: { source: 'WORKFLOWS', workflowId: 9001 },
    object: { objectId, objectType },
    inputFields: {},
  };
}

/** POSTs as HubSpot's workflow engine does: v2 signature only (custom-action guide), unless told otherwise. */
async function execute(h: Harness, body: unknown, options: { tamper?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
  const url = `${h.url}/hubspot/actions/score`;
  const text = JSON.stringify(body);
  const signed = h.fake.sign('POST', url, text, { v2: true });
  const headers = options.headers ?? { 'x-hubspot-signature': signed['x-hubspot-signature'] ?? '', 'x-hubspot-signature-version': 'v2' };
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: options.tamper ? text.replace('"objectId":3', '"objectId":4') : text });
}

describe('the workflow action, answering in time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.install('101', 30);
    await h.install('202', 3);
    await h.storeSynced('101', 'contacts', Array.from({ length: 29 }, (_, i) => String(i + 1)));
    await h.finishRun('101');
    await h.finishRun('202');
  });
  afterAll(async () => h?.close());

  it('answers the record\'s tier, segment, churn risk and level and next action, as the card shows them, with SUCCESS', async () => {
    const answer = await execute(h, execution(101, 3));
    expect(answer.status).toBe(200);
    const { outputFields } = (await answer.json()) as { outputFields: Record<string, unknown> };
    const shown = await tierwiseClient(h.url, hubspotFetch(h.fake, '101')).card({ object: 'contacts', id: '3', language: 'en' });
    if (shown.state !== 'scored') throw new Error('contact 3 should be scored');
    expect(outputFields).toEqual({
      hs_execution_state: 'SUCCESS',
      tierwise_tier: shown.result.tier,
      tierwise_segment: shown.result.segment,
      tierwise_churn_risk: shown.result.churnRisk,
      tierwise_churn_level: shown.result.churnLevel,
      tierwise_next_action: shown.result.nextAction,
    });
    // Every field answered is one the action definition declares (what an if/then branch can use).
    for (const name of Object.keys(outputFields).filter((k) => k !== 'hs_execution_state')) expect(OUTPUT_NAMES).toContain(name);
  });

  it('reads a record the daily sync has not seen from HubSpot by id and scores it', async () => {
    const answer = await execute(h, execution(101, 30));
    const { outputFields } = (await answer.json()) as { outputFields: Record<string, unknown> };
    expect(outputFields['hs_execution_state']).toBe('SUCCESS');
    expect(outputFields['tierwise_next_action']).toEqual(expect.any(String));
  });

  it('takes the portal from the signed body: portal 202 gets nothing of portal 101\'s records', async () => {
    // Contact 29 is stored for 101; portal 202's HubSpot has only contacts 1-3, so 202 cannot score it.
    const answer = await execute(h, execution(202, 29));
    expect(await answer.json()).toEqual({ outputFields: { hs_execution_state: 'FAIL_CONTINUE' } });
  });

  it('continues the workflow without outputs for an account where Tierwise is not installed', async () => {
    const answer = await execute(h, execution(303, 1));
    expect(await answer.json()).toEqual({ outputFields: { hs_execution_state: 'FAIL_CONTINUE' } });
  });

  it('refuses a tampered body, a missing signature and a replay with 401', async () => {
    expect((await execute(h, execution(101, 3), { tamper: true })).status).toBe(401);
    expect((await execute(h, execution(101, 3), { headers: {} })).status).toBe(401);
    const body = execution(101, 3);
    const text = JSON.stringify(body);
    const url = `${h.url}/hubspot/actions/score`;
    const signed = h.fake.sign('POST', url, text, { v2: true });
    const headers = { 'content-type': 'application/json', 'x-hubspot-signature': signed['x-hubspot-signature'] ?? '', 'x-hubspot-signature-version': 'v2' };
    expect((await fetch(url, { method: 'POST', headers, body: text })).status).toBe(200);
    expect((await fetch(url, { method: 'POST', headers, body: text })).status).toBe(401);
  });

  it('accepts the v3 signature when HubSpot sends one', async () => {
    const body = execution(101, 4);
    const url = `${h.url}/hubspot/actions/score`;
    const text = JSON.stringify(body);
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...h.fake.sign('POST', url, text) }, body: text });
    expect(answer.status).toBe(200);
  });
});

describe('the workflow action, when HubSpot is slow', () => {
  let h: Harness;
  beforeAll(async () => {
    // The same route with a 50 ms budget, so a slow read from HubSpot takes the BLOCK path.
    h = await startHarness({ mount: (app, ctx) => workflowActionRoutes(app, ctx, 50) });
    await h.install('101', 30);
    await h.storeSynced('101', 'contacts', ['1', '2', '3']);
    await h.finishRun('101');
  });
  afterAll(async () => h?.close());

  it('answers BLOCK, then completes through the callback endpoint with the outputs, once', async () => {
    h.readDelayMs = 400;
    const body = execution(101, 12);
    const answer = await execute(h, body);
    expect(await answer.json()).toEqual({ outputFields: { hs_execution_state: 'BLOCK', hs_expiration_duration: 'PT1H' } });
    const pending = await h.ctx.store.db.all<{ callback_id: string }>('SELECT callback_id FROM workflow_callbacks');
    expect(pending.map((p) => p.callback_id)).toEqual([body.callbackId]);
    await expect.poll(() => h.completions.length, { timeout: 5000 }).toBe(1);
    const [completion] = h.completions;
    expect(completion?.portalId).toBe('101');
    expect(completion?.callbackId).toBe(body.callbackId);
    const { outputFields, typedOutputs } = completion?.body as { outputFields: Record<string, unknown>; typedOutputs: Record<string, unknown> };
    expect(outputFields['hs_execution_state']).toBe('SUCCESS');
    // Strings in outputFields, the same values typed in typedOutputs (the churn risk a number).
    expect(outputFields['tierwise_churn_risk']).toBe(String(typedOutputs['tierwise_churn_risk']));
    expect(typeof typedOutputs['tierwise_churn_risk']).toBe('number');
    expect(Object.keys(outputFields).filter((k) => k !== 'hs_execution_state').every((k) => OUTPUT_NAMES.includes(k))).toBe(true);
    expect(outputFields['tierwise_next_action']).toEqual(expect.any(String));
    await expect.poll(async () => (await h.ctx.store.db.all('SELECT callback_id FROM workflow_callbacks')).length).toBe(0);
  });

  it('completes the callback even when HubSpot first answers 503', async () => {
    h.readDelayMs = 400;
    h.failCompletions = 1;
    const before = h.completions.length;
    const attempts = h.completionAttempts;
    const body = execution(101, 14);
    expect(((await (await execute(h, body)).json()) as { outputFields: Record<string, unknown> }).outputFields['hs_execution_state']).toBe('BLOCK');
    await expect.poll(() => h.completions.length, { timeout: 15_000 }).toBe(before + 1);
    expect(h.completions.at(-1)?.callbackId).toBe(body.callbackId);
    expect(h.completionAttempts - attempts).toBe(2);
  });

  it('completes a callback left pending by a backend that died, once, and leaves fresh ones to their own backend', async () => {
    h.readDelayMs = 0;
    const before = h.completions.length;
    // What a backend that answered BLOCK and died leaves behind, and one that is still working on its own.
    await h.ctx.store.db.run('INSERT INTO workflow_callbacks (portal_id, callback_id, object, id, created_at) VALUES (?, ?, ?, ?, ?)', ['101', 'ap-orphan-1', 'contacts', '2', Date.now() - 10 * 60_000]);
    await h.ctx.store.db.run('INSERT INTO workflow_callbacks (portal_id, callback_id, object, id, created_at) VALUES (?, ?, ?, ?, ?)', ['101', 'ap-working-1', 'contacts', '3', Date.now()]);
    expect(await completeStaleCallbacks(h.ctx)).toBe(1);
    expect(await completeStaleCallbacks(h.ctx)).toBe(0);
    expect(h.completions.slice(before).map((c) => c.callbackId)).toEqual(['ap-orphan-1']);
    expect((h.completions.at(-1)?.body as { outputFields: Record<string, string> }).outputFields['hs_execution_state']).toBe('SUCCESS');
    expect((await h.ctx.store.db.all<{ callback_id: string }>('SELECT callback_id FROM workflow_callbacks')).map((r) => r.callback_id)).toEqual(['ap-working-1']);
    await h.ctx.store.db.run('DELETE FROM workflow_callbacks');
  });

  it('answers at once when the record is stored, even with HubSpot slow', async () => {
    h.readDelayMs = 400;
    const answer = await execute(h, execution(101, 2));
    expect(((await answer.json()) as { outputFields: Record<string, unknown> }).outputFields['hs_execution_state']).toBe('SUCCESS');
  });
});
