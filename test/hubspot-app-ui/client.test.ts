// The card's client reads every failure as our one error shape, whatever HubSpot's proxy hands it, and
// the user's HubSpot language picks the core's language.
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../hubspot-app/ui/language.ts';
import { tierwiseClient, TierwiseError, type HubSpotFetch } from '../../hubspot-app/ui/tierwise-client.ts';

const answering = (status: number, body: string): HubSpotFetch => async () => new Response(body, { status, headers: { 'content-type': 'application/json' } });
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TierwiseError) return error;
    throw error;
  }
  throw new Error('expected a TierwiseError');
};
const q = { object: 'contacts', id: '1', language: 'en' } as const;

describe('the card\'s client', () => {
  it('reads our error inside HubSpot\'s BAD_GATEWAY wrapping, with the fields it names', async () => {
    const inner = JSON.stringify({ error: { code: 'bad_request', message: 'syncHour: the hour is 0 to 23', fields: [{ path: 'syncHour', message: 'the hour is 0 to 23' }] } });
    const error = await failure(tierwiseClient('https://b.example', answering(200, JSON.stringify({ status: 'error', category: 'BAD_GATEWAY', message: inner, appServerStatusCode: 400 }))).card(q));
    expect(error).toMatchObject({ code: 'bad_request', fields: [{ path: 'syncHour', message: 'the hour is 0 to 23' }] });
  });

  it('says HubSpot could not reach the backend when the wrapping holds something else', async () => {
    const error = await failure(tierwiseClient('https://b.example', answering(200, JSON.stringify({ status: 'error', category: 'BAD_GATEWAY', message: '<html>502</html>', appServerStatusCode: 502 }))).card(q));
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('HubSpot could not reach the Tierwise backend (502); try again in a minute.');
  });

  it('refuses an answer that is not JSON, or not the route\'s shape, naming the field', async () => {
    expect((await failure(tierwiseClient('https://b.example', answering(200, '<html>login</html>')).card(q))).code).toBe('bad_answer');
    const wrongShape = await failure(tierwiseClient('https://b.example', answering(200, JSON.stringify({ state: 'scored', asOf: 'yesterday' }))).card(q));
    expect(wrongShape.code).toBe('bad_answer');
    expect(wrongShape.message).toMatch(/asOf|horizons|result/);
  });

  it('turns a fetch that throws into an unreachable error, and asks hubspot.fetch for 30 s', async () => {
    const seen: unknown[] = [];
    const client = tierwiseClient('https://b.example/', async (url, init) => {
      seen.push({ url, init });
      throw new Error('timeout after 30000 ms');
    });
    const error = await failure(client.card(q));
    expect(error).toMatchObject({ code: 'unreachable', message: 'HubSpot could not reach the Tierwise backend: timeout after 30000 ms' });
    expect(seen).toEqual([{ url: 'https://b.example/api/card?object=contacts&id=1&language=en', init: { timeout: 30_000 } }]);
    expect(client.installUrl).toBe('https://b.example/oauth/install');
  });
});

describe('the user\'s language', () => {
  it.each([
    [{ language: 'zh-cn' }, 'zh-CN'],
    [{ language: 'zh-CN' }, 'zh-CN'],
    [{ locale: 'zh-Hans-CN' }, 'zh-CN'],
    [{ language: 'zh-tw' }, 'en'],
    [{ language: 'zh-Hant' }, 'en'],
    [{ language: 'de' }, 'en'],
    [{}, 'en'],
  ] as const)('%j reads %s', (user, expected) => {
    expect(languageOf(user)).toBe(expected);
  });
});
