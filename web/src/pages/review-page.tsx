import { useEffect, useState } from 'preact/hooks';
import type { Claim, Page, ReviewItem, Revision } from '../api';
import { useEvidenceHref } from '../components/evidence';
import { Failed, Show } from '../components/status';
import { formatValue } from '../format';
import { useI18n } from '../i18n';
import { signIn, signOut, useSession, write } from '../session';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

type QueueClaim = Claim & { version: number };

function SignInForm() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        signIn(username, password).catch((err: unknown) =>
          setError(err instanceof Error ? err.message : String(err)),
        );
      }}
    >
      <h2>{t('session.signIn')}</h2>
      <p class="muted">{t('review.signInNote')}</p>
      <label for="username">{t('session.username')}</label>
      <input
        id="username"
        autocomplete="username"
        value={username}
        onInput={(e) => setUsername(e.currentTarget.value)}
        required
      />
      <label for="password">{t('session.password')}</label>
      <input
        id="password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
        required
      />
      <button type="submit">{t('session.signIn')}</button>
      {error && <Failed message={error} />}
    </form>
  );
}

/** What an editor may change in a claim: its property, value (amount and unit, or text), time and qualifier. */
function EditForm({
  claim,
  onSave,
  onCancel,
}: {
  claim: QueueClaim;
  onSave: (set: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const v = claim.value;
  const [property, setProperty] = useState(claim.property);
  const [amount, setAmount] = useState(v.amount !== undefined ? String(v.amount) : '');
  const [unit, setUnit] = useState(v.unit ?? '');
  const [text, setText] = useState(v.text ?? v.value ?? v.name ?? v.date ?? '');
  const [time, setTime] = useState(claim.time ?? '');
  const [qualifier, setQualifier] = useState(claim.qualifier ?? 'exact');
  const save = () => {
    const value =
      v.kind === 'quantity'
        ? { kind: 'quantity', amount: Number(amount), unit, currency: v.currency ?? null }
        : v.kind === 'entity'
          ? { kind: 'entity', entityId: v.entityId ?? null, name: text }
          : v.kind === 'enum'
            ? { kind: 'enum', value: text }
            : v.kind === 'date'
              ? { kind: 'date', date: text }
              : { kind: 'text', text };
    onSave({ property, value, time: time || null, qualifier: qualifier === 'exact' ? null : qualifier });
  };
  return (
    <form
      class="edit-form"
      aria-label={t('review.editTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <label for="edit-property">{t('project.property')}</label>
      <input id="edit-property" value={property} onInput={(e) => setProperty(e.currentTarget.value)} />
      {v.kind === 'quantity' ? (
        <>
          <label for="edit-amount">{t('review.amount')}</label>
          <input
            id="edit-amount"
            type="number"
            step="any"
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
            required
          />
          <label for="edit-unit">{t('review.unit')}</label>
          <input id="edit-unit" value={unit} onInput={(e) => setUnit(e.currentTarget.value)} />
        </>
      ) : (
        <>
          <label for="edit-text">{t('indicators.value')}</label>
          <input id="edit-text" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </>
      )}
      <label for="edit-time">{t('indicators.time')}</label>
      <input
        id="edit-time"
        value={time}
        placeholder="2024-11"
        onInput={(e) => setTime(e.currentTarget.value)}
      />
      <label for="edit-qualifier">{t('review.qualifier')}</label>
      <select id="edit-qualifier" value={qualifier} onChange={(e) => setQualifier(e.currentTarget.value)}>
        {['exact', 'approx', 'at_least', 'at_most'].map((q) => (
          <option key={q} value={q}>
            {t(`review.q.${q}` as 'review.q.exact')}
          </option>
        ))}
      </select>
      <div class="actions">
        <button type="submit">{t('review.save')}</button>
        <button type="button" onClick={onCancel}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}

function Revisions({ claimId, version }: { claimId: string; version: number }) {
  const { t } = useI18n();
  const revisions = useFetch<{ items: Revision[] }>(
    `/claims/${encodeURIComponent(claimId)}/revisions`,
    version,
  );
  return (
    <section class="revisions" aria-labelledby="revisions-heading">
      <h3 id="revisions-heading">{t('review.history')}</h3>
      <Show data={revisions}>
        {(r) => (
          <ol>
            {r.items.map((rev) => (
              <li key={rev.id}>
                <time dateTime={rev.at}>{rev.at.replace('T', ' ').slice(0, 16)}</time> · {rev.actor} ·{' '}
                {rev.action}
                {rev.why && <> · “{rev.why}”</>}
              </li>
            ))}
          </ol>
        )}
      </Show>
    </section>
  );
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function Queue() {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const [reload, setReload] = useState(0);
  const queue = useFetch<Page<ReviewItem>>('/review?kind=claim&limit=50', reload);
  const [items, setItems] = useState<QueueClaim[]>([]);
  const [at, setAt] = useState(0);
  const [editing, setEditing] = useState(false);
  const [why, setWhy] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; action: string; version: number }[]>([]);
  const evidenceHref = useEvidenceHref();
  useEffect(() => {
    if (queue.state === 'done') {
      setItems(queue.data.items.flatMap((i) => (i.claim ? [i.claim] : [])));
      setAt(0);
    }
  }, [queue]);
  const current = items[at];
  const act = async (action: 'accept' | 'reject' | 'edit', set?: Record<string, unknown>) => {
    if (!current) return;
    setError(null);
    try {
      const body = { version: current.version, why: why.trim() || null };
      const path = `/claims/${encodeURIComponent(current.id)}`;
      const after =
        action === 'edit'
          ? await write<QueueClaim>('PATCH', path, { ...body, set })
          : await write<QueueClaim>('POST', `${path}/${action}`, body);
      setDone([{ id: current.id, action, version: after.version }, ...done]);
      setItems(items.filter((c) => c.id !== current.id));
      setAt(Math.min(at, items.length - 2));
      setEditing(false);
      setWhy('');
      setMessage(t(`review.did.${action}`, { id: current.id }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing || typing(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const keys: Record<string, () => void> = {
        j: () => setAt(Math.min(at + 1, items.length - 1)),
        k: () => setAt(Math.max(at - 1, 0)),
        a: () => void act('accept'),
        r: () => void act('reject'),
        e: () => setEditing(true),
      };
      const run = keys[e.key];
      if (run) {
        e.preventDefault();
        run();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    document
      .querySelector(`li[data-claim-id="${CSS.escape(current?.id ?? '')}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [current?.id]);
  return (
    <Show data={queue}>
      {(page) => (
        <div class="review">
          <p aria-live="polite">
            {tn('count.proposed', page.total - done.length)}
            {message && <span class="notice"> · {message}</span>}
          </p>
          <p class="muted keys">{t('review.keys')}</p>
          {error && (
            <div role="alert" class="status error">
              {error}{' '}
              <button type="button" onClick={() => setReload(reload + 1)}>
                {t('review.reload')}
              </button>
            </div>
          )}
          {items.length === 0 ? (
            <p>{t('review.empty')}</p>
          ) : (
            <div class="review-body">
              <ol class="queue" aria-label={t('review.queue')}>
                {items.map((c, i) => (
                  <li key={c.id} data-claim-id={c.id} class={i === at ? 'selected' : ''}>
                    <button
                      type="button"
                      class="claim-button"
                      aria-current={i === at ? 'true' : undefined}
                      onClick={() => setAt(i)}
                    >
                      <strong>{i18n.property(c.property)}</strong>{' '}
                      {formatValue(i18n, c.value, c.qualifier, c.property)}
                      {c.time && <> · {i18n.date(c.time)}</>}
                    </button>
                    <span class="meta">{c.subjectName ?? t('reader.notLinked')}</span>
                  </li>
                ))}
              </ol>
              {current && (
                <section class="review-item" aria-labelledby="review-item-heading">
                  <h2 id="review-item-heading">
                    {i18n.property(current.property)}:{' '}
                    {formatValue(i18n, current.value, current.qualifier, current.property)}
                  </h2>
                  <blockquote>
                    <a href={evidenceHref(current.evidence.sourceId, current.id)}>
                      “{current.evidence.quote}”
                    </a>
                  </blockquote>
                  <dl class="facts small">
                    <div>
                      <dt>{t('reader.subject')}</dt>
                      <dd>{current.subjectName ?? t('reader.notLinked')}</dd>
                    </div>
                    <div>
                      <dt>{t('indicators.time')}</dt>
                      <dd>{current.time ? i18n.date(current.time) : '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('reader.origin')}</dt>
                      <dd>
                        {i18n.origin(current.origin.kind)}: {current.origin.name}
                      </dd>
                    </div>
                  </dl>
                  <label for="why">{t('review.why')}</label>
                  <input id="why" value={why} onInput={(e) => setWhy(e.currentTarget.value)} />
                  {editing ? (
                    <EditForm
                      claim={current}
                      onSave={(set) => void act('edit', set)}
                      onCancel={() => setEditing(false)}
                    />
                  ) : (
                    <div class="actions">
                      <button type="button" class="accept" onClick={() => void act('accept')}>
                        {t('review.accept')} <kbd>a</kbd>
                      </button>
                      <button type="button" class="reject" onClick={() => void act('reject')}>
                        {t('review.reject')} <kbd>r</kbd>
                      </button>
                      <button type="button" onClick={() => setEditing(true)}>
                        {t('review.edit')} <kbd>e</kbd>
                      </button>
                    </div>
                  )}
                  <Revisions claimId={current.id} version={current.version} />
                </section>
              )}
            </div>
          )}
          {done.length > 0 && (
            <section aria-labelledby="done-heading">
              <h2 id="done-heading">{t('review.done')}</h2>
              <ul class="done">
                {done.map((d) => (
                  <li key={d.id}>
                    <details>
                      <summary>{t(`review.did.${d.action}` as 'review.did.accept', { id: d.id })}</summary>
                      <Revisions claimId={d.id} version={d.version} />
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </Show>
  );
}

/** The review queue: proposed claims to accept, reject or edit, for editors. */
export function ReviewPage() {
  const { t } = useI18n();
  useTitle(t('nav.review'));
  const session = useSession();
  const role = session.user?.role;
  return (
    <section aria-labelledby="review-heading">
      <h1 id="review-heading">{t('nav.review')}</h1>
      {!session.user ? (
        <SignInForm />
      ) : (
        <>
          <p>
            {t('session.as', { user: session.user.id, role: session.user.role })}{' '}
            <button type="button" onClick={() => void signOut()}>
              {t('session.signOut')}
            </button>
          </p>
          {role === 'editor' || role === 'admin' ? <Queue /> : <p role="alert">{t('review.needsEditor')}</p>}
        </>
      )}
    </section>
  );
}
