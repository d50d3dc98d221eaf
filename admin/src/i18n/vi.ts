import englishMessages from 'ra-language-english';
import vietnameseMessages from 'ra-language-vietnamese';
import type { TranslationMessages } from 'react-admin';
import { raVietnamese } from './raVietnamese';

type Messages = { [key: string]: string | Messages };

/** Later catalogues win key by key; nested groups are merged, not replaced. */
function mergeMessages(...catalogues: Messages[]): Messages {
  const merged: Messages = {};
  for (const catalogue of catalogues) {
    for (const [key, value] of Object.entries(catalogue)) {
      const previous = merged[key];
      merged[key] = typeof value === 'object' && typeof previous === 'object' ? mergeMessages(previous, value) : value;
    }
  }
  return merged;
}

/** Every string the UI shows: react-admin's, then ours (resources, dashboard, the document's fixed words). */
const kehoachMessages = {
  resources: {
    plans: {
      name: 'Kế hoạch |||| Kế hoạch',
      page: {
        list: 'Kế hoạch',
        create: 'Tạo kế hoạch',
        edit: 'Sửa kế hoạch',
        show: 'Chi tiết kế hoạch',
      },
      empty: 'Chưa có kế hoạch nào',
      invite: 'Bắt đầu soạn một kế hoạch?',
      notifications: {
        created: 'Đã tạo dự thảo kế hoạch',
        updated: 'Đã lưu phiên bản mới của kế hoạch',
      },
      fields: {
        number: 'Số, ký hiệu',
        title: 'Trích yếu',
        kind: 'Loại',
        heading: 'Tên loại văn bản',
        place: 'Địa danh',
        issuerId: 'Cơ quan ban hành',
        coIssuerIds: 'Cơ quan phối hợp ký',
        status: 'Trạng thái',
        issuedAt: 'Ngày ban hành',
        updatedAt: 'Cập nhật',
        preamble: 'Căn cứ, thực hiện',
        body: 'Nội dung',
        closing: 'Đoạn kết',
        paragraph: 'Đoạn văn',
        block_type: 'Kiểu',
        block_text: 'Nội dung',
        signer: 'Người ký',
        signer_authority: 'Dòng thẩm quyền',
        signer_deputy: 'Dòng ký thay',
        signer_title: 'Chức vụ',
        recipients: 'Nơi nhận',
        recipient_organisations: 'Đơn vị nhận trong hệ thống',
        recipient_label: 'Nơi nhận (in trên văn bản)',
        recipient_note: 'Ghi chú',
        archive: 'Dòng lưu',
        reporting: 'Hạn báo cáo',
        reporting_name: 'Tên báo cáo',
        reporting_due: 'Hạn nộp',
        form: 'Biểu báo cáo',
        form_title: 'Tên biểu báo cáo',
        indicators: 'Chỉ tiêu của biểu',
        indicator_code: 'STT',
        indicator_label: 'Chỉ tiêu',
        indicator_unit: 'Đơn vị tính',
        indicator_type: 'Kiểu số liệu',
        parentPlanId: 'Kế hoạch cấp trên',
      },
      helpers: {
        title: 'Trích yếu nội dung, in đậm dưới tên loại văn bản',
        heading: 'Để trống: "KẾ HOẠCH", hoặc "KẾ HOẠCH PHỐI HỢP" với kế hoạch phối hợp',
        coIssuerIds: 'Mỗi cơ quan phối hợp phải ký trước khi trình lãnh đạo phê duyệt',
        signer_deputy: 'Ví dụ "KT. CHỦ TỊCH"; để trống nếu không có',
        preamble: 'Mỗi căn cứ một đoạn; khi mỗi đoạn kết thúc bằng dấu ";" các căn cứ được in nghiêng',
        body: 'Số thứ tự (I., 1., 1.1., -, +) được đánh tự động theo kiểu của từng mục',
        closing: 'Các đoạn sau nội dung chính, trước chữ ký',
        recipients: 'Chọn đơn vị trong hệ thống để đơn vị đó nhận kế hoạch khi gửi đi; nơi nhận ngoài hệ thống chỉ cần gõ tên',
        archive: 'Ví dụ "Lưu: VT, BPT."',
        reporting: 'Các đơn vị nhận nộp báo cáo theo các hạn này',
        form: 'Biểu in kèm kế hoạch (phụ lục); không có chỉ tiêu nào thì không có biểu',
      },
      tabs: {
        general: 'Thông tin chung',
        content: 'Nội dung',
        recipients: 'Nơi nhận',
        reporting: 'Báo cáo',
        preview: 'Xem trước',
      },
      defaults: {
        sections: {
          purpose: 'MỤC ĐÍCH, YÊU CẦU',
          content: 'NỘI DUNG',
          organisation: 'TỔ CHỨC THỰC HIỆN',
        },
        archive: 'Lưu: VT.',
        form_title: 'BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ',
      },
      kinds: {
        plan: 'Kế hoạch',
        joint_plan: 'Kế hoạch phối hợp',
      },
      statuses: {
        draft: 'Dự thảo',
        in_review: 'Đang xem xét',
        in_coordination: 'Đang lấy chữ ký',
        awaiting_approval: 'Chờ phê duyệt',
        approved: 'Đã phê duyệt',
        issued: 'Đã ban hành',
        distributed: 'Đã gửi',
        closed: 'Đã đóng',
        rejected: 'Bị từ chối',
        recalled: 'Đã thu hồi',
        cancelled: 'Đã hủy',
      },
      block_types: {
        heading1: 'Mục lớn (I.)',
        heading2: 'Mục (1.)',
        heading3: 'Tiểu mục (1.1.)',
        paragraph: 'Đoạn văn',
        bullet: 'Gạch đầu dòng (-)',
        subbullet: 'Ý nhỏ (+)',
      },
      indicator_types: {
        integer: 'Số nguyên',
        percent: 'Tỷ lệ (%)',
        text: 'Chữ',
      },
      filters: {
        year: 'Năm',
      },
      action: {
        create: 'Tạo kế hoạch',
      },
      actions_editor: {
        insert_below: 'Chèn mục bên dưới',
      },
      actions: {
        comment: 'Ý kiến',
        comment_required: 'Bắt buộc: nêu rõ lý do hoặc nội dung cần sửa',
        SUBMIT: {
          label: 'Trình',
          title: 'Trình kế hoạch',
          confirm: 'Trình kế hoạch "%{title}" để trưởng ban xem xét? Trong khi chờ, dự thảo không sửa được (có thể rút lại).',
          done: 'Đã trình kế hoạch',
        },
        FORWARD: {
          label: 'Chuyển tiếp',
          title: 'Chuyển tiếp kế hoạch',
          confirm:
            'Chuyển kế hoạch "%{title}" sang bước tiếp theo: lấy chữ ký các cơ quan phối hợp (kế hoạch phối hợp) hoặc trình lãnh đạo phê duyệt?',
          done: 'Đã chuyển tiếp kế hoạch',
        },
        RETURN: {
          label: 'Trả lại',
          title: 'Trả lại để sửa',
          confirm: 'Trả kế hoạch "%{title}" về người soạn thảo. Hãy nêu rõ điều cần sửa.',
          done: 'Đã trả lại kế hoạch',
        },
        SIGN: {
          label: 'Ký',
          title: 'Ký kế hoạch phối hợp',
          confirm:
            'Ký thay mặt đơn vị vào phiên bản hiện tại của kế hoạch "%{title}"? Nếu nội dung được sửa sau khi ký, chữ ký hết hiệu lực và đơn vị ký lại.',
          done: 'Đã ký',
        },
        REQUEST_CHANGES: {
          label: 'Đề nghị sửa',
          title: 'Đề nghị sửa nội dung',
          confirm: 'Đề nghị sửa kế hoạch "%{title}": kế hoạch trở về dự thảo. Hãy nêu nội dung cần sửa.',
          done: 'Đã gửi đề nghị sửa',
        },
        APPROVE: {
          label: 'Phê duyệt',
          title: 'Phê duyệt kế hoạch',
          confirm: 'Phê duyệt và ký kế hoạch "%{title}"? Sau đó văn thư cấp số và ban hành.',
          done: 'Đã phê duyệt kế hoạch',
        },
        REJECT: {
          label: 'Từ chối',
          title: 'Từ chối kế hoạch',
          confirm: 'Từ chối kế hoạch "%{title}"? Kế hoạch bị từ chối dừng hẳn, không tiếp tục được. Hãy nêu lý do.',
          done: 'Đã từ chối kế hoạch',
        },
        ISSUE: {
          label: 'Cấp số, ban hành',
          title: 'Cấp số và ban hành',
          confirm:
            'Cấp số tiếp theo trong sổ đăng ký văn bản năm nay và ban hành kế hoạch "%{title}" với ngày hôm nay? Văn bản chính thức (DOCX) được tạo một lần và lưu lại.',
          done: 'Đã cấp số và ban hành kế hoạch',
        },
        DISTRIBUTE: {
          label: 'Gửi đi',
          title: 'Gửi kế hoạch đến nơi nhận',
          confirm: 'Gửi kế hoạch "%{title}" đến các đơn vị nhận trong hệ thống?',
          done: 'Đã gửi kế hoạch đến nơi nhận',
        },
        CLOSE: {
          label: 'Đóng',
          title: 'Đóng kế hoạch',
          confirm: 'Đóng kế hoạch "%{title}" vì việc báo cáo đã kết thúc?',
          done: 'Đã đóng kế hoạch',
        },
        RECALL: {
          label: 'Thu hồi',
          title: 'Thu hồi kế hoạch',
          confirm: 'Thu hồi kế hoạch "%{title}" đã ban hành? Không hoàn tác được. Hãy nêu lý do.',
          done: 'Đã thu hồi kế hoạch',
        },
        WITHDRAW: {
          label: 'Rút lại',
          title: 'Rút lại để sửa',
          confirm: 'Rút kế hoạch "%{title}" về dự thảo để sửa tiếp?',
          done: 'Đã rút kế hoạch về dự thảo',
        },
        CANCEL: {
          label: 'Hủy kế hoạch',
          title: 'Hủy kế hoạch',
          confirm: 'Hủy dự thảo "%{title}"? Kế hoạch đã hủy không khôi phục được.',
          done: 'Đã hủy kế hoạch',
        },
        ACKNOWLEDGE: {
          label: 'Xác nhận đã nhận',
          title: 'Xác nhận đã nhận kế hoạch',
          confirm: 'Xác nhận đơn vị đã nhận kế hoạch "%{title}"?',
          done: 'Đã xác nhận đã nhận',
        },
        REPORT: {
          label: 'Nộp báo cáo',
        },
        DERIVE: {
          label: 'Xây dựng kế hoạch thực hiện',
          title: 'Xây dựng kế hoạch thực hiện',
          confirm: 'Tạo dự thảo kế hoạch của đơn vị để thực hiện kế hoạch "%{title}"? Dự thảo mới trích dẫn kế hoạch này và mở ra để soạn tiếp.',
          done: 'Đã tạo dự thảo kế hoạch thực hiện',
        },
      },
      history_events: {
        CREATE: 'đã tạo dự thảo',
        EDIT: 'đã sửa nội dung',
        SUBMIT: 'đã trình',
        FORWARD: 'đã chuyển tiếp',
        RETURN: 'đã trả lại',
        SIGN: 'đã ký',
        REQUEST_CHANGES: 'đã đề nghị sửa',
        APPROVE: 'đã phê duyệt',
        REJECT: 'đã từ chối',
        ISSUE: 'đã cấp số, ban hành',
        DISTRIBUTE: 'đã gửi đến nơi nhận',
        CLOSE: 'đã đóng',
        RECALL: 'đã thu hồi',
        WITHDRAW: 'đã rút lại',
        CANCEL: 'đã hủy',
        ACKNOWLEDGE: 'đã xác nhận đã nhận',
        REPORT: 'đã nộp báo cáo',
        DERIVE: 'đã xây dựng kế hoạch thực hiện',
      },
      summary: {
        number: 'Số: %{number}',
        version: 'phiên bản nội dung %{version}',
      },
      signatures: {
        title: 'Chữ ký',
        pending_co_issuer: 'Chưa ký',
        pending_approval: 'Chưa phê duyệt',
        signed_co_issuer: 'Đã ký phiên bản %{version} — %{name}, %{at}',
        signed_approval: 'Đã phê duyệt phiên bản %{version} — %{name}, %{at}',
        voided: 'Chữ ký phiên bản %{version} (%{name}, %{at}) hết hiệu lực vì nội dung đã được sửa',
      },
      distribution: {
        title: 'Gửi đến nơi nhận',
        acknowledged_count: 'Đã xác nhận nhận: %{count}/%{total} đơn vị',
        acknowledged: 'Đã nhận — %{name}, %{at}',
        not_acknowledged: 'Chưa xác nhận đã nhận',
        external: 'Ngoài hệ thống (chỉ ghi trên văn bản)',
      },
      timeline: {
        title: 'Diễn biến',
        version: '(phiên bản %{version})',
      },
      versions: {
        title: 'Các phiên bản nội dung',
        version: 'Phiên bản %{version}',
        compare: 'So với bản hiện tại',
        compare_title: 'Thay đổi từ phiên bản %{from} đến phiên bản %{to}',
      },
      diff: {
        fields_changed: 'Phần khác đã sửa:',
        no_changes: 'Nội dung không thay đổi.',
        unchanged_blocks: '… %{smart_count} mục không đổi',
        ops: {
          added: 'Thêm',
          removed: 'Bỏ',
          changed: 'Sửa',
        },
        since_signed_title: 'Nội dung đã thay đổi kể từ khi đơn vị ký',
        since_signed:
          'Đơn vị đã ký phiên bản %{version} lúc %{at}; chữ ký đó đã hết hiệu lực. Dưới đây là những gì đã sửa đến phiên bản %{current} đang chờ ký lại.',
      },
      document: {
        download_draft: 'Tải bản dự thảo (DOCX)',
        download_issued: 'Tải văn bản (DOCX)',
        download_failed: 'Không tải được văn bản',
      },
      stale_version: {
        title: 'Kế hoạch vừa được người khác sửa',
        explanation:
          'Thay đổi của bạn chưa được lưu. Những gì bạn đã gõ vẫn còn trên màn hình để sao chép; hãy mở bản mới nhất rồi sửa tiếp trên đó.',
        keep_editing: 'Ở lại trang này',
        reload: 'Mở bản mới nhất',
      },
    },
    organisations: {
      name: 'Tổ chức |||| Tổ chức',
      page: {
        list: 'Tổ chức',
        create: 'Thêm tổ chức',
        edit: 'Sửa tổ chức: %{recordRepresentation}',
      },
      action: {
        create: 'Thêm tổ chức',
      },
      empty: 'Chưa có tổ chức nào',
      invite: 'Thêm tổ chức đầu tiên?',
      fields: {
        name: 'Tên',
        shortName: 'Tên ngắn',
        bodyName: 'Cơ quan ban hành',
        symbol: 'Ký hiệu',
        place: 'Địa danh',
        signatureAuthority: 'Dòng thẩm quyền ký',
        signerTitle: 'Chức vụ người ký',
        kind: 'Loại',
        level: 'Cấp',
        parentId: 'Tổ chức cấp trên',
        numberRegisterPerType: 'Sổ đăng ký riêng cho từng loại văn bản',
      },
      helpers: {
        bodyName: 'In đậm ở đầu văn bản, ví dụ "BAN THƯỜNG TRỰC"',
        symbol: 'Dùng trong số, ký hiệu: MTTQ-BTT → 227/KH-MTTQ-BTT',
        signatureAuthority: 'Ví dụ "TM. BAN THƯỜNG TRỰC"',
        signerTitle: 'Ví dụ "PHÓ CHỦ TỊCH"',
        numberRegisterPerType: 'Mặc định một sổ chung cho mọi loại văn bản trong năm (Điều 15.1.c Nghị định 30/2020)',
      },
      kinds: {
        committee: 'Ủy ban MTTQ',
        member_org: 'Tổ chức thành viên',
      },
      levels: {
        province: 'Tỉnh',
        district: 'Huyện',
        commune: 'Xã',
      },
    },
    users: {
      name: 'Người dùng |||| Người dùng',
      page: {
        list: 'Người dùng',
        create: 'Thêm người dùng',
        edit: 'Sửa người dùng: %{recordRepresentation}',
      },
      action: {
        create: 'Thêm người dùng',
      },
      empty: 'Chưa có người dùng nào',
      invite: 'Thêm người dùng?',
      notifications: {
        deleted: 'Đã khóa tài khoản',
      },
      fields: {
        username: 'Tên đăng nhập',
        fullName: 'Họ và tên',
        organisationId: 'Tổ chức',
        roles: 'Vai trò',
        active: 'Đang hoạt động',
        password: 'Mật khẩu',
        new_password: 'Mật khẩu mới',
      },
      helpers: {
        username: 'Chữ thường không dấu, số và . _ -; không đổi được sau khi tạo',
        password: 'Ít nhất 8 ký tự',
        new_password: 'Để trống nếu không đổi mật khẩu',
      },
      filters: {
        role: 'Vai trò',
      },
      roles: {
        admin: 'Quản trị',
        drafter: 'Chuyên viên soạn thảo',
        reviewer: 'Trưởng ban',
        leader: 'Lãnh đạo',
        clerk: 'Văn thư',
      },
      actions: {
        deactivate: 'Khóa tài khoản',
        deactivate_title: 'Khóa tài khoản %{recordRepresentation}?',
        deactivate_content: 'Người dùng này sẽ không đăng nhập được nữa; tên của họ vẫn giữ trên các chữ ký và lịch sử đã có.',
      },
    },
    'number-registers': {
      name: 'Sổ đăng ký văn bản |||| Sổ đăng ký văn bản',
      page: {
        list: 'Sổ đăng ký văn bản đi',
        create: 'Đăng ký số cho văn bản ngoài hệ thống',
      },
      empty: 'Chưa có số nào được cấp trong năm này',
      invite: 'Đăng ký số cho một văn bản soạn ngoài hệ thống?',
      fields: {
        year: 'Năm',
        fullNumber: 'Số, ký hiệu',
        issuedAt: 'Ngày',
        typeCode: 'Loại văn bản',
        title: 'Trích yếu',
        source: 'Nguồn',
      },
      helpers: {
        issuedAt: 'Ngày ban hành của văn bản',
      },
      action: {
        create: 'Đăng ký số',
      },
      actions: {
        open_plan: 'Xem kế hoạch',
      },
      external: 'Ngoài hệ thống',
      notifications: {
        registered: 'Đã cấp số %{number}',
      },
      types: {
        KH: 'Kế hoạch',
        BC: 'Báo cáo',
        CTr: 'Chương trình',
        HD: 'Hướng dẫn',
        TB: 'Thông báo',
        QĐ: 'Quyết định',
        NQ: 'Nghị quyết',
        CT: 'Chỉ thị',
        QC: 'Quy chế',
        ĐA: 'Đề án',
        PA: 'Phương án',
        BB: 'Biên bản',
        TTr: 'Tờ trình',
        GM: 'Giấy mời',
      },
    },
  },
  kehoach: {
    app_title: 'Kế hoạch MTTQ',
    dashboard: {
      title: 'Tổng quan',
      tasks: 'Việc cần xử lý',
      no_tasks: 'Không có việc nào đang chờ bạn.',
      by_status: 'Kế hoạch theo trạng thái',
      no_plans: 'Chưa có kế hoạch nào.',
      by_month: 'Kế hoạch theo tháng',
      plans_count: 'Số kế hoạch',
      reports_due: 'Báo cáo sắp đến hạn',
      no_reports_due: 'Đơn vị không có báo cáo nào sắp đến hạn.',
      due_today: 'đến hạn hôm nay',
      days_left: 'còn %{smart_count} ngày',
      days_overdue: 'quá hạn %{smart_count} ngày',
    },
    document: {
      draft: 'DỰ THẢO',
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      number: 'Số: %{number}/%{symbol}',
      signed: 'Đã ký',
      recipients: 'Nơi nhận:',
      appendix_of: '(Kèm theo %{documentName} số %{number}/%{symbol} ngày %{date} của %{issuer})',
      indicator_code: 'STT',
      indicator: 'Chỉ tiêu',
      indicator_unit: 'Đơn vị tính',
      indicator_value: 'Số liệu',
    },
  },
};

export const vi = mergeMessages(
  englishMessages as unknown as Messages,
  vietnameseMessages as Messages,
  raVietnamese,
  kehoachMessages,
) as unknown as TranslationMessages;
