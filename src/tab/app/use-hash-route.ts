import { useCallback, useEffect, useState } from 'react';
import { parseTabLocation, routeHash, type TabRoute } from '../deep-links';

const read = (): TabRoute => parseTabLocation(window.location.hash, window.location.search);

/** The current route from the URL hash; navigate() pushes a history entry, so Back works. */
export const useHashRoute = (): [TabRoute, (route: TabRoute) => void] => {
  const [route, setRoute] = useState<TabRoute>(read);
  useEffect(() => {
    const onChange = (): void => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: TabRoute) => {
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);
  return [route, navigate];
};
