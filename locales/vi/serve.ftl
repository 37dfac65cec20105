### guong: thông báo bằng tiếng Việt — serve
### Xem locales/README.md.

# example: error=template `embed.html`: unexpected end of input
G0806 = thẻ nhúng: { $error }
    .help = kiểm tra mẫu thẻ nhúng (embed.html) nêu ở trên; `guong check` liệt kê các lỗi của mẫu kèm số dòng

serve-cannot-listen-on = không mở được { $address } để xem trước: { $error }
serve-port-taken = có thể một `guong serve` khác đang chạy: dừng nó (bấm Ctrl+C trong cửa sổ của nó), hoặc chọn cổng khác bằng --port 8080
serve-cannot-listen = bản xem trước không nhận được kết nối: { $error }
serve-started = Đã dựng { $profiles } hồ sơ trong { $seconds } giây. Xem trước tại { $address } (bấm Ctrl+C để dừng)
serve-listening-everywhere = lưu ý: đang mở tại { $address }: các máy tính khác trong cùng mạng cũng xem được bản xem trước
serve-search-updated = đã cập nhật chỉ mục tìm kiếm ({ $count } tệp thay đổi)
serve-cannot-watch = không theo dõi được { $folder }: { $error } (trên Linux, hãy tăng fs.inotify.max_user_watches)
serve-keeps-last-good = Bản xem trước vẫn hiển thị phiên bản tốt gần nhất cho đến khi các lỗi này được sửa.
serve-rebuilt = đã dựng lại trong { $ms } ms: { $changed } trong { $drawn } tệp thay đổi{ $first ->
        [none] {""}
       *[other] {" "}({ $first }…)
    }{ $removed ->
        [0] {""}
       *[other] , { $removed } tệp bị xóa
    }
