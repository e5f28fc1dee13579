/** Sign-in with an API key, when the server asks for one. */
import { type FormEvent, useState } from 'react';
import { setApiKey } from '../api';

/**
 * The sign-in form; `onSignedIn` runs once a key is kept.
 *
 * @example
 * <SignIn message="the API key is unknown or revoked" onSignedIn={reload} />
 */
export function SignIn({ message, onSignedIn }: { message?: string; onSignedIn: () => void }) {
  const [key, setKey] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (key.trim() === '') return;
    setApiKey(key.trim());
    onSignedIn();
  };
  return (
    <main id="main">
      <h1>Sign in to Tend</h1>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <form onSubmit={submit} className="toolbar">
        <label>
          API key{' '}
          <input
            type="password"
            autoComplete="current-password"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            size={40}
          />
        </label>
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
      <p className="muted">
        An admin makes keys with <code>tend keys create NAME --role viewer</code>.
      </p>
    </main>
  );
}
