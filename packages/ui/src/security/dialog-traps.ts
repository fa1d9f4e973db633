import { useLayoutEffect } from 'react';

export type TrapWindow = Window & { __pwned?: unknown };

/** Replaces alert/confirm/prompt with traps that set `window.__pwned`, for as long as the caller is mounted. */
export function useDialogTraps(): void {
  useLayoutEffect(() => {
    const trapWindow = window as TrapWindow;
    const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
    delete trapWindow.__pwned;
    window.alert = () => {
      trapWindow.__pwned = 'alert';
    };
    window.confirm = () => {
      trapWindow.__pwned = 'confirm';
      return false;
    };
    window.prompt = () => {
      trapWindow.__pwned = 'prompt';
      return null;
    };
    return () => {
      Object.assign(window, originals);
    };
  }, []);
}
