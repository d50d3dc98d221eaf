/** The import's warnings, in Vietnamese: what the drafter should check before saving. */
import { formatShortDate } from '../../core/vietnamese-date';
import type { HeaderFacts } from './header';

const EXCERPT_CHARS = 60;

/** The line as the drafter will recognise it: its beginning, in quotes. */
const quote = (text: string) => `“${text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text}”`;

export const importWarnings = {
  noTitle: 'Không thấy dòng “KẾ HOẠCH” và trích yếu: hãy nhập trích yếu của kế hoạch.',
  noBody: 'Văn bản không có nội dung để nhập.',
  strayBeforeBody: (text: string) => `Dòng ${quote(text)} ở đầu văn bản không thuộc phần nào đã biết: đã đưa vào đầu nội dung dưới dạng đoạn văn.`,
  strayInSignature: (text: string) => `Dòng ${quote(text)} ở phần chữ ký, nơi nhận không thuộc phần nào đã biết: đã đưa vào cuối nội dung dưới dạng đoạn văn.`,
  strayInAppendix: (text: string) => `Dòng ${quote(text)} ở phụ lục không thuộc biểu báo cáo: đã đưa vào cuối nội dung dưới dạng đoạn văn.`,
  listTooDeep: (text: string) => `Mục ${quote(text)} được đánh số tự động ở cấp sâu hơn 1.1.: đã nhập thành đoạn văn.`,
  citation: ({ number, date, place }: HeaderFacts) =>
    `Văn bản gốc${number ? ` số ${number}` : ''}${date ? ` ngày ${formatShortDate(date)}` : ''}${place ? ` (${place})` : ''}: ` +
    'không dùng làm số, ngày của kế hoạch này — văn thư cấp số và ngày khi ban hành.',
  signerName: (name: string) => `Tên người ký ${quote(name)} không được nhập: văn bản ban hành in tên lãnh đạo phê duyệt.`,
  invalidDeadline: (text: string) => `Hạn báo cáo ${quote(text)} không phải ngày có thật: chưa nhập, hãy kiểm tra.`,
  guessedUnits: (count: number) => `Biểu báo cáo: đơn vị tính và kiểu số liệu của ${count} chỉ tiêu được đoán theo tên chỉ tiêu, hãy kiểm tra.`,
  otherIssuer: (lines: string[], found: string | null) =>
    `Văn bản gốc do ${quote(lines.join(' '))} ban hành${found ? ` (${found})` : ' (không có trong danh sách tổ chức)'}, ` +
    'không phải tổ chức của bạn: kế hoạch nhập được soạn cho tổ chức của bạn.',
  coIssuerUnknown: (authority: string) => `Khối chữ ký ${quote(authority)} không khớp tổ chức nào: hãy chọn cơ quan phối hợp.`,
  signerDefault: (what: string) => `Không thấy ${what} trong khối chữ ký: dùng mặc định của tổ chức, hãy kiểm tra.`,
  archiveDefault: 'Không thấy dòng “Lưu:”: dùng dòng lưu mặc định, hãy kiểm tra.',
  jointWithoutCoIssuers: 'Kế hoạch phối hợp nhưng chưa xác định được cơ quan phối hợp: đã nhập thành kế hoạch của một cơ quan, hãy chọn lại loại và cơ quan phối hợp.',
} as const;
