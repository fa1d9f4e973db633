/**
 * A timer that a `TimerQueue` runs. The caller owns it and may schedule it again after it ran, so
 * a reply that waits once per token allocates no timer per token.
 */
export interface QueuedTimer {
  /** Called once `performance.now()` has reached the time it was scheduled for. */
  run(): void;
  /** Set by the queue: when it runs, and its place in the queue (-1 when not scheduled). */
  due: number;
  slot: number;
}

/** Many timers on one `setTimeout`: see `createTimerQueue`. */
export interface TimerQueue {
  /** Runs `timer` once `performance.now()` reaches `due`; a timer already waiting is moved. */
  schedule(timer: QueuedTimer, due: number): void;
  /** Takes a timer out before it runs; one that is not waiting is ignored. */
  cancel(timer: QueuedTimer): void;
  /** Timers waiting to run. */
  readonly size: number;
}

/**
 * Runs the timers of many streams on one `setTimeout`, armed for the earliest. A thousand streams
 * at 10 tokens/s with a timer each were 10,000 `setTimeout`s a second; here the timers due within
 * the same tick share one, and each costs a push onto a binary heap ordered by `due`.
 * `setTimeout` and `performance` are looked up on every call, so fake timers in tests apply.
 */
export function createTimerQueue(): TimerQueue {
  const heap: QueuedTimer[] = [];
  let handle: ReturnType<typeof setTimeout> | undefined;
  let armedFor = Infinity;

  function place(timer: QueuedTimer, slot: number): void {
    heap[slot] = timer;
    timer.slot = slot;
  }

  function siftUp(timer: QueuedTimer, slot: number): void {
    while (slot > 0) {
      const parentSlot = (slot - 1) >> 1;
      const parent = heap[parentSlot]!;
      if (parent.due <= timer.due) break;
      place(parent, slot);
      slot = parentSlot;
    }
    place(timer, slot);
  }

  function siftDown(timer: QueuedTimer, slot: number): void {
    for (;;) {
      let child = 2 * slot + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && heap[child + 1]!.due < heap[child]!.due) child++;
      if (heap[child]!.due >= timer.due) break;
      place(heap[child]!, slot);
      slot = child;
    }
    place(timer, slot);
  }

  function remove(timer: QueuedTimer): void {
    const slot = timer.slot;
    timer.slot = -1;
    const last = heap.pop()!;
    if (last === timer) return;
    if (slot > 0 && last.due < heap[(slot - 1) >> 1]!.due) siftUp(last, slot);
    else siftDown(last, slot);
  }

  function arm(): void {
    const next = heap[0];
    if (next === undefined) {
      clearTimeout(handle);
      handle = undefined;
      armedFor = Infinity;
      return;
    }
    if (next.due >= armedFor) return;
    clearTimeout(handle);
    armedFor = next.due;
    handle = setTimeout(fire, Math.max(0, Math.ceil(next.due - performance.now())));
  }

  function fire(): void {
    handle = undefined;
    armedFor = Infinity;
    const now = performance.now();
    // `setTimeout` counts from a loop time read earlier, so it can fire a little before `due`: the
    // timers not due yet get the next tick.
    while (heap.length > 0 && heap[0]!.due <= now) {
      const timer = heap[0]!;
      remove(timer);
      timer.run();
    }
    arm();
  }

  return {
    schedule(timer, due) {
      if (timer.slot >= 0) remove(timer);
      timer.due = due;
      heap.push(timer);
      siftUp(timer, heap.length - 1);
      arm();
    },
    cancel(timer) {
      if (timer.slot < 0) return;
      remove(timer);
      arm();
    },
    get size() {
      return heap.length;
    },
  };
}
