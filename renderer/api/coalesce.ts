/**
 * A reload that events may ask for many times a second (every write at any station emits one): one run at a time,
 * and one more after it when asked meanwhile, so a burst of events costs two loads, not a pile of them. Screens
 * show their own load errors; one that escapes is logged and does not stop later reloads.
 */
export function coalesce(load: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await load().catch((err: unknown) => console.error('reload failed:', err));
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => void run();
}
