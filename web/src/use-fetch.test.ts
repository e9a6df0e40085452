import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { earlyFetch, useFetch, type Early } from './use-fetch';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** A request whose answer the test gives when it wants. */
function pending() {
  let answer: (data: unknown) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const request = new Promise<unknown>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { early: new Map([['/points', earlyFetch(request)]]) as Early, answer, fail };
}

/** Renders a component reading `/points` with `early`; its text says what the hook returned. */
function show(early: Early) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  function Probe() {
    const r = useFetch<string>('/points', 0, early);
    return h(
      'p',
      null,
      r.state === 'done' ? r.data : r.state === 'error' ? `error: ${r.message}` : 'loading',
    );
  }
  render(h(Probe, null), root);
  return root;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('useFetch with a request started early', () => {
  it('shows an answer that came before the page was drawn in its first render', async () => {
    const { early, answer } = pending();
    answer('1,181 points');
    await tick();
    expect(show(early).textContent).toBe('1,181 points');
  });

  it('shows an answer that came between the first render and its effects', async () => {
    const { early, answer } = pending();
    const root = show(early);
    expect(root.textContent).toBe('loading');
    answer('1,181 points');
    await Promise.resolve(); // the answer is noted; the effects run after the next paint
    await vi.waitFor(() => expect(root.textContent).toBe('1,181 points'));
  });

  it('shows an answer that came after its effects, and an error as one', async () => {
    const ok = pending();
    const root = show(ok.early);
    await new Promise((resolve) => setTimeout(resolve, 100)); // effects have run (they wait for a paint)
    expect(root.textContent).toBe('loading');
    ok.answer('1,181 points');
    await vi.waitFor(() => expect(root.textContent).toBe('1,181 points'));

    const bad = pending();
    const failed = show(bad.early);
    bad.fail(new Error('HTTP 503'));
    await vi.waitFor(() => expect(failed.textContent).toBe('error: HTTP 503'));
  });
});
