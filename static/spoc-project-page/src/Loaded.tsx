import { useEffect, useState } from 'react';
import type { Reply } from './api';
import { messages } from './messages';
import { Notice } from '../../shared/notice';

/**
 * Loads a reply (again whenever `deps` change) and keeps it, or its error, for showing. While it loads again
 * the last reply stays, so forms keep what was typed in them and the page does not flash "Loading".
 */
export function useReply<T>(load: () => Promise<Reply<T>>, deps: readonly unknown[] = []) {
  const [reply, setReply] = useState<Reply<T> | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((r) => live && setReply(r));
    return () => {
      live = false;
    };
  }, deps);
  return reply;
}

export function Loaded<T>({
  reply,
  children,
}: {
  reply: Reply<T> | null;
  children: (data: T) => JSX.Element;
}) {
  if (!reply) return <p>{messages.loading}</p>;
  if (!reply.ok)
    return (
      <Notice tone="error" testId="subpage-error">
        {reply.error}
      </Notice>
    );
  return children(reply.data);
}
