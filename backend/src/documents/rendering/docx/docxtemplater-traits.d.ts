/** The part of docxtemplater's (untyped) traits helper that docx/inline-runs-module.ts uses. */
declare module 'docxtemplater/js/traits' {
  import type Docxtemplater from 'docxtemplater';

  interface ExpandToOneOptions {
    moduleName: string;
    expandTo: string;
    getInner(context: { part: Docxtemplater.DXT.Part }): Docxtemplater.DXT.Part;
    error: { message: string; id: string; explanation(part: Docxtemplater.DXT.Part): string };
  }

  export function expandToOne(postparsed: Docxtemplater.DXT.Part[], options: ExpandToOneOptions): Docxtemplater.DXT.Part[];
}
