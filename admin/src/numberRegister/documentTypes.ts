/** Document types and their symbols (Nghị định 30/2020, Phụ lục III; FORMAT.md "Symbols"). */
const DOCUMENT_TYPES = ['KH', 'BC', 'CTr', 'HD', 'TB', 'QĐ', 'NQ', 'CT', 'QC', 'ĐA', 'PA', 'BB', 'TTr', 'GM'];

export const DOCUMENT_TYPE_CHOICES = DOCUMENT_TYPES.map((code) => ({ id: code, name: `resources.number-registers.types.${code}` }));
