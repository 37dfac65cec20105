### guong: thông báo bằng tiếng Việt — render
### Xem locales/README.md.

# example: error=Failed to parse 'profile.html': unexpected tag; expected `endif`
G0601 = mẫu trang (template) có lỗi: { $error }
    .help = có thể thay một mẫu trang của giao diện bằng cách đặt tệp cùng tên vào thư mục templates/ của trang
# example: error=embed card of ho-so-thu: Variable `t.award` not found
G0602 = không tạo được thẻ nhúng: { $error }
    .help = kiểm tra mẫu embed.html của giao diện, hoặc bản sao của nó trong thư mục templates/ của trang
render-embed-card-of = thẻ nhúng của hồ sơ { $slug }
