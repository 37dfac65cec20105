### guong: thông báo bằng tiếng Việt — data
### Xem locales/README.md.

# example: count=20
G0324 = đã dừng kiểm tra khóa sau { $count } lỗi
    .help = sửa các khóa ở trên rồi kiểm tra lại
# example: key=Nông thôn mới
G0325 = `{ $key }` không phải là khóa hợp lệ
    .help = khóa chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ `nong-thon-moi`
# example:
G0326 = mã biểu đồ chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang
    .help = viết mã theo kiểu `khen-thuong-theo-nam`
# example:
G0327 = khi biểu đồ có `compare_series` thì cột nào cũng phải có `compare`, còn khi không có thì không cột nào được có `compare`
    .help = ghi `compare` cho mọi cột, hoặc xóa `compare_series` và mọi `compare`
