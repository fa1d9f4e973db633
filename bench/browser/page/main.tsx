import { Profiler, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { REPLY_DELTAS } from '../reply.ts';
import { AISDKChat, StreamkitChat } from './chat-apps.tsx';
import { FloorChat } from './floor-app.tsx';
import { LongMessageApp } from './long-message-app.tsx';
import { createProbe } from './probe.ts';
import { seedMessages } from './seed-messages.ts';
import './styles.css';
import type {} from './bench-api.ts';

/**
 * One page for every browser benchmark; the query picks what it renders:
 *   ?app=streamkit|usechat|usechat-throttle|floor&settled=200&delivery=burst|paced&deltas=2000
 *   ?app=markdown-streamkit|markdown-react-markdown
 * The page exposes `window.streamkitBench` for the driver (bench/browser/*.ts) once it is ready.
 */
const params = new URLSearchParams(location.search);
const app = params.get('app') ?? 'streamkit';
const deltas = Number(params.get('deltas') ?? REPLY_DELTAS);
const api = `/api/chat?delivery=${params.get('delivery') ?? 'burst'}&deltas=${deltas}`;

function readShownText(): string {
  const replies = document.querySelectorAll('[data-slot="message"][data-role="assistant"]');
  return replies[replies.length - 1]?.textContent ?? '';
}

const probe = createProbe(deltas, readShownText);
const seed = seedMessages(Number(params.get('settled') ?? 200));

function onReady(send: () => void): void {
  window.streamkitBench = { ready: true, measureReply: () => probe.measure(send) };
}

function pick(): ReactNode {
  if (app === 'streamkit') return <StreamkitChat api={api} seed={seed} probe={probe} onReady={onReady} />;
  if (app === 'usechat') return <AISDKChat api={api} seed={seed} probe={probe} onReady={onReady} />;
  if (app === 'usechat-throttle') return <AISDKChat api={api} seed={seed} probe={probe} onReady={onReady} throttle={50} />;
  if (app === 'floor') return <FloorChat api={api} onReady={onReady} />;
  if (app.startsWith('markdown-')) return <LongMessageApp renderer={app === 'markdown-streamkit' ? 'streamkit' : 'react-markdown'} />;
  throw new Error(`Unknown app "${app}"`);
}

createRoot(document.getElementById('root')!).render(
  <Profiler id="app" onRender={probe.onCommit}>
    {pick()}
  </Profiler>,
);
