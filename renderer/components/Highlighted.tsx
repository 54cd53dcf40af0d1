/** Text with the given [start, end) ranges marked; the text is never read as markup. */
export function Highlighted({
  text,
  ranges,
}: {
  text: string;
  ranges: readonly [number, number][];
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
