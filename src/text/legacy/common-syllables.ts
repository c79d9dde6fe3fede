/**
 * The 2,000 most frequent Vietnamese syllables that hold a non-ASCII letter,
 * most frequent first: 99% of such syllables in 23,573 real documents (legal
 * texts and news). Tells a likely reading of a word from a merely well-formed
 * one when telling legacy encodings apart ("keá" is kế in VNI but kẻo in TCVN3).
 */
const LIST = `
và của các có định công được người với số là không tại điều một động đã ngày về bộ hiện việc
chính năm thông cơ này hành từ nhà hợp chức đồng để vụ quốc thành trường nhân xã cấp thực bị
nước đến ông hội đầu trên ở tư lý làm bảo đối dân tổ nghiệp nhận vào thời những tháng dụng luật
pháp trình báo học thể đó chủ sở sự hàng nghị viên tài án phải chỉ quyết văn dự phát hoặc tổng
bản nhiều giá điểm sẽ liên sản tỉnh thống mỹ quyền tế việt khoản quản lại cũng đề thủ nhiệm khác
trước như lực nội kết tiếp hoạt đang phương đại địa lượng phòng tiền cáo sử vị tên phạm tự biết
trưởng đổi hình ảnh năng mới cầu toàn đơn đường chứng tác dịch xuất hồ giải kiểm bình nhất ký
thì thị sơ độ lập đi ngoài điện giáo liệu nhưng thương hơn thuộc bằng diện triển hiểm tôi tạo
còn hệ quân vực tục cuộc phủ hiệu đây cùng loại nói đất tích xây chế đạo tiêu máy sát trợ tính
trị lên dựng phần xác tình quả hạn giám mức tập nhiên yêu kỳ hoạch giấy tâm kế bố chưa kiến
chuyển sách tiên mà thẩm rằng nếu thế phố đưa đánh trách tới cá cả thức hà phí thiết nghệ xử bổ
bà cách nguyễn chiến cảnh dẫn thường tuổi giới ý mục chuyên tăng bệnh vì phụ bên tịch chất ứng
căn khách họ nghề hộ kiện bán ngành chúng đăng lãnh quá phân thuế nguyên cứu lần trực vật mặt
bắt cứ ngân cần kể hướng lớn dục chương thầu vốn sửa huyện vấn tượng hoàn tàu nên đông trả phục
trở đủ trọng đoàn toán đảm biểu hải rất mình vẫn hưởng ủy tử đóng đình gần phép mô nơi biển
khoảng tỷ tiến cổ sáng trí nạn nhập bất gồm thấy lệ diễn hoá rõ lương gọi đặc kỹ xét phó viện
gây tướng đội sĩ đào vệ giữa phẩm chuẩn áp nguồn quỹ mẫu triệu triều từng hóa lợi hỗ mạng giữ
thuận phường nhóm dùng thêm lưu hồi vận hôm nđ gửi ngoại giảm xếp giờ trẻ thứ mạnh cô nghĩa
thuật bỏ thái bàn khiến hữu đốc bắc tiết lời chí vùng tối biên biệt vũ tương sơn luận truyền tấn
nào khí cục cộng môi vừa lịch lĩnh nhật sắp cố dữ tìm phiếu tuyên cụ sống nghiệm chấp nữ phối
lửa buộc xảy thư hạ trái hoà khả lục kèm tải dưới nộp phía khẩu chiếc hoàng thân chiều đa tố
tuyến đoạn khoán đấu đạt đảng nông đúng phạt tiếng soát dài gặp hết cán biến cử đặt đức chọn
chỉnh chống khó nhằm trạng họp ương cư quận sức uỷ bạn môn cửa quảng trần đô bài mở chữa hại
phản cuối mất tốt phù chịu nghiên giúp phú trì đều muốn xuống độc mỗi lúc nêu tân châu dương mã
vậy lê phê trừ tầng sân đảo cháy đồ tạm bởi hậu duyệt yếu cảm tuần chị ăn phúc tiện thảo hàn tây
kê đáp tờ xuân đầy mại mẹ tuyển lộ nghỉ tội tín biện mọi tất chết toà dù trú giả lấy cây khám sẻ
góp gì suất lễ cường tỉ đà sư khỏi lớp chạy rộng riêng thuê thác phóng dưỡng đứng bí khởi khẳng
kỷ ít dấu hạt niên nghiêm kích nâng ngọc rồi chuyện thoại nhỏ thuỷ trương ưu thiện xuyên hòa nằm
thất thiệt bồi rừng hỏi chuyến câu nổ dầu thưởng bé khăn thí sông thích vợ nuôi dạy thử thiếu
lựa lâm ô thúc phá quý thiên viết thổ gái nợ kéo cấu hằng phiên bước lệnh nẵng cái cập hiệp trụ
lái thăm đ vàng vượt thượng hồng tốc cạnh đá cận khắc nặng đáng ích bãi mời nó thấp chấm thừa
thải nối chú tắc chồng xúc mối đẩy hãng đàn dạng nền trận trò ngờ khảo cực hạnh buổi bức cảng
bầu phổ mưa vọng khối thiểu chữ hạng vô thôn thắng yên trấn hiểu dừng thuốc tái trạm đài nổi
khủng khánh chở kiếm miền hương đời trắng ước đích phán nhìn phận thẻ nữa bày cải quán áo thần
luôn đàm hưu rút cấm bác tết cắt chào viễn mật đêm chỗ trữ cột trồng dư đương đổ ấn vòng thoả
lòng súng lạc hùng tiểu dòng giảng nghèo chân tô cựu gốc chiếm càng ánh đẳng thẳng sâu vĩnh ấy
thật chiếu bắn kịp hưng dành sắt lược cháu tức đẹp á dứt dõi mặc luyện âm nguyện ủng tù qđ tưởng
xế vài thập đột màu bão tránh tôn chơi tầm gói gắn kính đai ngôn cổng ổn dây trích đạn thoát lãi
thủy sổ cánh tả mắt lâu tộc sắc liền nắm nhấn mắc tỏ chờ sớm ngăn chứa đe miễn nghĩ đợt blđtbxh
tuấn lỗi huấn tuý hút đón nhĩ rà nhạc đãi doạ ôtô khá sẵn quần khẩn thỏa khiển huỷ tồn loạt
giống sứ chụp rơi bến nhuận chậm thầy nhánh hoạ liệt sóc chặn bờ tĩnh trăm thù bảng thăng mưu
niệm cầm núi kêu ngại ngữ rác phút dũng chăm vé vương âu rời nỗ tặng bạc lũ dễ lắp phước đôi
nhiệt chợ đh chục võ bạch cụm ngôi thơ băng tuân rủi ngồi nhắc thậm khoẻ thuyết nhưỡng ngập bóng
vững đen bưu đỉnh cân siêu thụ nhờ trúng suốt ngắn xăng trời chóng trưng tắt chặt tạp căng sóng
lộc khuyến sàng gỗ hôn bù ngầm đám kẻ trật nhiễm hoả đau thuyền cũ quê mùa đt hđnd lưới lượt
tiêm thọ chối sắm tệ cát thú lẻ đỏ trải vân chánh chứ trại ngừng hỏng giản xâm thiệu huế gió
chắn bối đỗ thôi trừng ngũ chắc kiên hát tá lá hư đọc trúc nghiện giết kênh uống xấu nhượng cà
ngược trục nóng đâm khiếu phiến dịp trốn khoá ràng niêm bánh tấm dựa tường khích mềm bền khấu
tật tuệ nhớ khán đua làng cưỡng trà khuyết tán điệp cướp tàng buôn đập xả hài giáp đo sợ nghìn
sạn sài bậc khoáng ngụ ví vỡ vướng nhẹ đâu hầm ngư bùi nại lô lệch thép lắng tông kháng gòn túi
đồn ống tảng ngoái chạm kịch hiến lạnh cuốn ngã đòi màn hoảng sạch tuyệt góc tháo đinh loài bè
mừng thạnh hủy tận hầu thịt chẳng phức lào hiếu trộm cương đoạt hè đèn hoài tách mẽ hơi trắc bạo
dụ gắng bá rắn diệt trùng vẻ cậu huỳnh pháo đoán hẹn thiệp ép yết vết máu đắk thách quỳnh vải
ngô mộ rối gấp lẫn cơn bốc túc lẽ thảm giác đứa dâm buýt giành dần chăn món cất đuổi dò quà hộp
mầm lạ gỡ lối nhũng thờ lở soạn tùng hàm trưa khắp khổ kiểu rượu đỡ mái chấn tháp bào bật niềm
kiệm hiếm vẽ lính nửa cẩm tổn sót cản ghế vườn làn khóa kém nhựa giấu mực bốn chốt chùa toạ lừa
khúc toả dường thạch đậu kẹt lò thuẫn cưới cặp sàn mảnh tiềm thịnh xô ẩn phỏng sáp túy tú bò bê
khống phái giật cứng đợi dỡ khuôn lỗ đốt xóm hãy thước chẽ móc tòa loạn hứa cãi hào xứ ngủ sạt
mét ơn kín đặng bại khái lợn tràn mê đền cống gạo mấy thùng cỡ khỏe ngàn đem vũng mạch gương
trào chìm cờ bột chúc hạm đắc lọc lãm dời huống duyên dậy rào mạc dọc mắn chảy mỏ điển bụi buồn
dập ùn hiền hứng tuất giàu mũ lúa thả gà hối ngãi tươi sợi cười mâu ném nhắn kề khôi tụ hđqt sập
ngưỡng vịnh dày mìn nhãn chênh tiễn mơ mệnh hấp phế nhảy khói chó cắp đựng hạch huyền xạ bùng
kiều trịnh lãng phấn sữa sỹ thự tóm xưởng chủng dược bữa nút quét đới dàng rạng cốt chuỗi thuỵ
khô hô lít úc lấp bơm hoãn cước hiển phật vỉa mãi ốm kiêm mốc vỏ khơi nỗi gián bây lầu tần thận
mũi ngọn ngạch ruột nhiêu hỗn lật quên tuỳ hề đạp vắng lắm điền thô hiếp lạm xoá ngừa khóc dệt
mùi vây ghép đôn giỏi giây trăng trôi lậu suối hđxx cáp trùm thợ luân tuyết bông lấn nắng trông
tóc giọng ấp ám kiệt lắk sánh già nhơn sáu triệt thuần đẻ dọn thám cỏ lành dàn vành tống dám cú
cơm tôm phùng ôm giận thục tiếc đừng đun đê tiệc trống mổ hố ân lận dải đáo lề đeo đoan mộc rửa
yến tụng đính xương huyết xưng liêm địch bách lỏng nhầm bút dáng thâm chút lân trầm táng hoạn
bạt huệ luồng hoán nhắm mạo hâm phẫu cẩn tốn tiệm dội lăng ấm bếp hoại rẻ cửu ốc nét trọ ngọt
tàn xá xưa gọn bơi thoái dâng bì nấu lôi tắm lùi hòn thánh khê ngộ lồng hổ phượng đệ nồng củng
dâu tròn mảng lặn thuỳ bám bó vạn cài khải chừng rịa đắp xà đam nhạy lặng mát liêu tẩy thở bảy
muối lạng đòn vĩ đuôi chôn chàng hẳn thiêm đồi giày gợi quặng rãi ảo đạc săn lông lầm củ bề dĩ
tùy lường rạch giường bớt trạch khâu ái bùn vấp miệng khổng lụt nát chúa cồn tủ ổ bích táo csđt
mặn đằng trượt nề ngợi hẹp gãy móng hụt sốc sụt lưng nhôm nhậm gò chép chém tị ròng mù mường vẹn
ác bụng láng tạ dị nhở thiêu nứt ngõ thuý khoảnh ồn găng bể lạt dắt dã tứ đán xứng trộn đống
giáng vời lặp uý bế nhã lữ bồn mượn rèn gạch xách bàng điêu sốt thửa trọn dán dính điệu lồ trâu
đúc gìn bkhđt giếng văng quật vội ẩm dồn đắt trân buồng ngưng đáy tráng măng khiêu bọc đan rẽ
tẩu khuyên mệt truyện vượng bát quế tước não gắt diệu muộn lăn nở chuyền dốc đế mãn côn đậm tạc
rụi hảo ngạc hắn bỏng miếng cẩu bìa mây bái gánh tám lưỡi rồng nhẫn dối cóc vở đứt gác đếm ráp
đbqh trễ sôi hôi khát nhí răn xích hồn cắm ruộng rỉ lũy tơ lọt mười lão nàng đèo cúc hò dạ đũa
đụng đùa lõi kiềm đấy cạn lưỡng quát mỏi rể cậy ngực thắn khương thới nhọc vươn khớp tê nhịp khứ
vớt quấy đăk chiêu mì quyên cự mông trứng cúng mèo thói bổng nảy đuối nã vụn thổi bận tựu quyển
xôn ngựa váy cọc đệm chín múa hở tát mậu sét khoác lún xát kíp cuộn xổ châm nghiêng cốc vả miên
kè bệ diệp thạc bồ rập đầm ngơi huân nguyệt thắt thắc bọn sưu lát ngắm bỉ luỹ dãy giềng quãng ả
hét đói mùng chì ôn rò thấu giàn xỉ rủ chiết hẻm krông dẹp mòn họa thoải nhậu nén ngặt xông rùa
lây ức nhặt bấm vuông liều xí răng doãn bóc nhiễu quỳ đè vất quầy sương lộn súc giầy tím xóa mồ
né ttđt trăn bẩn gấu chặng khoăn siết hãi băn thơm phà hoành ào vét phụng tràng tịnh tồi mến
giãn trội khốc bón nương cắn gũi xơ uyên giấc hán cưa đĩa lắc mỏng tỏa hóc ngột thắm bỗng sụp
nạp phiền thoáng chuột mạ nghênh nạo nhì đọng mẫn xẻ thềm bạ rạp tưới hân gốm nsưt túng lùng mỡ
trọt dịu khép vạch chẩn rỡ bẫy đắn xì dở khiêm trâm cởi sâm mài dông đbscl nộ hợi dấy nạ chiểu
nụ bộc đkđđ bội dép gầm vứt hãm nhạ miếu thưa chọi ứ phôi mương chuối tặc chửi gục chéo buông mò
ập mạn khuất gối còi mờ nòng nắp phách khuẩn phông tà ngất gươm nồi phơi nếp rải út nhát nhàng
dưa thối thỉnh rơ rắc ngào rộn dừa mắm khỉ đục lót thấm viếng chuông khử hốt lỡ khuê ngón cđ nóc
nhiếp
`;

/** Frequent syllables (lower case NFC) → rank, 0 for the most frequent. */
export const COMMON_SYLLABLE_RANK: ReadonlyMap<string, number> = new Map(
  LIST.trim()
    .split(/\s+/)
    .map((syllable, rank) => [syllable, rank]),
);
