// The one data hook: a client over hubspot.fetch (the extension worker's self.hsFetch), aimed at the
// backend the profile's BACKEND variable names (context.variables). Rendered through createRenderer.
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { Button } from '@hubspot/ui-extensions';
import { useTierwise } from '../../hubspot-app/ui/useTierwise.ts';

const calls: { url: string; options: unknown }[] = [];
const worker = globalThis as unknown as { self?: { hsFetch?: (url: string, options: unknown) => Promise<Response> } };
const previousSelf = worker.self;

afterEach(() => {
  worker.self = previousSelf;
  calls.length = 0;
});

function Probe({ variables }: { variables: Record<string, unknown> | undefined }) {
  const client = useTierwise(variables);
  return createElement(Button, { testId: 'go', onClick: () => void client.card({ object: 'companies', id: '42', language: 'zh-CN' }), children: client.installUrl });
}

describe('useTierwise', () => {
  it('calls hubspot.fetch at the profile\'s backend, with the route\'s URL', async () => {
    worker.self = {
      ...(previousSelf ?? {}),
      hsFetch: async (url, options) => {
        calls.push({ url, options });
        return new Response(JSON.stringify({ state: 'not-scored', why: 'no-run-yet', problems: [] }), { status: 200 });
      },
    };
    const r = createRenderer('crm.record.sidebar');
    r.render(createElement(Probe, { variables: { BACKEND: 'https://api.tierwise.example' } }));
    expect(r.find(Button).text).toBe('https://api.tierwise.example/oauth/install');
    r.find(Button).trigger('onClick');
    await r.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ url: 'https://api.tierwise.example/api/card?object=companies&id=42&language=zh-CN', options: { timeout: 30_000 } });
  });

  it('sends nothing without the profile\'s BACKEND variable, and says why', async () => {
    worker.self = { ...(previousSelf ?? {}), hsFetch: async (url, options) => (calls.push({ url, options }), new Response('{}')) };
    let said: unknown = null;
    function Failing() {
      const client = useTierwise(undefined);
      return createElement(Button, { testId: 'go', onClick: () => void client.card({ object: 'contacts', id: '1', language: 'en' }).catch((error: unknown) => (said = error)), children: 'go' });
    }
    const r = createRenderer('crm.record.sidebar');
    r.render(createElement(Failing));
    r.find(Button).trigger('onClick');
    // No render follows a rejected promise, so createRenderer's waitFor would not look again: poll.
    await expect.poll(() => said).not.toBeNull();
    expect(said).toMatchObject({ code: 'not_configured' });
    expect(String((said as Error).message)).toMatch(/BACKEND variable/);
    expect(calls).toEqual([]);
  });
});
