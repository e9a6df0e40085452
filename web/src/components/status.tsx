import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import type { Fetched } from '../use-fetch';

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="status" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Failed({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <p class="status error" role="alert">
      {t('common.failed', { message })}
    </p>
  );
}

/** Renders a GET's data, or its loading and error states. */
export function Show<T>({ data, children }: { data: Fetched<T>; children: (data: T) => ComponentChildren }) {
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error') return <Failed message={data.message} />;
  return <>{children(data.data)}</>;
}
