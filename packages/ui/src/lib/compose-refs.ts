import type { Ref, RefCallback } from 'react';

/** One ref callback that feeds every given ref, so a component can keep its own ref and forward the caller's. */
export function composeRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    }
  };
}
