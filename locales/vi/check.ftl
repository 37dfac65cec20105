### guong: thông báo bằng tiếng Việt — check
### Xem locales/README.md.


## Cảnh báo về hồ sơ

# example: folder=content/profiles/ho-so-thu
G0401 = hồ sơ chưa có ảnh chân dung
    .help = đặt ảnh chân dung (.jpg, .png hoặc .webp) vào thư mục { $folder }/ rồi thêm `photo: <tên tệp ảnh>` và `photo_alt: <mô tả ảnh>`
# example: readings=“Lò Văn A”, “Lò Văn Á” | key=name | value=Lò Văn A
G0402 = việc cần làm: đối chiếu cách viết { $readings } của `{ $key }` (“{ $value }”) với văn bản gốc
    .help = trên trang đang ghi rõ cách viết này còn chờ kiểm tra; khi văn bản gốc đã xác nhận, sửa `{ $key }` nếu cần rồi xóa mục tương ứng trong `unconfirmed`

## Liên kết, điểm neo và ảnh

# example: address=anh-1.jpg | target=/dien-hinh/ho-so-thu/anh-1.jpg | english=no
G0403 = không tìm thấy ảnh `{ $address }`{ $target ->
        [none] {""}
       *[other] {" "}(địa chỉ đầy đủ: { $target })
    }{ $english ->
        [yes] {" "}trên trang tiếng Anh, nơi đang hiển thị nội dung tiếng Việt này cho đến khi có bản tiếng Anh
       *[no] {""}
    }
    .help = câu chuyện của một hồ sơ chỉ hiển thị được ảnh nằm trong thư mục của chính hồ sơ đó: đặt tệp ảnh vào đấy và ghi đúng tên tệp; các trang khác chỉ hiển thị được những tệp mà trang web xuất bản, chẳng hạn /assets/…
# example: address=../ho-so-thu/ | target=/en/dien-hinh/ho-so-thu/ | english=yes
G0404 = liên kết `{ $address }` không dẫn tới trang nào của trang web{ $target ->
        [none] {""}
       *[other] {" "}(địa chỉ đầy đủ: { $target })
    }{ $english ->
        [yes] {" "}trên trang tiếng Anh, nơi đang hiển thị nội dung tiếng Việt này cho đến khi có bản tiếng Anh
       *[no] {""}
    }
    .help = kiểm tra lại địa chỉ: sao chép địa chỉ từ thanh địa chỉ của trình duyệt khi xem trước bằng `guong serve`
# example: address=/assets/style.cs | target=none
G0405 = `{ $address }` không phải là tệp của trang web{ $target ->
        [none] {""}
       *[other] {" "}(địa chỉ đầy đủ: { $target })
    }
    .help = kiểm tra lại địa chỉ
# example: address=/dien-hinh/ho-so-thu/#so-lieu-2023 | page=/dien-hinh/ho-so-thu/ | anchor=so-lieu-2023 | english=no
G0406 = liên kết `{ $address }`: trang { $page } không có điểm neo `#{ $anchor }`{ $english ->
        [yes] {" "}trên trang tiếng Anh, nơi đang hiển thị nội dung tiếng Việt này cho đến khi có bản tiếng Anh
       *[no] {""}
    }
    .help = mỗi tiêu đề có điểm neo lấy từ chữ của tiêu đề: `## Thành tích` → `#thanh-tich` (hoặc tự đặt: `## Thành tích {"{"}#thanh-tich{"}"}`)
# example: address=/dai-hoi/1/ | base_url=https://thidua.sonla.gov.vn/dien-hinh | base_path=/dien-hinh | english=no
G0407 = liên kết `{ $address }` nằm ngoài trang web (trang web được xuất bản tại { $base_url }){ $english ->
        [yes] {" "}trên trang tiếng Anh, nơi đang hiển thị nội dung tiếng Việt này cho đến khi có bản tiếng Anh
       *[no] {""}
    }
    .help = viết địa chỉ bắt đầu bằng đường dẫn của trang web: `{ $base_path }{ $address }`
# example: count=3
G0408 = { $count } địa chỉ do mẫu giao diện (template) tạo ra không dẫn tới đâu, nhiều khả năng do các lỗi ở trên
    .help = sửa các lỗi đó rồi chạy lại `guong check` để xem còn địa chỉ nào hỏng không
