/**
 * The dashboard's frame: who is signed in (or the sign-in form when the server asks for a
 * key), the navigation, and the page of the address.
 */
import { Link, Route, Switch, useLocation } from 'wouter';
import { ApiError, api, type Session, setApiKey } from './api';
import { AlertsPage } from './pages/AlertsPage';
import { AuditPage } from './pages/AuditPage';
import { FeaturePage } from './pages/FeaturePage';
import { ModelPage } from './pages/ModelPage';
import { ModelsPage } from './pages/ModelsPage';
import { MonitoringPage } from './pages/MonitoringPage';
import { SignIn } from './pages/SignIn';
import { useApi } from './use-api';

const NAV = [
  { href: '/', label: 'Models' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/audit', label: 'Audit log' },
];

/**
 * The application.
 *
 * @example
 * createRoot(root).render(<App />);
 */
export function App() {
  const { data: session, error, reload } = useApi(() => api<Session>('/api/v1/session'), 'session');
  const [location] = useLocation();
  if (error instanceof ApiError && error.status === 401) {
    return <SignIn message={error.message} onSignedIn={reload} />;
  }
  if (error) return <p className="error">The server did not answer: {error.message}</p>;
  if (session === undefined) return <p className="muted">Loading…</p>;
  const signOut = () => {
    setApiKey(null);
    reload();
  };
  return (
    <>
      <a className="skip" href="#main">
        Skip to the content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Tend
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={location === n.href ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {session.auth ? `${session.name} (${session.role})` : 'auth off'}
          {session.auth && (
            <>
              {' '}
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </>
          )}
        </span>
      </header>
      <main id="main">
        <Switch>
          <Route path="/">
            <ModelsPage />
          </Route>
          <Route path="/alerts">
            <AlertsPage session={session} />
          </Route>
          <Route path="/audit">
            <AuditPage />
          </Route>
          <Route path="/models/:name/features/:feature">
            {(params) => (
              <FeaturePage
                name={decodeURIComponent(params.name)}
                feature={decodeURIComponent(params.feature)}
              />
            )}
          </Route>
          <Route path="/models/:name/monitoring">
            {(params) => <MonitoringPage name={decodeURIComponent(params.name)} />}
          </Route>
          <Route path="/models/:name">
            {(params) => <ModelPage name={decodeURIComponent(params.name)} session={session} />}
          </Route>
          <Route>
            <h1>Not found</h1>
            <p>
              Nothing is at this address. <Link href="/">See the models.</Link>
            </p>
          </Route>
        </Switch>
      </main>
    </>
  );
}
