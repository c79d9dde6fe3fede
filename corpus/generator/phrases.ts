/**
 * Administrative phrase pools shared by every topic. Written for saochep.
 */

export const TASK_VERBS = [
  'Tăng cường',
  'Đẩy mạnh',
  'Tiếp tục thực hiện',
  'Triển khai',
  'Rà soát, đánh giá',
  'Nâng cao chất lượng',
  'Chỉ đạo',
  'Huy động nguồn lực cho',
  'Kiện toàn',
  'Nhân rộng',
  'Đổi mới',
  'Kiểm tra, giám sát',
  'Bố trí nguồn lực cho',
  'Chú trọng',
  'Tập trung',
  'Ưu tiên đầu tư',
  'Thí điểm',
  'Duy trì',
  'Hoàn thiện',
  'Đôn đốc',
  'Lồng ghép',
  'Khảo sát',
  'Củng cố',
  'Mở rộng',
  'Chuẩn hóa',
  'Cập nhật',
  'Bổ sung',
  'Khuyến khích',
  'Hỗ trợ',
  'Nâng cấp',
  'Cải tạo',
  'Sắp xếp lại',
  'Quản lý chặt chẽ',
  'Hướng dẫn',
  'Theo dõi',
  'Phát triển',
  'Xây dựng',
  'Thống kê',
  'Đánh giá lại',
  'Vận hành',
  'Khai thác',
  'Số hóa',
  'Rà soát lại',
];

export const ADVERBS = [
  'chủ động',
  'tích cực',
  'thường xuyên',
  'kịp thời',
  'từng bước',
  'kiên quyết',
  'khẩn trương',
  'quyết liệt',
  'đồng bộ',
  'liên tục',
  'sâu sát',
  'tiếp tục',
  'nghiêm túc',
  'linh hoạt',
];

/** Sentence openers ("Trong năm tới, …"). */
export const OPENERS = [
  'Trong thời gian tới',
  'Trước mắt',
  'Về lâu dài',
  'Trên cơ sở kết quả năm trước',
  'Căn cứ tình hình thực tế',
  'Đối với khu vực nông thôn',
  'Đối với vùng khó khăn',
  'Ngay sau khi Kế hoạch được ban hành',
  'Hằng quý',
  'Trong mùa cao điểm',
  'Song song với đó',
  'Bên cạnh đó',
  'Đồng thời',
  'Mặt khác',
];

/** What a task is for ("nhằm nâng cao hiệu quả …"). */
export const GOALS = [
  'nâng cao hiệu quả',
  'tạo chuyển biến trong',
  'thúc đẩy',
  'bảo đảm chất lượng',
  'hoàn thành mục tiêu về',
  'tạo điều kiện thuận lợi cho',
  'từng bước cải thiện',
  'củng cố niềm tin của nhân dân vào',
  'phục vụ tốt hơn',
  'giải quyết dứt điểm những tồn tại trong',
  'nâng cao vai trò của cơ sở trong',
];

export const MANNERS = [
  'một cách đồng bộ, thống nhất',
  'có trọng tâm, trọng điểm',
  'theo hướng thiết thực, hiệu quả',
  'phù hợp với điều kiện thực tế của địa phương',
  'gắn với nhiệm vụ phát triển kinh tế - xã hội',
  'tránh hình thức, chiếu lệ',
  'bảo đảm công khai, minh bạch',
  'với sự tham gia của cả hệ thống chính trị',
  'bảo đảm đúng quy định của pháp luật',
  'lấy người dân làm trung tâm',
  'bền vững, lâu dài',
  'kịp thời, đúng tiến độ',
  'theo lộ trình phù hợp',
  'tiết kiệm, tránh lãng phí',
  'có sự phân công cụ thể',
  'sát với tình hình thực tế',
  'không dàn trải',
  'từng bước vững chắc',
];

export const ACTORS = [
  'Ủy ban nhân dân các xã, thị trấn',
  'Trưởng các thôn, tổ dân phố',
  'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  'Hội Liên hiệp Phụ nữ',
  'Hội Nông dân',
  'Hội Cựu chiến binh',
  'Ủy ban Mặt trận Tổ quốc Việt Nam',
  'các trường học',
  'Trung tâm Văn hóa, Thông tin và Thể thao',
  'Công an các xã',
  'Ban Chỉ huy Quân sự',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Nội vụ',
  'Liên đoàn Lao động',
  'Hội Người cao tuổi',
  'Trung tâm Y tế',
  'Chi nhánh Ngân hàng Chính sách xã hội',
  'Ban Quản lý dự án đầu tư xây dựng',
];

export const PROGRAMS = [
  'Chương trình mục tiêu quốc gia xây dựng nông thôn mới',
  'phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa"',
  'cuộc vận động "Ngày vì người nghèo"',
  'sinh hoạt định kỳ của các chi bộ',
  'các buổi họp thôn, tổ dân phố',
  'chương trình hoạt động của các đoàn thể',
  'kế hoạch phát triển kinh tế - xã hội hằng năm',
  'hoạt động ngoại khóa của nhà trường',
  'các chương trình, dự án đang triển khai',
  'phong trào thi đua yêu nước',
];

export const AUDIENCES = [
  'cán bộ, đảng viên, công chức, viên chức và nhân dân',
  'cấp ủy, chính quyền các cấp',
  'người đứng đầu các cơ quan, đơn vị',
  'đội ngũ cán bộ cơ sở',
  'đoàn viên, hội viên các đoàn thể',
  'các tầng lớp nhân dân',
];

export const MEDIA = [
  'hệ thống loa truyền thanh cơ sở',
  'trang thông tin điện tử',
  'các nhóm Zalo của thôn, tổ dân phố',
  'pa nô, áp phích',
  'các buổi sinh hoạt chi bộ',
  'hội nghị tuyên truyền tại khu dân cư',
  'tờ rơi phát đến từng hộ gia đình',
  'mạng xã hội',
];

export const REPORT_PERIODS = [
  'định kỳ 6 tháng, hằng năm',
  'trước ngày 15 tháng 12 hằng năm',
  'hằng quý',
  'định kỳ hằng năm hoặc đột xuất khi có yêu cầu',
  'trước ngày 20 tháng 6 và ngày 20 tháng 11 hằng năm',
];

export const QUARTERS = ['I', 'II', 'III', 'IV'];

/** Word pairs a copier swaps to disguise a copy ("light edits"). */
export const SYNONYMS: Array<[string, string]> = [
  ['Tăng cường', 'Đẩy mạnh'],
  ['tăng cường', 'đẩy mạnh'],
  ['triển khai', 'tổ chức thực hiện'],
  ['kịp thời', 'nhanh chóng'],
  ['cơ quan, đơn vị', 'đơn vị, địa phương'],
  ['Nâng cao', 'Từng bước nâng cao'],
  ['hiệu quả', 'hiệu quả thiết thực'],
  ['phối hợp', 'phối hợp chặt chẽ'],
  ['thường xuyên', 'định kỳ'],
  ['người dân', 'nhân dân'],
  ['Tổ chức', 'Triển khai'],
  ['bảo đảm', 'đảm bảo'],
  ['trên địa bàn', 'tại địa bàn'],
  ['chủ trì', 'chủ động chủ trì'],
];
