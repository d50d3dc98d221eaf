import { addDays, vietnamDay } from '../core/reporting-calendar';

/**
 * A small valid plan of the given issuer: what the tests and the benchmark create by the thousand.
 * Override any field; the result is the body of `POST /api/plans`. Its deadline is half a year from
 * today: a plan sent on with a deadline already past is refused.
 */
export function samplePlanContent(issuerId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'plan',
    issuerId,
    coIssuerIds: [] as string[],
    title: 'Triển khai Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” năm 2026',
    place: 'Sơn La',
    preamble: ['Thực hiện Kế hoạch số 224/KH-MTTQ-BTT, ngày 05/4/2026 của Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam;'],
    body: [
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'heading2', text: 'Mục đích' },
      { type: 'paragraph', text: 'Phát huy vai trò của Mặt trận Tổ quốc Việt Nam các cấp.' },
      { type: 'bullet', text: 'Tuyên truyền sâu rộng trong nhân dân;' },
      { type: 'heading1', text: 'TỔ CHỨC THỰC HIỆN' },
      { type: 'paragraph', text: 'Ban Thường trực Ủy ban MTTQ các huyện xây dựng kế hoạch thực hiện.' },
    ],
    closing: ['Trên đây là Kế hoạch triển khai thực hiện Cuộc vận động năm 2026.'],
    signer: { authority: 'TM. BAN THƯỜNG TRỰC', deputy: null, title: 'PHÓ CHỦ TỊCH' },
    recipients: [{ label: 'Ban Thường trực UB TW MTTQ Việt Nam', note: 'b/c' }],
    archive: 'Lưu: VT, BPT.',
    reporting: [{ name: 'Báo cáo 6 tháng', dueDate: addDays(vietnamDay(new Date()), 182) }],
    form: null,
    parentPlanId: null,
    ...overrides,
  };
}
