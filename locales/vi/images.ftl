### guong: thông báo bằng tiếng Việt — images
### Xem locales/README.md.

# example: error=failed to fill whole buffer
G0501 = không đọc được tệp: { $error }
    .help = kiểm tra xem ảnh có phải là một tệp JPEG, PNG hoặc WebP đầy đủ không
# example:
G0502 = tệp này không phải là ảnh (cần ảnh JPEG, PNG hoặc WebP)
    .help = xuất ảnh ra dạng JPEG rồi ghi tên tệp mới vào nội dung
# example: format=Tiff
G0503 = guong không dùng được ảnh dạng { $format }; hãy xuất ảnh ra dạng JPEG
    .help = mở ảnh bằng một chương trình xử lý ảnh, xuất ra dạng JPEG rồi ghi tên tệp mới vào nội dung
# example: error=Format error decoding Png: CRC error
G0504 = ảnh bị hỏng hoặc không đọc được ({ $error })
    .help = mở ảnh bằng một chương trình xử lý ảnh rồi lưu lại dạng JPEG, hoặc lấy lại ảnh từ bản gốc
# example:
G0505 = ảnh bị hỏng hoặc không đọc được (tệp bị mất phần cuối: hãy sao chép hoặc tải lại ảnh)
    .help = sao chép lại ảnh từ điện thoại, máy ảnh hoặc tin nhắn đã gửi ảnh
# example: size=12000×9000 | mega=108 | max=50
G0506 = ảnh có kích thước { $size } điểm ảnh ({ $mega } megapixel), vượt giới hạn { $max } megapixel; hãy thu nhỏ ảnh trước khi đưa vào
    .help = thu nhỏ ảnh (chiều rộng 3000 điểm ảnh là đủ), hoặc tăng `max_megapixels` trong mục `images:` của site.yaml
# example:
G0507 = không đọc được ảnh: không có tệp này
    .help = đặt ảnh vào thư mục của hồ sơ, hoặc sửa lại tên tệp ảnh đã ghi trong nội dung
# example: error=no JPEG variant
G0508 = không tạo được ảnh cho thẻ chia sẻ: { $error }
    .help = đây là lỗi của guong: xóa thư mục .guong-cache rồi dựng trang lại; nếu vẫn gặp lỗi này, hãy báo cho người phụ trách kỹ thuật
images-progress = ảnh
# example:
G0509 = mẫu trang (template) không phải là văn bản UTF-8
    .help = trong trình soạn thảo, lưu lại mẫu trang theo dạng UTF-8
# example: lang=en
G0510 = giao diện thiếu tệp i18n/{ $lang }.yaml
    .help = thêm tệp i18n/{ $lang }.yaml vào giao diện: các dòng chữ mà mẫu trang hiển thị bằng ngôn ngữ đó
# example: files=profile.schema.json, movement.schema.json
G0511 = các tệp lược đồ (schema) dùng cho trình soạn thảo không còn khớp với dữ liệu của trang ({ $files })
    .help = chạy lệnh `guong schema` rồi lưu kết quả lại (commit), để trình soạn thảo biết các khóa hiện hành
scaffold-no-letters = không tạo được tên tệp từ { $name }: hãy đặt tên có chữ cái
