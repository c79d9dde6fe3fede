/**
 * Test helpers: Vietnamese text in every form it arrives in, produced by code
 * independent of src/ (the corpus generator's encoders: NFD decomposition and
 * hand-typed code tables), so that tests compare saochep against an outside truth.
 */

/** Real syllables: simple ones, every vowel cluster, qu/gi onsets, stop finals, both styles' syllables. */
export const SYLLABLES = (
  'kế hoạch triển khai thực hiện nghị quyết chỉ thị của ban thường vụ tỉnh ủy ủy ban nhân dân huyện xã ' +
  'phường thị trấn mục đích yêu cầu nội dung nhiệm vụ giải pháp kinh phí tổ chức nơi nhận lưu văn thư ' +
  'cộng hòa hội chủ nghĩa việt nam độc lập tự do hạnh phúc đảng sản quốc gia giữa già gìn giếng quý quyền ' +
  'quỳnh khuya khuỷu ngoài xoáy khuấy ngoẹo người được nước trường hướng tuyên truyền phổ biến giáo dục ' +
  'thủy lợi khỏe mạnh lũy tre hòa bình thỏa thuận họa tọa hỏa tốc tùy thuộc xóa bỏ khóa học túy ' +
  'của tài chính này ngày báo cáo mọi người nói chuyện cuối cùng muốn nhiều điều hiểu biết thuế ' +
  'năm tháng cấp sở ngành đoàn thể mặt trận tổ quốc chính quyền địa phương cơ sở hoàn thành thuận lợi ' +
  'đề nghị đồng chí phó bí thư kiểm tra giám sát đôn đốc bảo đảm an ninh trật tự xây dựng nông thôn mới ' +
  'ươm ưu cứu gửi mưa giữa ạ ấy ở ủa oái ùa ừ ơi uể oải yêu yếu uyển chuyển'
).split(' ');

/** Hand-written administrative sentences (not copied from any document). */
export const SENTENCES = [
  'Thực hiện Nghị quyết số 04-NQ/TU ngày 18/11/2021 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân huyện ban hành Kế hoạch triển khai như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích: Nâng cao nhận thức, trách nhiệm của cán bộ, công chức trong công tác cải cách hành chính.',
  '2. Yêu cầu: Bám sát nội dung của Nghị quyết, phù hợp với tình hình thực tế của địa phương; bảo đảm tiến độ.',
  'II. NỘI DUNG, NHIỆM VỤ',
  'Tăng cường công tác tuyên truyền, phổ biến, giáo dục pháp luật đến từng thôn, tổ dân phố; phấn đấu đến năm 2025 có 95% hộ gia đình được tiếp cận.',
  'Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu bố trí kinh phí thực hiện.',
  'Ủy ban nhân dân các xã, thị trấn xây dựng kế hoạch cụ thể, báo cáo kết quả về Ủy ban nhân dân huyện (qua Văn phòng) trước ngày 15/12 hằng năm.',
  'Hòa Bình, ngày 05 tháng 3 năm 2024',
  'Nơi nhận: - Thường trực Huyện ủy; - Lưu: VT, VP.',
  'Công tác thủy lợi, phòng chống thiên tai được triển khai quyết liệt; sức khỏe của người dân được quan tâm.',
];

export { toNewToneStyle, toTcvn3, toVni } from '../../corpus/generator/damage/encoders.js';

/** Letter tokens of text the way an independent reader splits it: NFC, lower case, Vietnamese letters and digits. */
export function referenceTokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[a-z0-9àáảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ]+/g) ?? []
  );
}
