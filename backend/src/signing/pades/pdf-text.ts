import { PDFHexString, PDFString } from 'pdf-lib';

/** A PDF text string: a literal when plain ASCII, else UTF-16 (Vietnamese names and reasons). */
export const pdfText = (value: string) => (/^[\x20-\x7e]*$/.test(value) ? PDFString.of(escapeLiteral(value)) : PDFHexString.fromText(value));
const escapeLiteral = (value: string) => value.replace(/[\\()]/g, (char) => `\\${char}`);
