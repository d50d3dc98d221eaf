/**
 * The `{~inline}` tag: a text with its inline emphasis, inserted as ready-made Word runs
 * (docx/word-runs.ts) in place of the template run holding the tag, inside a paragraph whose style
 * stays the template's. One tag instead of a `{#runs}` loop over four run variants: rendering
 * cost was dominated by docxtemplater's loop machinery.
 *
 * Only the view's `inline` value may be inserted this way (it is built from escaped text); any
 * other `{~name}`, and `{inline}` as a plain tag (it would print the XML as text), make the
 * template fail to compile, so an uploaded template using them is refused.
 */
// The declaration must come with this file in every build (app, bench, tests), not from tsconfig includes.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./docxtemplater-traits.d.ts" />
import type Docxtemplater from 'docxtemplater';
import { expandToOne } from 'docxtemplater/js/traits';

export const INLINE_TAG = 'inline';
const MODULE_NAME = 'kehoach/inline-runs';
const PREFIX = '~';

/** A mistake in a template's use of `{~…}`, said as the other tag mistakes are (render-plan.ts). */
export class InlineTagError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'InlineTagError';
  }
}

interface InlinePart extends Docxtemplater.DXT.Part {
  misusedAsText?: boolean;
}

function checkParts(parts: InlinePart[]): void {
  for (const part of parts) {
    if (part.type !== 'placeholder' || part.module !== MODULE_NAME) continue;
    if (part.misusedAsText) {
      throw new InlineTagError(`thẻ {${INLINE_TAG}} phải viết là {${PREFIX}${INLINE_TAG}} (đoạn chữ có in nghiêng, in đậm)`);
    }
    if (part.value !== INLINE_TAG) {
      throw new InlineTagError(`thẻ {${PREFIX}${part.value}} không có; chỉ {${PREFIX}${INLINE_TAG}} chèn được đoạn chữ có định dạng`);
    }
  }
}

export class InlineRunsModule implements Docxtemplater.DXT.Module {
  name = 'InlineRunsModule';

  // docxtemplater also takes a RegExp as prefix (its value is the first group); its types say string.
  matchers(): ReturnType<NonNullable<Docxtemplater.DXT.Module['matchers']>> {
    const misusedAsText = new RegExp(`^\\s*(${INLINE_TAG})\\s*$`) as unknown as string;
    return [
      [PREFIX, MODULE_NAME, {}],
      [misusedAsText, MODULE_NAME, { misusedAsText: true }],
    ];
  }

  postparse(postparsed: Docxtemplater.DXT.Part[]): Docxtemplater.DXT.Part[] {
    checkParts(postparsed as InlinePart[]);
    return expandToOne(postparsed, {
      moduleName: MODULE_NAME,
      getInner: ({ part }: { part: Docxtemplater.DXT.Part }) => part,
      expandTo: 'w:r',
      error: {
        message: 'Inline tag not in a run',
        id: 'inline_tag_outside_run',
        explanation: () => `thẻ {${PREFIX}${INLINE_TAG}} phải nằm trong một đoạn văn`,
      },
    });
  }

  render(part: Docxtemplater.DXT.Part, options: Docxtemplater.DXT.RenderOptions): Docxtemplater.DXT.Rendered | null {
    if (part.module !== MODULE_NAME) return null;
    const value: unknown = options.scopeManager.getValue(part.value, { part }) ?? options.nullGetter?.(part, options.scopeManager);
    return { value: typeof value === 'string' ? value : '', errors: [] };
  }
}
