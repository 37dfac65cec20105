### guong: thông báo bằng tiếng Việt — content
### Xem locales/README.md.

# example:
G0120 = tệp không bắt đầu bằng phần khai báo đầu tệp
    .help = dòng đầu tiên phải là `---`, tiếp theo là các khóa YAML, rồi thêm một dòng `---` nữa

# example:
G0121 = không đọc được: tệp đã bị xóa hoặc chuyển đi trong lúc đang đọc
    .help = lưu lại tệp rồi chạy lại lệnh

# example:
G0122 = phần khai báo đầu tệp chưa được đóng lại
    .help = thêm một dòng chỉ có `---` sau khóa cuối cùng của phần khai báo đầu tệp

# example: lang=vn
G0123 = tên tệp ghi ngôn ngữ `{ $lang }` không hợp lệ
    .help = đặt tên tệp kết thúc bằng `.vi.md` (tiếng Việt) hoặc `.en.md` (tiếng Anh)

# example:
G0124 = tên tệp không ghi ngôn ngữ
    .help = đặt tên tệp dạng `….vi.md` (tiếng Việt) hoặc `….en.md` (tiếng Anh)

# example:
G0125 = tệp chữ của hồ sơ phải có tên `index.vi.md` hoặc `index.en.md`
    .help = đổi tên tệp thành `index.vi.md` (tiếng Việt) hoặc `index.en.md` (tiếng Anh)

# example:
G0126 = mỗi hồ sơ là một thư mục, không phải một tệp
    .help = đặt tệp vào `profiles/<tên-hồ-sơ>/index.vi.md`

# example:
G0127 = tệp nằm ở chỗ không dành cho nội dung
    .help = tệp nội dung đặt trong `profiles/<tên-hồ-sơ>/`, `congresses/`, `movements/` hoặc `pages/`

# example:
G0128 = không có thư mục content/: trang chưa có hồ sơ nào
    .help = tạo hồ sơ đầu tiên bằng lệnh `guong new profile "Họ và tên"`

# example: detail=Permission denied (os error 13)
G0129 = không đọc được: { $detail }
    .help = kiểm tra quyền đọc của tệp hoặc thư mục này

# example:
G0130 = đây là một liên kết tượng trưng (symbolic link); guong không đi theo liên kết
    .help = chép tệp vào trong thư mục trang thay vì tạo liên kết tới nó

# example: en="y-te" | vi_file=index.vi.md | vi="giao-duc-dao-tao" | key=field
G0131 = bản tiếng Anh ghi { $en }, nhưng { $vi_file } ghi { $vi }
    .help = `{ $key }` chỉ lấy từ tệp tiếng Việt: xóa khóa này khỏi bản tiếng Anh

# example: value=7/8/2025
G0132 = `{ $value }` không phải là ngày hợp lệ
    .help = viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-08-07 cho ngày 7/8/2025

# example:
G0133 = bản tiếng Anh này không có bản tiếng Việt tương ứng
    .help = tạo tệp `.vi.md` bên cạnh: bản tiếng Việt là bắt buộc, bản tiếng Anh là tùy chọn

# example: key=summary
G0134 = không được để trống
    .help = viết nội dung cho `{ $key }`, hoặc xóa dòng này nếu khóa không bắt buộc

# example: number=6 | file=05
G0135 = kỳ Đại hội số { $number } không khớp với tên tệp `{ $file }`
    .help = đặt tên tệp là `{ $file }`, hoặc sửa lại số kỳ Đại hội

# example: number=7
G0136 = số kỳ Đại hội phải từ 1 đến 6, ở đây ghi { $number }
    .help = sửa `number` thành số kỳ Đại hội (từ 1 đến 6), giống số trong tên tệp

# example: key=delegates
G0137 = `{ $key }` được ghi là dự kiến, nhưng kỳ Đại hội chưa có `{ $key }`
    .help = ghi giá trị dự kiến của `{ $key }`, hoặc bỏ `{ $key }` khỏi `planned`

# example: qualifier=over
G0138 = `delegates_approx: true` nghĩa là "khoảng", nhưng `delegates_qualifier` lại ghi `{ $qualifier }`
    .help = xóa dòng `delegates_approx`: `delegates_qualifier` đã nói rõ nguồn ghi số đại biểu thế nào
