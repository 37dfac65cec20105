### guong: thông báo bằng tiếng Việt — cli
### Xem locales/README.md.

## fix-encoding

# example:
G0801 = tệp không phải là văn bản UTF-8 hợp lệ
    .help = mở tệp bằng trình soạn thảo văn bản, lưu lại theo bảng mã UTF-8 (trong hộp “Save as”, chọn Encoding: UTF-8), rồi chạy lại `guong fix-encoding`
# example: error=No such file or directory (os error 2)
G0802 = không đọc được tệp: { $error }
    .help = kiểm tra lại tên tệp và thư mục chứa tệp

## Dựng trang

# example: error=No space left on device (os error 28)
G0803 = chỉ mục tìm kiếm: { $error }
    .help = chỉ mục tìm kiếm được ghi vào .guong-cache/search: kiểm tra ổ đĩa còn chỗ trống và thư mục ghi được, rồi chạy lại
# example: error=Permission denied (os error 13)
G0804 = không ghi được trang web: { $error }
    .help = kiểm tra thư mục đầu ra có quyền ghi và ổ đĩa còn chỗ trống
# example: address=https://example.org
G0805 = CHƯA SẴN SÀNG XUẤT BẢN: base_url đang là địa chỉ mẫu { $address }; mọi liên kết tuyệt đối của lần dựng trang này (canonical, nguồn tin, sitemap, oEmbed) đều trỏ tới địa chỉ đó, và các trang hồ sơ không có mã nhúng
    .help = sửa base_url trong site.yaml thành địa chỉ sẽ xuất bản trang web, hoặc dựng trang với --base-url https://…

## Các lệnh

cli-errors-found = đã tìm thấy lỗi
cli-build-failed = Có { $count } lỗi; chưa ghi tệp nào, trang web trước đó vẫn giữ nguyên.
cli-search-none = Không tìm thấy kết quả nào cho “{ $query }”.
cli-search-results = { $count } kết quả cho “{ $query }”:
cli-not-a-site = { $folder } không phải là thư mục trang web: trong đó không có tệp site.yaml
    .help = chạy guong trong thư mục của trang web, hoặc chỉ rõ thư mục bằng --root <thư mục>
cli-cannot-open-site = không mở được thư mục trang web { $folder }: { $error }
cli-wrote-schemas = Đã ghi { $count } tệp schema vào { $folder }
cli-would-convert = Sẽ chuyển đổi { $lines } dòng trong { $files } tệp
cli-converted = Đã chuyển đổi { $lines } dòng trong { $files } tệp
cli-built = Đã dựng { $profiles } hồ sơ, { $files } tệp vào { $folder } trong { $seconds } giây
cli-photos = Ảnh: xử lý { $encoded } ảnh mới, { $cached } ảnh không đổi (lấy từ bộ nhớ đệm)
cli-created = Đã tạo { $file }
cli-new-profile-next = Hồ sơ đang là bản nháp: chọn `field`, viết tóm tắt và câu chuyện, rồi xem trước bằng
    {"  "}guong serve --drafts    →  http://127.0.0.1:1111{ $page }
    và đặt `draft: false` khi muốn xuất bản.
cli-schemas-updated = Đã cập nhật schema cho trình soạn thảo trong { $folder }
cli-schemas-not-updated = lưu ý: chưa cập nhật được { $folder }: { $error }
