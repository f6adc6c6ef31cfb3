import { useEffect } from 'react';

/** Names the browser tab (and shared bookmarks) after the page; restores the app's name after. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = `${title} · Counterpoint`;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
