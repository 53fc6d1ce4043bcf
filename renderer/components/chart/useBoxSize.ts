/**
 * The size of a box, measured before the first paint (a layout effect) and again whenever it changes: the chart
 * is drawn in the first frame, not one frame after an empty one.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface BoxSize {
  width: number;
  height: number;
}

export function useBoxSize<E extends HTMLElement>(): [RefObject<E | null>, BoxSize] {
  const ref = useRef<E>(null);
  const [size, setSize] = useState<BoxSize>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
