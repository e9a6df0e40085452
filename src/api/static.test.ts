import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { serveWebApp } from './static.js';

const root = mkdtempSync(join(tmpdir(), 'puente-web-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Puente</title>');
writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'puente-outside.txt'), 'secret');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const app = new Hono().use('*', serveWebApp(root));

describe('web app files', () => {
  it('serves assets with their type and a long cache, and app routes with index.html', async () => {
    const asset = await app.request('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const route = await app.request('/sources/s_0123');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Puente</title>');
    expect(route.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a missing file instead of the page, and never leaves its folder', async () => {
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/favicon.ico')).status).toBe(404);
    const escape = await app.request('/..%2fpuente-outside.txt');
    expect(await escape.text()).not.toContain('secret');
  });
});
