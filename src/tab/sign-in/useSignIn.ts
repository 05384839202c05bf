import { useCallback, useState } from 'react';

/** The sign-in form's state: which person is signing in, and the last failure. No JSX. */
export const useSignIn = (signIn: (upn?: string) => Promise<void>) => {
  const [pending, setPending] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [email, setEmail] = useState('');

  const submit = useCallback(
    async (upn?: string) => {
      setPending(upn ?? 'tenant');
      setError(undefined);
      try {
        await signIn(upn?.trim().toLowerCase());
      } catch (failure) {
        setError(failure);
        setPending(undefined);
      }
    },
    [signIn],
  );

  return { pending, error, email, setEmail, submit };
};
