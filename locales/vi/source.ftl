### guong: thông báo bằng tiếng Việt — source
### Xem locales/README.md.

# example:
G0301 = tệp trống, chưa có nội dung
    .help = viết phần khai báo đầu tệp giữa hai dòng `---`, hoặc xóa tệp này
source-empty-table-help = viết bảng dữ liệu vào tệp, hoặc xóa tệp này (không có tệp dữ liệu thì bảng được coi là trống)
# example:
G0302 = tệp bắt đầu bằng ký tự đánh dấu thứ tự byte (BOM)
    .help = trong trình soạn thảo, lưu lại tệp theo dạng "UTF-8" (không có BOM)
# example:
G0303 = tệp có chứa byte NUL: đây có vẻ là tệp nhị phân, không phải văn bản
    .help = tệp nội dung phải là văn bản thuần, mã UTF-8
# example:
G0304 = tệp không phải là văn bản UTF-8 hợp lệ
    .help = lưu lại tệp theo dạng UTF-8; tệp gõ bằng bảng mã cũ (TCVN3, VNI) phải được chuyển sang Unicode trước
source-windows-1258-help = tệp có vẻ được lưu theo bảng mã Windows-1258 (CP1258): đọc theo bảng mã này, dòng { $line } là “{ $reads }”; trong trình soạn thảo, lưu lại tệp theo dạng UTF-8
# example:
G0305 = tệp dùng kiểu xuống dòng của Windows (CRLF)
    .help = chỉnh trình soạn thảo để lưu tệp với kiểu xuống dòng LF (trong VS Code: bấm nút "CRLF" trên thanh trạng thái rồi chọn "LF")
# example: encoding=TCVN3 (ABC) | reads=Đoàn kết, sáng tạo | file=content/profiles/ho-so-thu/index.vi.md
G0306 = dòng này có vẻ được gõ bằng bảng mã cũ { $encoding }; chuyển sang Unicode thì đọc là: “{ $reads }”
    .help = chạy lệnh `guong fix-encoding { $file }` để chuyển tệp sang Unicode (nên chạy thử trước với `--dry-run`)
# example:
G0307 = đây là liên kết tượng trưng (symbolic link); guong không đi theo liên kết
    .help = sao chép tệp vào thư mục của trang thay vì liên kết tới tệp
# example: error=Permission denied (os error 13)
G0308 = không đọc được: { $error }
    .help = kiểm tra xem tệp có tồn tại không và tài khoản đang dùng có quyền đọc tệp không
# example:
G0309 = đây không phải là tệp thông thường (mà là thư mục, thiết bị hoặc đường ống có tên)
    .help = thay bằng một tệp văn bản thông thường, hoặc xóa đi
