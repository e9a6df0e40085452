import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { langNames, langs, useI18n, type Lang } from '../i18n';
import type { Key } from '../i18n/en';
import { navigate, queryString, type Place } from '../router';
import { useSession } from '../session';

const sections: [string, Key][] = [
  ['/', 'nav.dashboard'],
  ['/map', 'nav.map'],
  ['/projects', 'nav.projects'],
  ['/sources', 'nav.sources'],
  ['/indicators', 'nav.indicators'],
  ['/countries', 'nav.countries'],
  ['/commitments', 'nav.commitments'],
  ['/review', 'nav.review'],
];

const current = (path: string, section: string) =>
  section === '/' ? path === '/' : path === section || path.startsWith(`${section}/`);

function SearchBox({ place }: { place: Place }) {
  const { t, href } = useI18n();
  const [q, setQ] = useState(place.path === '/search' ? (place.query.get('q') ?? '') : '');
  return (
    <form
      role="search"
      class="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) navigate(href('/search', { q: q.trim() }));
      }}
    >
      <label for="site-search" class="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="site-search"
        type="search"
        value={q}
        placeholder={t('search.placeholder')}
        onInput={(e) => setQ(e.currentTarget.value)}
      />
      <button type="submit">{t('search.go')}</button>
    </form>
  );
}

function LanguageSwitch({ place }: { place: Place }) {
  const { t, lang } = useI18n();
  const to = (l: Lang) => {
    const query = Object.fromEntries(place.query);
    return place.path + queryString({ ...query, lang: l });
  };
  return (
    <nav class="lang-switch" aria-label={t('nav.language')}>
      {langs.map((l) => (
        <a key={l} href={to(l)} hrefLang={l} lang={l} aria-current={l === lang ? 'true' : undefined}>
          {langNames[l]}
        </a>
      ))}
    </nav>
  );
}

function SessionStatus() {
  const { t, href } = useI18n();
  const { user } = useSession();
  return user ? (
    <span class="session">{t('session.as', { user: user.id, role: user.role })}</span>
  ) : (
    <a class="session" href={href('/review')}>
      {t('session.signIn')}
    </a>
  );
}

/** The frame of every page: skip link, brand, sections, search, language switch, who is signed in. */
export function Shell({ place, children }: { place: Place; children: ComponentChildren }) {
  const { t, href } = useI18n();
  return (
    <>
      <a class="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header class="top">
        <div class="top-row">
          <a href={href('/')} class="brand">
            Puente
          </a>
          <span class="tagline">{t('app.tagline')}</span>
          <SessionStatus />
          <LanguageSwitch place={place} />
        </div>
        <div class="top-row">
          <nav class="sections" aria-label={t('nav.sections')}>
            {sections.map(([path, key]) => (
              <a key={path} href={href(path)} aria-current={current(place.path, path) ? 'page' : undefined}>
                {t(key)}
              </a>
            ))}
          </nav>
          <SearchBox key={place.path === '/search' ? place.key : 'search'} place={place} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="foot">
        <span>{t('app.footer')}</span> <a href="/api/docs">{t('app.api')}</a>
      </footer>
    </>
  );
}
