### guong: thông báo bằng tiếng Việt — import
### Xem locales/README.md.


## Kế hoạch và báo cáo mà `guong import` in ra

# Tiếng Việt không chia số nhiều: `count` chỉ có để hai ngôn ngữ dùng chung biến.
import-rows = { $count ->
   *[other] dòng
} { $list }
import-note-ignored-column = ghi chú: cột { $quoted } không phải là khóa của hồ sơ nên đã bị bỏ qua (muốn nhập cột này, hãy chỉ rõ khóa của nó bằng --map "{ $header }=…")
import-created = đã tạo: { $path } ({ $rows }): { $name }, { $detail }
import-would-create = sẽ tạo: { $path } ({ $rows }): { $name }, { $detail }
import-updated = đã cập nhật: { $path } ({ $rows }): thêm { $added }
import-would-update = sẽ cập nhật: { $path } ({ $rows }): thêm { $added }
import-unchanged = giữ nguyên: { $path } ({ $rows }): không có gì mới
import-award-count = { $count } khen thưởng
import-source-sheet = { $file } (trang tính { $sheet })
import-summary = { $source }: { $count } dòng; tạo mới { $created }, cập nhật { $updated }, giữ nguyên { $unchanged }, bỏ qua { $skipped }.
import-summary-dry-run = { $source }: { $count } dòng; sẽ tạo mới { $created }, sẽ cập nhật { $updated }, giữ nguyên { $unchanged }, bỏ qua { $skipped }.
import-skipped-heading = Các dòng bị bỏ qua (không nhập gì từ các dòng này):
import-conflicts-heading = Các dòng ghi không khớp nhau (vẫn được nhập, hồ sơ giữ giá trị nêu trong thông báo):
import-dry-run = Chạy thử: chưa ghi tệp nào.

## Vì sao không bắt đầu hoặc không hoàn tất được việc nhập

import-site-has-errors = trang đang có lỗi; hãy sửa các lỗi đó (lệnh guong check liệt kê đủ) trước khi nhập, để việc nhập biết được mọi hồ sơ đã có
import-bad-date = --date { $date } không phải là ngày hợp lệ: viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-08-07
import-columns-unclear = { $file }: không xác định được cột nào chứa thông tin gì
import-would-fail-check = nếu nhập, trang sẽ không qua được bước kiểm tra của guong check; chưa ghi tệp nào
import-unknown-field = --field { $field } không phải là lĩnh vực nào trong data/fields.yaml; các lĩnh vực là: { $fields }
import-map-no-header = --map { $value }: có một cặp thiếu tiêu đề cột trước dấu `=`
import-map-column = --map { $value }: guong không biết cột `{ $column }`; các cột là { $all }
import-map-column-hint = --map { $value }: guong không biết cột `{ $column }`; có phải ý bạn là `{ $best }`? Các cột là { $all }
import-map-no-column = --map { $value }: `{ $piece }` thiếu phần `=cột`, ví dụ "Tên đơn vị=organization"
import-no-header-row = không tìm thấy dòng tiêu đề trong { $count } dòng đầu: phải có một dòng ghi tên các cột, gồm ít nhất cột tên (ví dụ "Họ và tên") và một cột khác ("Đơn vị", "Lĩnh vực", "Hình thức khen thưởng", "Năm"…); nếu tiêu đề trong bảng tính khác đi, hãy chỉ rõ cột nào là cột nào bằng --map "Tiêu đề của bạn=name,Tiêu đề khác=award"
import-two-columns = có hai cột cùng chứa `{ $column }`: { $first } và { $second }; giữ lại một cột bằng --map "{ $header }=ignore" (hoặc gán cột đó cho một khóa khác)
import-map-header = --map ghi tiêu đề cột { $header }, nhưng bảng tính không có cột này; các tiêu đề của bảng tính là: { $all }
import-map-header-hint = --map ghi tiêu đề cột { $header }, nhưng bảng tính không có cột này; có phải ý bạn là { $best }? Các tiêu đề của bảng tính là: { $all }
import-sheet-csv = --sheet chỉ dùng cho tệp bảng tính có nhiều trang tính (.xlsx, .xls, .ods); tệp CSV chỉ có một trang
import-cannot-read = không đọc được { $path }
import-csv-not-utf8 = dòng { $line } không phải là văn bản UTF-8: lưu bảng tính theo dạng "CSV UTF-8" (tệp gõ bằng bảng mã cũ như TCVN3 hay VNI phải được chuyển sang Unicode trước), hoặc nhập thẳng tệp .xlsx
import-csv-row = dòng { $row }: { $error }
import-not-a-spreadsheet = không đọc được { $path } như một bảng tính ({ $error }): hãy nhập tệp .xlsx, .xls, .ods hoặc .csv
import-no-sheet = { $path } không có trang tính nào tên là { $sheet }; các trang tính là: { $all }
import-no-sheets = { $path } không có trang tính nào
import-bad-sheet = không đọc được trang tính { $sheet } của { $path }: { $error }
import-one-line-awards = danh sách `awards` đang viết trên một dòng; hãy viết thành danh sách (mỗi `- award:` một dòng) hoặc tự thêm khen thưởng vào tệp

