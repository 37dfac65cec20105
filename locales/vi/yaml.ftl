### guong: thông báo bằng tiếng Việt — yaml
### Xem locales/README.md.

# example:
G0101 = dùng phím Tab để thụt lề
    .help = YAML chỉ cho phép thụt lề bằng dấu cách: thay ký tự Tab bằng dấu cách

# example: max=1000
G0102 = các dấu ngoặc ở đây lồng nhau sâu quá { $max } tầng
    .help = danh sách viết dạng `[a, b]` hoặc mỗi mục một dòng bắt đầu bằng `- `: kiểm tra xem có dấu ngoặc nào mở ra mà không đóng lại không

# example: key=organisation | keys=`name`, `organization`, `summary`
G0103 = khóa `{ $key }` không có trong loại tệp này
    .help = kiểm tra chính tả của khóa; các khóa hợp lệ ở đây: { $keys }

yaml-did-you-mean = có phải ý bạn là `{ $suggestion }`?

# example: value=ca-nhan | allowed=`individual`, `collective`
G0104 = giá trị `{ $value }` không hợp lệ ở đây
    .help = chỉ được chọn một trong các giá trị: { $allowed }

# example: value=năm 2024 | found=string | expected=integer
G0105 = { $value ->
        [none] giá trị
       *[other] giá trị `{ $value }`
    } không đúng kiểu: ở đây đang là { $found ->
        [string] một đoạn chữ
        [integer] một số nguyên
        [number] một số
        [boolean] `true`/`false`
        [list] một danh sách
        [mapping] các cặp khóa: giá trị
        [empty] giá trị trống
       *[other] { $found }
    }, nhưng cần { $expected ->
        [string] một đoạn chữ
        [integer] một số nguyên (chỉ gồm chữ số)
        [number] một số
        [boolean] `true` hoặc `false`
        [list] một danh sách (mỗi mục một dòng bắt đầu bằng `- `, hoặc dạng `[a, b]`)
        [choice] một giá trị duy nhất trong danh sách được phép
        [mapping] các cặp khóa: giá trị
        [empty] giá trị trống
       *[other] { $expected }
    }
    .help = sửa giá trị cho đúng kiểu; đoạn chữ có dấu `:` hoặc `#` thì đặt trong ngoặc kép

# example:
G0106 = phần khai báo đầu tệp kết thúc khi một giá trị còn đang viết dở
    .help = có một dấu ngoặc kép `"` hoặc dấu ngoặc `[` mở ra ở phía trên mà chưa đóng lại

# example:
G0107 = có dấu `:` ở chỗ không được phép
    .help = kiểm tra thụt lề, và đặt trong ngoặc kép những đoạn chữ có dấu `:` hoặc `#`, ví dụ `role: "Chủ tịch: nhiệm kỳ 2020-2025"`

# example: detail=did not find expected key
G0108 = YAML không đọc được ở đây: thiếu một khóa hoặc dấu `-` ở chỗ cần có ({ $detail })
    .help = kiểm tra thụt lề (các khóa cùng cấp phải thẳng cột) và đặt trong ngoặc kép những đoạn chữ có dấu `:` hoặc `#`

# example: detail=duplicate entry with key "name"
G0109 = một khóa được viết hai lần ({ $detail })
    .help = mỗi khóa chỉ được viết một lần: giữ lại một dòng và xóa dòng kia

# example: detail=found character that cannot start any token
G0110 = YAML không đọc được ở đây ({ $detail })
    .help = kiểm tra thụt lề và đặt trong ngoặc kép những đoạn chữ có dấu `:`, `#`, `@` hoặc bắt đầu bằng dấu `*`, `&`, `!`

# example: key=summary
G0111 = thiếu khóa bắt buộc `{ $key }`
    .help = thêm một dòng `{ $key }: …` vào phần khai báo đầu tệp (giữa hai dòng `---`)
