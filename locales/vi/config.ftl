### guong: thông báo bằng tiếng Việt — config
### Xem locales/README.md.

# example: root=/home/bien-tap/trang-guong
G0310 = không đọc được cài đặt của trang: ở đây không có tệp site.yaml
    .help = chạy guong trong thư mục của trang, hoặc chỉ ra thư mục đó bằng `--root` (đã tìm trong { $root })
# example: url=guong.sonla.gov.vn
G0311 = `{ $url }` không phải là địa chỉ web đầy đủ (bắt đầu bằng http:// hoặc https://)
    .help = viết đầy đủ địa chỉ, ví dụ `https://guong.sonla.gov.vn`
# example: url=https://
G0312 = `{ $url }` thiếu tên miền
    .help = viết đầy đủ địa chỉ, ví dụ `https://guong.sonla.gov.vn`
# example: lang=fr
G0313 = ngôn ngữ `{ $lang }` không có trong danh sách
    .help = dưới `paths:` chỉ được ghi `vi` và `en`
# example: name=profile
G0314 = mục đường dẫn `{ $name }` không có trong danh sách
    .help = các mục là profiles, congresses, movements, slogans, statistics, fields, communes, awards, years, kinds, search và page
config-did-you-mean = có phải ý bạn là `{ $suggestion }`?
# example: value=Điển hình
G0315 = `{ $value }` không phải là tên đường dẫn hợp lệ
    .help = chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang
# example: name=fields | other=kinds | value=loai
G0316 = `{ $name }` và `{ $other }` sẽ trùng đường dẫn `{ $value }`
    .help = đặt cho mỗi mục một tên đường dẫn riêng
# example: found=["vi"]
G0317 = giá trị phải là `[vi, en]`, nhưng đang ghi `{ $found }`
    .help = guong xuất bản tiếng Việt ở địa chỉ gốc / và tiếng Anh ở /en/
# example:
G0318 = ngôn ngữ mặc định phải là `vi`
    .help = ghi `default_language: vi`
# example:
G0319 = giao diện phải là tên một thư mục trong themes/
    .help = ghi `default`, hoặc tên một thư mục trong themes/
# example: theme=son-la
G0320 = không có thư mục themes/{ $theme }
    .help = ghi `default`, hoặc tạo thư mục giao diện đó
# example:
G0321 = các chiều rộng ảnh phải từ 16 đến 8192 điểm ảnh
    .help = liệt kê các chiều rộng tính bằng điểm ảnh, ví dụ `[320, 640, 1024, 1600]`
# example:
G0322 = chất lượng ảnh phải từ 1 đến 100
    .help = mức 80 phù hợp với hầu hết các ảnh
# example:
G0323 = phải từ 1 trở lên
    .help = ghi số hồ sơ hiển thị trên mỗi trang danh sách, ví dụ 24
