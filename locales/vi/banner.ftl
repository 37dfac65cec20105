### guong: thông báo bằng tiếng Việt — banner (băng rôn, phướn in khẩu hiệu)
### Xem locales/README.md.

# example: number=3 | size=400 × 60 cm | min=5
G0620 = khẩu hiệu số { $number } quá dài để in trên khổ { $size }: phải để cỡ chữ dưới { $min } cm mới vừa, như thế khó đọc từ xa
    .help = khẩu hiệu được chép nguyên văn nên đừng tự rút gọn: hãy dùng khổ lớn hơn (nhất là cao hơn) trong mục `banner_sizes` của site.yaml, hoặc bỏ khổ này
# example: cm=600 | min=10 | max=508
G0621 = kích thước { $cm } cm nằm ngoài khoảng cho phép (từ { $min } đến { $max } cm)
    .help = ghi kích thước bằng xăng-ti-mét, ví dụ `width_cm: 500` và `height_cm: 80`; băng rôn dài hơn 508 cm thì chọn khổ cùng tỉ lệ rồi nhờ nhà in phóng to
# example: number=2 | chars=★
G0622 = khẩu hiệu số { $number } có ký tự mà phông chữ của băng rôn không có: { $chars }
    .help = xem ký tự đó có phải gõ nhầm hay dán từ văn bản khác sang không; phông chữ Noto Sans có đủ chữ tiếng Việt
# example: error=failed to subset font
G0623 = không tạo được tệp PDF của băng rôn: { $error }
    .help = đây là lỗi của guong: xóa thư mục .guong-cache rồi dựng trang lại; nếu vẫn gặp lỗi này, hãy báo cho người phụ trách kỹ thuật
