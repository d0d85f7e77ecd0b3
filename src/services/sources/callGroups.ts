/**
 * Gathers single calls into groups, so that work with a fixed cost per call (a commit and its fsync,
 * a round trip to the database) is paid once per group: a group runs when it holds `max` items, or
 * `waitMs` after its first item arrived, or at once on `flush()`. One group runs at a time, in
 * arrival order; what arrives meanwhile forms the next group, which runs as soon as the previous one
 * ends (so a slow commit makes the next group larger, never later). A group that fails rejects the
 * calls in it and no others.
 */
export interface CallGroups<I, O> {
  /** Adds one item; resolves with its own answer once its group has run. */
  add(item: I): Promise<O>;
  /** Runs what is waiting without waiting for the group to fill (the input has ended). */
  flush(): void;
}

interface Waiting<I, O> {
  item: I;
  resolve(answer: O): void;
  reject(error: unknown): void;
}

export function callGroups<I, O>(
  run: (items: I[]) => Promise<O[]>,
  options: { max: number; waitMs: number },
): CallGroups<I, O> {
  if (!(options.max >= 1)) throw new RangeError('a group holds at least one item');
  const queue: Array<Waiting<I, O>> = [];
  let running = false;
  let timer: NodeJS.Timeout | null = null;

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const runNext = () => {
    clearTimer();
    if (running || queue.length === 0) return;
    running = true;
    const group = queue.splice(0, options.max);
    void runGroup(group).finally(() => {
      running = false;
      // Whatever arrived meanwhile has waited at least as long as the group took: run it now.
      if (queue.length > 0) runNext();
    });
  };

  const runGroup = async (group: Array<Waiting<I, O>>) => {
    try {
      const answers = await run(group.map((waiting) => waiting.item));
      if (answers.length !== group.length)
        throw new Error(`a group of ${group.length} got ${answers.length} answers`);
      for (const [index, waiting] of group.entries()) waiting.resolve(answers[index]!);
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
  };

  return {
    add(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running) return;
        if (queue.length >= options.max) runNext();
        else timer ??= setTimeout(runNext, options.waitMs);
      });
    },
    flush() {
      if (!running) runNext();
    },
  };
}
