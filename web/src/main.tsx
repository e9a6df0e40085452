import { render } from 'preact';
import { SourcePage } from './pages/source-page';
import { SourcesPage } from './pages/sources-page';
import { linkClick, usePath } from './router';
import './styles.css';

function App() {
  const path = usePath();
  const source = /^\/sources\/([^/]+)$/.exec(path);
  let page;
  if (path === '/' || path === '/sources') page = <SourcesPage />;
  else if (source?.[1]) page = <SourcePage id={decodeURIComponent(source[1])} />;
  else
    page = (
      <p class="status" role="alert">
        No page at {path}. <a href="/">Go to the sources.</a>
      </p>
    );
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a href="/" class="brand">
          Puente
        </a>
        <span class="tagline">
          Chinese investment and cooperation in Latin America and the Caribbean, claim by sourced claim
        </span>
      </header>
      <main id="main" onClick={linkClick}>
        {page}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
