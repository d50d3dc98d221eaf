/** A rectangle on a page in PDF points, origin bottom-left; page is 0-based. */
export interface PdfBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}