## Các dòng bị bỏ qua hoặc ghi khác nhau

# example: file=content/profiles/ho-so-thu/index.vi.md | why=danh sách `awards` đang viết trên một dòng; hãy viết thành danh sách (mỗi `- award:` một dòng) hoặc tự thêm khen thưởng vào tệp
G0701 = không thêm được khen thưởng vào { $file }: { $why }
    .help = tự thêm khen thưởng vào tệp
# example:
G0702 = thêm khen thưởng sẽ làm thay đổi những gì tệp đang ghi
    .help = tự thêm khen thưởng vào tệp
# example: file=content/profiles/ho-so-thu/index.en.md | slug=ho-so-thu
G0703 = { $file } ghi lại `awards`, nên không thêm được khen thưởng vào hồ sơ `{ $slug }`
    .help = xóa `awards` khỏi bản tiếng Anh (danh sách này lấy từ tệp tiếng Việt) rồi nhập lại
# example: given="nong-thon-moi" | name="Nguyễn Văn A" | row=2 | kept="y-te"
G0704 = dòng này ghi { $given } cho { $name }, nhưng dòng { $row } ghi { $kept }; hồ sơ giữ giá trị { $kept }
    .help = sửa các dòng của { $name } cho khớp nhau, hoặc sửa hồ sơ sau khi nhập
# example: given="nong-thon-moi" | name="Nguyễn Văn A" | file=content/profiles/nguyen-van-a/index.vi.md | kept="y-te"
G0705 = dòng này ghi { $given } cho { $name }, nhưng { $file } ghi { $kept }; việc nhập chỉ thêm khen thưởng vào hồ sơ đã có
    .help = nếu dòng này đúng, hãy sửa trong { $file }
# example:
G0706 = dòng này không có tên
    .help = điền tên, hoặc xóa dòng này
# example: name="…"
G0707 = { $name } không có chữ cái nào để tạo tên tệp
    .help = ghi tên bằng chữ
# example:
G0708 = dòng này không có lĩnh vực, mà hồ sơ nào cũng cần có lĩnh vực
    .help = điền cột "Lĩnh vực", hoặc dùng --field KHÓA để ghi một lĩnh vực chung cho mọi dòng
# example: count=412 | max=300
G0709 = phần tóm tắt dài { $count } ký tự, quá { $max } ký tự vừa với thẻ hồ sơ
    .help = rút gọn trong bảng tính, hoặc để trống rồi viết tóm tắt trong hồ sơ
# example: value="hộ gia đình"
G0710 = { $value } không phải là cá nhân hay tập thể
    .help = ghi "cá nhân" hoặc "tập thể"
# example: value="năm 2024"
G0711 = { $value } không phải là năm
    .help = ghi năm khen thưởng bằng bốn chữ số, ví dụ 2024
# example:
G0712 = khen thưởng không có năm
    .help = điền năm khen thưởng vào cột "Năm"
# example: value="Nông nghiệp" | table=field | file=data/fields.yaml
G0713 = { $value } không phải là { $table ->
        [field] lĩnh vực
        [commune] xã, phường
       *[award] hình thức khen thưởng
    } nào trong { $file }
    .help = ghi một trong các tên có trong { $file }, hoặc bổ sung mục còn thiếu vào tệp đó
import-did-you-mean = có phải ý bạn là { $name } (`{ $key }`)? Sửa lại bảng tính, hoặc bổ sung mục còn thiếu vào { $file }