check-did-you-mean-page = có phải ý bạn là { $address }?
check-did-you-mean-anchor = có phải ý bạn là `#{ $anchor }`?
check-written-by-template = địa chỉ này do { $templates_count ->
        [0] chính guong
        [1] mẫu giao diện { $templates } (hoặc một mẫu được nó chèn vào)
       *[other] các mẫu giao diện { $templates } (hoặc một mẫu được chúng chèn vào)
    } viết ra, không phải do nội dung{ $pages ->
        [1] {""}
       *[other] ; địa chỉ này có trên { $pages } trang: { $examples }
    }

## Bản dịch

# example:
G0409 = bản sao git này là bản sao rút gọn (shallow clone): báo cáo bản dịch lấy ngày sửa tệp theo các lần commit có trong bản sao, nên không biết được bản tiếng Anh nào cũ hơn bản tiếng Việt
    .help = tải toàn bộ lịch sử (`git fetch --unshallow`, hoặc `fetch-depth: 0` với actions/checkout) rồi kiểm tra lại
# example: english=content/profiles/ho-so-thu/index.en.md | vietnamese=content/profiles/ho-so-thu/index.vi.md
G0410 = chưa có bản tiếng Anh: trang tiếng Anh đang hiển thị nội dung tiếng Việt
    .help = viết bản tiếng Anh vào tệp { $english }, cạnh tệp { $vietnamese }
# example: english=content/profiles/ho-so-thu/index.en.md | vietnamese=content/profiles/ho-so-thu/index.vi.md
G0411 = bản tiếng Anh cũ hơn bản tiếng Việt: tệp tiếng Việt đã được sửa sau khi dịch
    .help = so sánh { $english } với { $vietnamese } rồi cập nhật bản tiếng Anh cho khớp
check-translations-current = Bản dịch: cả { $count } mục đều có bản tiếng Anh mới bằng hoặc mới hơn bản tiếng Việt.
check-translations-missing = Bản dịch: { $count } mục chưa có bản tiếng Anh (trong tổng số { $total } mục)
check-translations-outdated = Bản dịch: { $count } bản tiếng Anh cũ hơn bản tiếng Việt (trong tổng số { $total } mục)
check-translations-both = Bản dịch: { $missing } mục chưa có bản tiếng Anh và { $outdated } bản tiếng Anh cũ hơn bản tiếng Việt (trong tổng số { $total } mục)
check-translations-help = { $missing ->
        [0] {""}
       *[other] viết các bản tiếng Anh còn thiếu (tệp `….en.md` cạnh tệp `….vi.md`){ $outdated ->
            [0] {""}
           *[other] {" "}và{" "}
        }
    }{ $outdated ->
        [0] {""}
       *[other] cập nhật các bản tiếng Anh cũ theo bản tiếng Việt
    }; `guong check --verbose` liệt kê từng tệp, `--format csv` xuất toàn bộ danh sách ra bảng tính
check-status = tình trạng
    .ok = đã cập nhật
    .missing = chưa có
    .outdated = cũ hơn
check-kind = loại
    .profile = hồ sơ
    .congress = kỳ Đại hội
    .movement = phong trào
    .page = trang
check-column = các cột
    .status = TÌNH TRẠNG
    .kind = LOẠI
    .english = TỆP TIẾNG ANH
    .vietnamese-changed = NGÀY SỬA TIẾNG VIỆT
    .english-changed = NGÀY SỬA TIẾNG ANH

## Báo cáo

check-repeated-first = (trường hợp đầu tiên: { $first })
check-verbose-lists-each = `guong check --verbose` liệt kê từng trường hợp
check-summary-clean = Không có gì cản trở việc xuất bản: { $errors } lỗi, { $warnings } cảnh báo trong { $profiles } hồ sơ, { $congresses } kỳ Đại hội, { $movements } phong trào, { $pages } trang.
check-summary-errors = Cần sửa các lỗi ở trên trước khi xuất bản: { $errors } lỗi, { $warnings } cảnh báo trong { $profiles } hồ sơ, { $congresses } kỳ Đại hội, { $movements } phong trào, { $pages } trang.
check-summary-not-loaded = { $errors } lỗi, { $warnings } cảnh báo; không đọc được trang web.
