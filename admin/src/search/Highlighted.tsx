/** Text with the parts that matched the search marked: `ranges` are [start, end) pairs, in order. */
export const Highlighted = ({ text, ranges }: { text: string; ranges: number[][] }) => {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
};
