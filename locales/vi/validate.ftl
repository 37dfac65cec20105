### guong: thông báo bằng tiếng Việt — validate
### Xem locales/README.md.


## Quy tắc chung của toàn trang (src/validate.rs)

# example: slug=Dân-vận-khéo | suggestion=dan-van-kheo
G0201 = tên tệp `{ $slug }` không dùng được làm địa chỉ của trang: tên chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang `-`
    .help = đổi tên tệp thành `{ $suggestion }.vi.md`
# example: year=2205
G0202 = { $year } không phải là một năm hợp lệ cho kỳ Đại hội
    .help = ghi năm diễn ra kỳ Đại hội vào `year`, bằng bốn chữ số, ví dụ 2025
# example: date=2024-10-15 | year=2025
G0203 = ngày { $date } không thuộc năm { $year }
    .help = `date` và `year` của kỳ Đại hội phải cùng một năm: sửa lại khóa bị ghi sai
# example: slug=ho-so
G0204 = tên tệp `{ $slug }` trùng với tên một mục của trang web nên không dùng cho trang này được
    .help = đổi tên tệp thành một tên khác
# example: about=gioi-thieu
G0205 = `about_page` chỉ đến trang `{ $about }`, nhưng thư mục content/pages/ không có trang này
    .help = viết trang đó vào tệp content/pages/{ $about }.vi.md, hoặc ghi vào `about_page` tên một trang đã có
# example: number=3
G0206 = khẩu hiệu thứ { $number } chưa có nội dung tiếng Việt
    .help = ghi nội dung tiếng Việt của khẩu hiệu vào khóa `vi`, hoặc xóa khẩu hiệu này
validate-did-you-mean = có phải ý bạn là `{ $suggestion }`?

## Hồ sơ

# example: slug=Ho So Thu | suggestion=ho-so-thu
G0207 = tên thư mục `{ $slug }` không dùng được làm địa chỉ của trang: tên chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang `-`
    .help = đổi tên thư mục thành `{ $suggestion }`
# example: slug=trang
G0208 = tên thư mục `{ $slug }` trùng với phần địa chỉ dành cho số trang của danh sách (ví dụ `…/{ $slug }/2/`)
    .help = đổi tên thư mục thành một tên khác
# example: year=224
G0209 = { $year } không phải là một năm khen thưởng hợp lệ
    .help = ghi năm bằng bốn chữ số, ví dụ 2024
# example: tag=Nông thôn mới | suggestion=nong-thon-moi
G0210 = thẻ `{ $tag }` chưa viết đúng dạng khóa
    .help = viết lại thành `{ $suggestion }`
# example: url=www.example.vn/bai-viet
G0211 = `{ $url }` không phải là địa chỉ web
    .help = ghi đầy đủ địa chỉ, bắt đầu bằng https://
# example: first=ho-so-thu
G0212 = trùng tên và cơ quan, đơn vị với hồ sơ `{ $first }`
    .help = gộp hai hồ sơ làm một (chuyển các khen thưởng sang một hồ sơ), hoặc ghi cơ quan, đơn vị vào `organization` để phân biệt hai hồ sơ
# example: key=awards | max=20 | count=35
G0213 = đã dừng kiểm tra danh sách `{ $key }` sau { $max } lỗi: còn { $count } mục chưa được kiểm tra
    .help = sửa các lỗi ở trên rồi kiểm tra lại
# example: field=field | table=data/fields.yaml | keys=giao-duc, nong-thon-moi, y-te
G0214 = chưa chọn giá trị cho khóa `{ $field }`
    .help = ghi vào `{ $field }` một trong các khóa có trong { $table }: { $keys }
# example: key=y-tee | table=data/fields.yaml | keys=giao-duc, nong-thon-moi, y-te
G0215 = giá trị `{ $key }` không có trong danh sách khóa của { $table }
    .help = các khóa hợp lệ: { $keys }
validate-no-keys-yet = { $table } chưa có khóa nào: hãy thêm `{ $key }` vào đó
# example: count=419 | max=300
G0216 = phần tóm tắt dài { $count } ký tự; danh sách hồ sơ và kết quả tìm kiếm chỉ hiện được tối đa { $max } ký tự
    .help = rút gọn phần tóm tắt; câu chuyện đầy đủ viết ở phần nội dung, bên dưới phần khai báo đầu tệp
# example:
G0217 = phần tóm tắt vẫn là câu mẫu do `guong new` tạo ra
    .help = thay bằng một câu đúng sự thật về cá nhân hoặc tập thể này, lấy từ các nguồn
# example:
G0218 = phần nội dung vẫn còn dòng mẫu do `guong new` tạo ra
    .help = thay dòng này bằng nội dung thật, chỉ viết những gì các nguồn đã ghi

## Ảnh

# example:
G0219 = đã có ảnh thì phải có `photo_alt`: câu mô tả ảnh, được đọc lên cho người không xem được ảnh
    .help = mô tả ảnh bằng một câu, ví dụ `photo_alt: "Chân dung ông Nguyễn Văn A tại nơi làm việc"`
# example: src=https://example.com/anh.jpg
G0220 = ảnh `{ $src }` không phải là tệp trong thư mục của hồ sơ
    .help = chép ảnh vào thư mục của hồ sơ rồi ghi tên tệp ảnh: các trang không tải nội dung từ trang web khác
# example: file=../ho-so-khac/chan-dung.jpg
G0221 = `{ $file }` trỏ ra ngoài thư mục của hồ sơ
    .help = đặt ảnh vào cùng thư mục với index.vi.md và chỉ ghi tên tệp ảnh
# example: file=chan-dung.gif
G0222 = `{ $file }` không thuộc loại ảnh được hỗ trợ
    .help = dùng tệp ảnh .jpg, .png hoặc .webp
# example: file=chan-dung.jpg
G0223 = ảnh `{ $file }` là một liên kết tượng trưng (symbolic link); guong không đọc qua liên kết
    .help = chép chính tệp ảnh vào thư mục của hồ sơ
# example: file=anh-the.jpg | folder=content/profiles/ho-so-thu
G0224 = không tìm thấy ảnh `{ $file }` trong thư mục { $folder }
    .help = chép ảnh vào thư mục của hồ sơ
validate-photo-nfd = tên tệp ảnh có đúng các chữ ấy nhưng dấu được lưu tách khỏi chữ (Unicode NFD, cách macOS lưu chữ có dấu): đổi tên tệp thành `{ $name }`

## Cách đọc chưa chắc chắn, khóa `unconfirmed` (src/unconfirmed.rs)

# example: field=organization
G0251 = hồ sơ chưa ghi `{ $field }`
    .help = ghi vào `field` một khóa mà hồ sơ đã có giá trị: name, honorific, role hoặc organization
# example: text=Lo | field=name | value=Lò Thị Thử
G0252 = “{ $text }” không có trong `{ $field }` (“{ $value }”)
    .help = chép vào `text` các chữ hoặc từ chưa chắc chắn, đúng y như chúng được viết trong khóa đó
