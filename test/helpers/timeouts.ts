/**
 * How long a test, a hook or a process a test starts may run before it is taken for hung: ten minutes. It guards
 * against hangs only; no test may depend on being faster than this, or on the machine being idle.
 */
export const hangTimeoutMs = 10 * 60_000;
