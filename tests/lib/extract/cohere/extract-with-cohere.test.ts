/**
 * The Cohere extractor against a local HTTP server that speaks Cohere's v2 chat API (POST /v2/chat, bearer key,
 * snake_case JSON), since the real service cannot be reached here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractWithCohere } from '../../../../lib/extract/cohere/extract-with-cohere.ts';
import type { ExtractionResult } from '../../../../lib/extract/contract.ts';

const NOTE =
  'Patient reports chest pain. Denies fever. BP 138/86. Lisinopril 10 mg PO daily. BP 120/80 later.';

type Reply = { status: number; body: unknown } | 'hang';
let reply: Reply;
let lastRequest: { url?: string; headers: http.IncomingHttpHeaders; body: any } | null = null;
let server: http.Server;
let baseUrl: string;

const chatBody = (text: string) => ({
  id: 'resp-1',
  finish_reason: 'COMPLETE',
  message: { role: 'assistant', content: [{ type: 'text', text }] },
  usage: {
    billed_units: { input_tokens: 10, output_tokens: 10 },
    tokens: { input_tokens: 10, output_tokens: 10 },
  },
});

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      lastRequest = { url: req.url, headers: req.headers, body: JSON.parse(data || '{}') };
      if (reply === 'hang') return; // never answers
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const local: ExtractionResult = { extractor: { id: 'imagehr-local', version: 'test' }, findings: [] };
const run = () =>
  extractWithCohere(NOTE, {
    apiKey: 'test-key',
    baseUrl,
    model: 'command-test',
    timeoutMs: 500,
    fallback: () => local,
  });

describe('Cohere extractor', () => {
  it('sends the key, model and JSON schema, and anchors every finding to exact source offsets', async () => {
    reply = {
      status: 200,
      body: chatBody(
        JSON.stringify({
          findings: [
            {
              kind: 'condition',
              domain: 'MH',
              variables: { MHTERM: 'chest pain' },
              assertion: 'present',
              quote: 'chest pain',
              icd10cm: 'R07.9',
            },
            {
              kind: 'symptom',
              domain: 'MH',
              variables: { MHTERM: 'fever' },
              assertion: 'negated',
              quote: 'fever',
            },
            {
              kind: 'vital_sign',
              domain: 'VS',
              variables: { VSTESTCD: 'SYSBP', VSORRES: '120' },
              assertion: 'present',
              quote: 'BP 120/80',
              occurrence: 1,
            },
            {
              kind: 'medication',
              domain: 'CM',
              variables: { CMTRT: 'lisinopril', CMDOSE: 10, CMDOSU: 'mg', CMROUTE: 'ORAL' },
              assertion: 'present',
              quote: 'Lisinopril  10 mg PO',
            },
            {
              kind: 'condition',
              domain: 'MH',
              variables: { MHTERM: 'diabetes' },
              assertion: 'present',
              quote: 'type 2 diabetes',
            },
            {
              kind: 'vital_sign',
              domain: 'VS',
              variables: { VSTESTCD: 'PULSE', VSORRES: '72' },
              assertion: 'present',
              quote: 'BP 138/86',
            },
          ],
        }),
      ),
    };
    const result = await run();
    expect(lastRequest?.url).toBe('/v2/chat');
    expect(lastRequest?.headers.authorization).toBe('Bearer test-key');
    expect(lastRequest?.body.model).toBe('command-test');
    expect(lastRequest?.body.response_format.type).toBe('json_object');
    expect(lastRequest?.body.response_format.json_schema.required).toEqual(['findings']);
    expect(result.extractor.id).toBe('cohere');
    for (const f of result.findings) expect(NOTE.slice(f.start, f.end)).toBe(f.text);
    expect(result.findings.map((f) => f.text)).toEqual([
      'chest pain',
      'fever',
      'BP 120/80',
      'Lisinopril 10 mg PO',
    ]);
    expect(result.findings[1]).toMatchObject({ negated: true, assertion: 'negated' });
    expect(result.findings[0].code?.code).toBe('R07.9');
    // 'type 2 diabetes' is not in the note; a pulse of 72 is not in its quote: both dropped and counted.
    expect(result.dropped).toBe(2);
  });

  it.each<[string, Reply]>([
    ['a server error', { status: 500, body: { message: 'internal' } }],
    ['a timeout', 'hang'],
    ['text that is not JSON', { status: 200, body: chatBody('Sure! Here are the findings: ...') }],
    [
      'JSON of the wrong shape',
      { status: 200, body: chatBody(JSON.stringify({ findings: [{ kind: 'rumour' }] })) },
    ],
  ])('falls back to the local extractor on %s', async (_name, r) => {
    reply = r;
    const result = await run();
    expect(result).toBe(local);
  });
});
