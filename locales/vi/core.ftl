### guong: thông báo bằng tiếng Việt — core
### Xem locales/README.md.

label-error = lỗi
label-warning = cảnh báo
label-help = cách sửa
build-failed = { $count } lỗi; chưa ghi tệp nào

repeated-no-photo = { $count } hồ sơ chưa có ảnh chân dung
    .help = có thể bổ sung ảnh bất cứ lúc nào: đặt ảnh vào thư mục của hồ sơ, ghi tên tệp vào `photo:` và mô tả ảnh vào `photo_alt:`
repeated-reading-to-check = { $count } cách đọc tên hoặc chức danh (trên trang đã ghi rõ là chưa chắc chắn) còn phải đối chiếu với văn bản gốc
    .help = khi văn bản gốc xác nhận một cách đọc, sửa lại nếu cần rồi xóa mục tương ứng trong `unconfirmed`

fs-cannot-read = không đọc được { $path }
fs-cannot-write = không ghi được { $path }
fs-cannot-create-folder = không tạo được thư mục { $path }
fs-cannot-remove = không xóa được { $path }
output-outside = không ghi ra ngoài thư mục kết quả: { $path }
output-cannot-move-aside = không chuyển được bản { $path } cũ sang một bên
output-cannot-move-in = không đưa được bản { $path } mới vào chỗ
search-cannot-create-index = không tạo được chỉ mục tìm kiếm trong { $path }
search-cannot-open-index = không mở được chỉ mục tìm kiếm trong { $path }
