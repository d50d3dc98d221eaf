import { parseInline } from '@backend/core/inline-markup';

/**
 * A text of the plan's inline markup (`*nghiêng*`, `**đậm**`) set in emphasis, as the document
 * prints it, rather than showing the stars: indicator labels, form titles.
 */
export const InlineText = ({ text }: { text: string }) => (
  <>
    {parseInline(text).map((run, index) => {
      const italic = run.italic ? <em>{run.text}</em> : run.text;
      return <span key={index}>{run.bold ? <strong>{italic}</strong> : italic}</span>;
    })}
  </>
);
