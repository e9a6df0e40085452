import { render } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { lazy } from './components/lazy';
import { Shell } from './components/shell';
import { I18nContext, makeI18n, pickLang, useI18n } from './i18n';
import { CommitmentsPage } from './pages/commitments-page';
import { CountriesPage } from './pages/countries-page';
import { CountryPage } from './pages/country-page';
import { DashboardPage } from './pages/dashboard-page';
import { startMapRequests } from './pages/map-requests';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { ReviewPage } from './pages/review-page';
import { SearchPage } from './pages/search-page';
import { SourcePage } from './pages/source-page';
import { SourcesPage } from './pages/sources-page';
import { linkClick, usePlace, type Place } from './router';
import './styles.css';

// The map's points and facets are asked for while its chunk loads.
const MapPage = lazy(() => import('./pages/map-page').then((m) => m.MapPage), startMapRequests);
const IndicatorsPage = lazy(() => import('./pages/indicators-page').then((m) => m.IndicatorsPage));

const one = (pattern: RegExp, path: string) => {
  const m = pattern.exec(path);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
};

function NotFound({ path }: { path: string }) {
  const { t, href } = useI18n();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p role="alert">
        {t('notFound.body', { path })} <a href={href('/')}>{t('notFound.home')}</a>
      </p>
    </section>
  );
}

function Page({ place }: { place: Place }) {
  const { path, query } = place;
  const project = one(/^\/projects\/(.+)$/, path);
  const source = one(/^\/sources\/([^/]+)$/, path);
  const country = one(/^\/countries\/([^/]+)$/, path);
  if (path === '/') return <DashboardPage />;
  if (path === '/map') return <MapPage query={query} />;
  if (path === '/projects') return <ProjectsPage query={query} />;
  if (project) return <ProjectPage id={project} />;
  if (path === '/sources') return <SourcesPage />;
  if (source) return <SourcePage id={source} claim={query.get('claim')} at={query.get('at')} />;
  if (path === '/indicators') return <IndicatorsPage />;
  if (path === '/countries') return <CountriesPage />;
  if (country) return <CountryPage code={country} />;
  if (path === '/commitments') return <CommitmentsPage />;
  if (path === '/review') return <ReviewPage />;
  if (path === '/search') return <SearchPage q={query.get('q') ?? ''} kind={query.get('kind')} />;
  return <NotFound path={path} />;
}

function App() {
  const place = usePlace();
  const asked = place.query.get('lang');
  const i18n = useMemo(() => {
    const lang = pickLang(new URLSearchParams(asked ? { lang: asked } : {}), navigator.languages);
    return makeI18n(lang, asked === lang);
  }, [asked]);
  useEffect(() => {
    document.documentElement.lang = i18n.lang;
  }, [i18n.lang]);
  // A new page starts at its top, unless the link points into it.
  useEffect(() => {
    if (!location.hash) scrollTo(0, 0);
  }, [place.path]);
  return (
    <I18nContext.Provider value={i18n}>
      <div onClick={linkClick}>
        <Shell place={place}>
          <Page place={place} />
        </Shell>
      </div>
    </I18nContext.Provider>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
