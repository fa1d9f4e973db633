import { useEffect, useState } from 'react';
import { ChatPage } from './chat-page.tsx';
import { StructuredPage } from './structured-page.tsx';

type Page = 'chat' | 'structured';

const pageFromHash = (): Page => (location.hash === '#structured' ? 'structured' : 'chat');

export function App() {
  const [page, setPage] = useState<Page>(pageFromHash);
  useEffect(() => {
    const onHashChange = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  return (
    <div className="mx-auto flex h-dvh max-w-3xl flex-col gap-3 p-4">
      <header className="flex items-baseline justify-between gap-4">
        <h1 className="text-lg font-semibold">Streamkit</h1>
        <nav aria-label="Demo pages" className="flex gap-3 text-sm">
          <a href="#chat" aria-current={page === 'chat' ? 'page' : undefined} className="aria-[current=page]:font-semibold">
            Chat
          </a>
          <a href="#structured" aria-current={page === 'structured' ? 'page' : undefined} className="aria-[current=page]:font-semibold">
            Structured output
          </a>
        </nav>
      </header>
      {page === 'chat' ? <ChatPage /> : <StructuredPage />}
    </div>
  );
}
