import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A gadget gets the width of its dashboard column: about 300 px in a three-column layout on a laptop, twice
 * that or more in a one- or two-column layout. Its frame is exactly that wide, so the frame's own width is
 * the column's.
 */
export function useFrameWidth(): number {
  const [width, setWidth] = useState(() => document.documentElement.clientWidth);
  useEffect(() => {
    const update = () => setWidth(document.documentElement.clientWidth);
    window.addEventListener('resize', update);
    update();
    return () => window.removeEventListener('resize', update);
  }, []);
  return width;
}

/**
 * Shows `table` while every column of it fits the frame, else `stacked`. What fits is measured, not guessed
 * from a breakpoint, so a long name or a wide time decides too; `minWidth` keeps a table from being squeezed
 * until only single words fit a line. The measurement runs before the browser paints, so nobody sees the
 * table spill over first.
 */
export function TableOrStack({
  table,
  stacked,
  minWidth,
}: {
  table: ReactNode;
  stacked: ReactNode;
  minWidth: number;
}) {
  const width = useFrameWidth();
  const box = useRef<HTMLDivElement>(null);
  // The frame width the table last needed and did not get: below it, the stacked layout.
  const [tableNeeds, setTableNeeds] = useState(minWidth);
  const showTable = width >= tableNeeds;
  useLayoutEffect(() => {
    const element = box.current;
    if (!showTable || !element) return;
    const overflow = element.scrollWidth - element.clientWidth;
    if (overflow > 0) setTableNeeds(width + overflow);
  });
  return (
    <div ref={box} data-layout={showTable ? 'table' : 'stacked'}>
      {showTable ? table : stacked}
    </div>
  );
}
