/** A report summary as ReportsService.summary() gives it for three districts, for the summary specs. */
import type { ReportSummaryInput } from '../../backend/src/documents/rendering';
import { ORGANISATIONS } from './support';

/** 25/11/2026 10:00 in Vietnam */
export const GENERATED_AT = new Date('2026-11-25T03:00:00Z');

export const INDICATORS: ReportSummaryInput['indicators'] = [
  { code: '1', label: 'Tổng số khu dân cư', unit: 'khu', type: 'integer' },
  { code: '2', label: 'Tỷ lệ hộ gia đình văn hóa', unit: '%', type: 'percent' },
  { code: '3', label: 'Mô hình hiệu quả', unit: '', type: 'text' },
];

export function summaryInput(overrides: Partial<ReportSummaryInput> = {}): ReportSummaryInput {
  return {
    issuer: ORGANISATIONS['ORG:MTTQ'],
    planNumber: '227/KH-MTTQ-BTT',
    planIssuedAt: new Date('2026-04-15T03:00:00Z'),
    planTitle: 'Triển khai Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” năm 2026',
    deadlineName: 'Báo cáo năm',
    dueDate: '2026-11-20',
    generatedAt: GENERATED_AT,
    indicators: INDICATORS,
    totals: { '1': 1359, '2': 90, '3': 1 },
    rolledUpTotals: { '1': 12, '2': 95, '3': 0 },
    counts: { recipients: 3, submitted: 1, late: 1, overdue: 1, draft: 0, pending: 0 },
    rows: [
      {
        organisationName: 'Ủy ban MTTQ Việt Nam huyện Thuận Châu',
        status: 'submitted',
        submittedAt: new Date('2026-11-18T02:00:00Z'),
        values: { '1': 125, '2': 87.5, '3': 'Mô hình “Khu dân cư tự quản”' },
        note: null,
        rollup: null,
      },
      {
        organisationName: 'Ủy ban MTTQ Việt Nam huyện Mai Sơn',
        status: 'late',
        submittedAt: new Date('2026-11-23T08:30:00Z'),
        values: { '1': 1234, '2': 92.5, '3': null },
        note: 'Số liệu <b>tạm tính</b> & chưa đủ',
        rollup: null,
      },
      {
        organisationName: 'Ủy ban MTTQ Việt Nam huyện Mộc Châu',
        status: 'overdue',
        submittedAt: null,
        values: null,
        note: null,
        rollup: { submitted: 1, reporters: 2, totals: { '1': 12, '2': 95, '3': 0 } },
      },
    ],
    ...overrides,
  };
}
